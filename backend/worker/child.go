package worker

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime/metrics"
	"strconv"
	"time"

	"integrationstudio/backend/apperr"
)

// Child runs each job in a fresh process of Exe (the app's own binary).
type Child struct {
	Exe string
	// Timeout bounds one job (default 2 minutes).
	Timeout time.Duration
	// MemoryLimit is the child's soft limit (GOMEMLIMIT); the child exits
	// when its heap passes twice that (default 3 GiB soft, 6 GiB hard).
	MemoryLimit int64
}

const (
	defaultTimeout     = 2 * time.Minute
	defaultMemoryLimit = 3 << 30
	exitOverMemory     = 3
)

// message is one line the child writes: progress, then a result or an error.
type message struct {
	Progress *Progress       `json:"progress,omitempty"`
	Result   json.RawMessage `json:"result,omitempty"`
	Error    *apperr.Error   `json:"error,omitempty"`
}

// resultPrefix starts the line of a result (Serve writes it so).
var resultPrefix = []byte(`{"result":`)

type request struct {
	Op     string         `json:"op"` // import or fix
	Import *ImportRequest `json:"import,omitempty"`
	Fix    *FixRequest    `json:"fix,omitempty"`
}

func (c Child) Import(ctx context.Context, req ImportRequest, progress func(Progress)) (*Imported, error) {
	var out Imported
	if err := c.run(ctx, request{Op: "import", Import: &req}, orNoop(progress), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c Child) Fix(ctx context.Context, req FixRequest, progress func(Progress)) (*Fixed, error) {
	var out Fixed
	if err := c.run(ctx, request{Op: "fix", Fix: &req}, orNoop(progress), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (c Child) run(ctx context.Context, req request, progress func(Progress), out any) error {
	timeout, mem := c.Timeout, c.MemoryLimit
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	if mem <= 0 {
		mem = defaultMemoryLimit
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	input, err := json.Marshal(req)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, c.Exe, Command)
	cmd.Env = append(os.Environ(), "GOMEMLIMIT="+strconv.FormatInt(mem, 10), "INTEGRATION_STUDIO_WORKER_HARD_LIMIT="+strconv.FormatInt(2*mem, 10))
	cmd.Stdin = bytes.NewReader(input)
	var stderr bytes.Buffer
	cmd.Stderr = &limitedWriter{w: &stderr, n: 64 << 10}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return apperr.Wrap(err, apperr.Internal, "Could not start the worker process: %v", err)
	}
	var final *message
	decoded := false // the result line was decoded into out
	scanner := bufio.NewScanner(stdout)
	scanner.Buffer(make([]byte, 64<<10), 1<<30) // a result line holds the whole document
	for scanner.Scan() {
		line := scanner.Bytes()
		if bytes.HasPrefix(line, resultPrefix) && bytes.HasSuffix(line, []byte("}")) {
			// Straight into out: decoding a message first would copy the
			// result into its json.RawMessage and scan it all once more.
			if err := json.Unmarshal(line[len(resultPrefix):len(line)-1], out); err == nil {
				final, decoded = &message{}, true
			}
			continue
		}
		var m message
		if err := json.Unmarshal(line, &m); err != nil {
			continue
		}
		if m.Progress != nil {
			progress(*m.Progress)
			continue
		}
		final, decoded = &m, false
	}
	waitErr := cmd.Wait()
	switch {
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return apperr.Errorf(apperr.Invalid, "Reading this file took longer than %s, so it was stopped. The file may be pathological (deeply nested or with huge alias expansions); nothing was stored.", timeout)
	case ctx.Err() != nil:
		return apperr.Errorf(apperr.Invalid, "Cancelled; nothing was stored.")
	case final != nil && final.Error != nil:
		return final.Error
	case final != nil && decoded:
		return nil
	case final != nil && final.Result != nil:
		return json.Unmarshal(final.Result, out)
	}
	var exitErr *exec.ExitError
	if errors.As(waitErr, &exitErr) && exitErr.ExitCode() == exitOverMemory {
		return apperr.Errorf(apperr.Invalid, "Reading this file needed more than %s of memory, so it was stopped; nothing was stored. Try the slim fixer on a smaller part of the spec.", humanSize(2*mem))
	}
	return apperr.Wrap(fmt.Errorf("worker: %v: %s", waitErr, stderr.String()), apperr.Internal,
		"The worker process that reads spec files stopped unexpectedly; nothing was stored. The details are in the log file.")
}

// Serve is the child side: it reads one request from in, writes progress
// and the outcome to out as JSON lines, and returns the exit code.
func Serve(in io.Reader, out io.Writer) int {
	if hard, err := strconv.ParseInt(os.Getenv("INTEGRATION_STUDIO_WORKER_HARD_LIMIT"), 10, 64); err == nil && hard > 0 {
		go watchMemory(hard)
	}
	enc := json.NewEncoder(out)
	var req request
	if err := json.NewDecoder(in).Decode(&req); err != nil {
		enc.Encode(message{Error: apperr.Errorf(apperr.Internal, "worker: bad request: %v", err)})
		return 2
	}
	progress := func(p Progress) { enc.Encode(message{Progress: &p}) }
	var result any
	var err error
	ctx := context.Background()
	switch req.Op {
	case "import":
		if req.Import == nil {
			err = apperr.Errorf(apperr.Internal, "worker: import request missing")
		} else {
			result, err = handleImport(ctx, *req.Import, progress)
		}
	case "fix":
		if req.Fix == nil {
			err = apperr.Errorf(apperr.Internal, "worker: fix request missing")
		} else {
			result, err = handleFix(ctx, *req.Fix, progress)
		}
	default:
		err = apperr.Errorf(apperr.Internal, "worker: unknown op %q", req.Op)
	}
	if err != nil {
		enc.Encode(message{Error: apperr.Public(err)})
		return 1
	}
	raw, err := json.Marshal(result)
	if err != nil {
		enc.Encode(message{Error: apperr.Public(err)})
		return 1
	}
	// {"result":raw}: the same line enc.Encode(message{Result: raw}) writes
	// (raw is already compact and escaped by json.Marshal), without
	// validating and copying tens of MB once more.
	w := bufio.NewWriterSize(out, 1<<20)
	w.WriteString(`{"result":`)
	w.Write(raw)
	w.WriteString("}\n")
	w.Flush()
	return 0
}

// watchMemory exits the child when its heap passes the hard limit;
// GOMEMLIMIT alone is soft and would let a bomb grow on.
func watchMemory(hard int64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	for range time.Tick(50 * time.Millisecond) {
		metrics.Read(sample)
		if int64(sample[0].Value.Uint64()) > hard {
			os.Exit(exitOverMemory)
		}
	}
}

type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n <= 0 {
		return len(p), nil
	}
	if len(p) > l.n {
		l.w.Write(p[:l.n])
		l.n = 0
		return len(p), nil
	}
	l.n -= len(p)
	return l.w.Write(p)
}

func humanSize(n int64) string {
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}
