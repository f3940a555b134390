package worker

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestServeWritesTheResultLineAsTheEncoderWould: Serve writes the result
// line itself (no second pass over it); the bytes are those
// json.Encoder.Encode(message{Result: raw}) writes, so any reader of the
// old line reads this one.
func TestServeWritesTheResultLineAsTheEncoderWould(t *testing.T) {
	for _, data := range []string{
		"openapi: 3.0.3\ninfo: {title: T, version: '1', description: \"<b>&</b> \\u2028\"}\npaths: {/a: {get: {operationId: a, responses: {'200': {description: ok}}}}}\n",
	} {
		req, _ := json.Marshal(request{Op: "import", Import: &ImportRequest{Name: "t.yaml", Data: []byte(data)}})
		var out bytes.Buffer
		if code := Serve(bytes.NewReader(req), &out); code != 0 {
			t.Fatalf("exit %d: %s", code, out.String())
		}
		lines := strings.SplitAfter(strings.TrimSuffix(out.String(), "\n"), "\n")
		last := lines[len(lines)-1] + "\n"
		if !strings.HasPrefix(last, string(resultPrefix)) {
			t.Fatalf("last line %q", last)
		}
		raw := json.RawMessage(last[len(resultPrefix) : len(last)-2])
		var want bytes.Buffer
		json.NewEncoder(&want).Encode(message{Result: raw})
		if want.String() != last {
			t.Errorf("result line differs from the encoder's:\n%s\n%s", last, want.String())
		}
	}
}
