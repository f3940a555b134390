package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"integrationstudio/backend/finding"
)

// A JSON OpenAPI 3 file is, almost always, already the document Import
// makes of it, byte for byte once compacted. So while ReadSource parses the
// file into nodes (positions, checks, conversion), a second goroutine
// compacts the bytes the way toJSON would and builds libopenapi's model from
// them: on Microsoft Graph's spec that is a second of parsing off the
// critical path. Import keeps the speculative model only if the document it
// made is exactly the one the model was built from; otherwise (duplicate
// keys, defused references, anything the node walk writes differently) the
// model is built again from the real document.

type speculation struct {
	doc      []byte
	built    *builtModel
	findings []finding.Finding
	err      error
}

// speculator is a speculation under way: compacted says first whether the
// file compacted (the document, or nil when it is not JSON encoding/json
// reads), done gives the model.
type speculator struct {
	compacted <-chan []byte
	done      <-chan *speculation
}

// speculate starts building the model of data when it looks like a JSON
// OpenAPI 3 file within the limits; it returns nil when it does not.
func speculate(name string, data []byte, opts Options) *speculator {
	limits := opts.Limits
	if limits.MaxBytes > 0 && int64(len(data)) > limits.MaxBytes {
		return nil
	}
	data = trimBOM(data)
	if firstNonSpace(data) != '{' {
		return nil
	}
	head := data[:min(len(data), 4096)]
	if bytes.Contains(head, []byte(`"swagger"`)) || !bytes.Contains(data, []byte(`"openapi"`)) {
		return nil
	}
	if _, depth := maxNesting(data); depth > limits.MaxDepth {
		return nil
	}
	out := make(chan *speculation, 1) // buffered: Import may not wait for it
	compacted := make(chan []byte, 1)
	go func() {
		s := &speculation{}
		defer func() {
			if p := recover(); p != nil {
				s.err = fmt.Errorf("speculative model: %v", p)
			}
			if s.err != nil && s.doc == nil {
				compacted <- nil
			}
			out <- s
		}()
		if s.doc, s.err = compactAsToJSON(data); s.err != nil {
			s.doc = nil
			return
		}
		compacted <- s.doc
		indented, err := IndentJSON(s.doc)
		if err != nil {
			s.err = err
			return
		}
		s.built, s.findings, s.err = buildModel(name, indented, opts.Refs, opts.Parsed)
	}()
	return &speculator{compacted: compacted, done: out}
}

// compactAsToJSON writes JSON input as toJSON writes the same input parsed
// as YAML: compact, keys in order, strings escaped by appendString, integers
// that fit int64 normalised ("-0" → "0"), other numbers as written.
func compactAsToJSON(data []byte) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var buf bytes.Buffer
	buf.Grow(len(data))
	// One entry per open container: is it an object, is the next token a
	// key, has it a member yet.
	type open struct{ object, wantKey, nonEmpty bool }
	var stack []open
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			buf.WriteByte(byte(d))
			stack = stack[:len(stack)-1]
			if n := len(stack); n > 0 && stack[n-1].object {
				stack[n-1].wantKey = true
			}
			continue
		}
		isKey := false
		if n := len(stack); n > 0 {
			top := &stack[n-1]
			isKey = top.object && top.wantKey
			if isKey || !top.object {
				if top.nonEmpty {
					buf.WriteByte(',')
				}
				top.nonEmpty = true
			}
		}
		switch v := tok.(type) {
		case json.Delim:
			buf.WriteByte(byte(v))
			stack = append(stack, open{object: v == '{', wantKey: v == '{'})
			continue // the container's parent moves on when it closes
		case string:
			appendString(&buf, v)
		case json.Number:
			s := string(v)
			if !strings.ContainsAny(s, ".eE") {
				if i, err := strconv.ParseInt(s, 10, 64); err == nil {
					s = strconv.FormatInt(i, 10)
				}
			}
			buf.WriteString(s)
		case bool:
			buf.WriteString(strconv.FormatBool(v))
		case nil:
			buf.WriteString("null")
		}
		if n := len(stack); n > 0 && stack[n-1].object {
			if isKey {
				buf.WriteByte(':')
			}
			stack[n-1].wantKey = !isKey
		}
	}
	return buf.Bytes(), nil
}
