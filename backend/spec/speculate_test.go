package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCompactAsToJSONAgreesWithToJSON: on JSON files the speculative model's
// document is byte for byte the one the node walk makes, so Import keeps it.
func TestCompactAsToJSONAgreesWithToJSON(t *testing.T) {
	cases := map[string][]byte{
		"numbers and escapes": []byte(`{"openapi": "3.0.3", "a": [1, -0, 1.50, 2e3, 12345678901234567890, true, null],
			"b": {"s\u00e9": "tab\t\"q\" </script> \u2028", "e": {}, "l": []}}`),
	}
	for _, name := range []string{"petstorev3.json", "k8s.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		cases[name] = data
	}
	for name, data := range cases {
		src, err := ReadSource(name, data, DefaultLimits)
		if err != nil {
			t.Fatal(err)
		}
		want, _, err := toJSON(src, len(data), DefaultLimits, nil)
		if err != nil {
			t.Fatal(err)
		}
		got, err := compactAsToJSON(data)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: differs at byte %d: got %.60q, want %.60q", name, i, got[i:], want[i:])
		}
	}
}

// TestSpeculativeModelIsDroppedOnDuplicateKeys: a JSON file whose node walk
// differs (the later duplicate wins) gets the model of the real document.
func TestSpeculativeModelIsDroppedOnDuplicateKeys(t *testing.T) {
	data := []byte(`{"openapi": "3.0.3", "info": {"title": "First", "title": "Second", "version": "1"},
		"paths": {"/a": {"get": {"operationId": "a", "summary": "Old"}, "get": {"operationId": "b", "summary": "New", "responses": {"200": {"description": "ok"}}}}}}`)
	res, err := Import("dupes.json", data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Second" || len(res.Actions) != 1 || res.Actions[0].OperationID != "b" {
		t.Errorf("title %q, actions %+v; want the later duplicates", res.Title, res.Actions)
	}
	if res.Model == nil || !bytes.Contains(res.Model.Source, []byte(`"Second"`)) || bytes.Contains(res.Model.Source, []byte(`"First"`)) {
		t.Errorf("the model was not built from the imported document")
	}
}

// TestIndentJSONKeepsNoSlack: the model keeps IndentJSON's bytes for the
// whole import, so its buffer is sized up front, not grown by doubling.
func TestIndentJSONKeepsNoSlack(t *testing.T) {
	docs := [][]byte{[]byte(`{"a":{},"b":[],"c":[1,{"d":"x:,{}[]\"\\"}],"e":{"f":null}}`)}
	for _, name := range []string{"petstorev3.json", "k8s.json"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := compactAsToJSON(data)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	for _, doc := range docs {
		out, err := IndentJSON(doc)
		if err != nil {
			t.Fatal(err)
		}
		if cap(out) > len(out)+len(out)/16 {
			t.Errorf("indented %d bytes into a buffer of %d", len(out), cap(out))
		}
	}
}

// TestCompactAsToJSONAgreesWithTheDecoderWalk: the byte copy writes what
// the json.Decoder walk it replaced wrote, on tricky strings and numbers,
// the JSON test files, and the big specs when fetched (BENCH_SPECS, or
// scripts/bench-specs.sh's .cache/bench-specs).
func TestCompactAsToJSONAgreesWithTheDecoderWalk(t *testing.T) {
	cases := map[string][]byte{
		"strings": []byte("{\"a\": \"plain\", \"é\": \"\u00e9\u2028\u2029x\", \"esc\": \"\\u00e9\\n\\t\\\"\\\\\\/ \\ud83d\\ude00 \\ud800 <&>\", \"\xff\": \"bad \xfe utf8\", \"ctl\": \"\\u0001\\u001f\\u007f\"}"),
		"numbers": []byte(`[0, -0, -0.0, 1, -1, 12345678901234567890, -9223372036854775808, 9223372036854775807, 1.5e10, 1E-5, -0e1, 2e+3]`),
		"space":   []byte(" \r\n\t{ \"a\" : [ true , false , null ] , \"b\" : { } , \"c\" : [ ] }\n"),
		"invalid": []byte(`{"a": 1,}`),
		"two":     []byte(`{} {}`),
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	extra, _ := filepath.Glob(filepath.Join("..", "..", ".cache", "bench-specs", "*.json"))
	if env := os.Getenv("BENCH_SPECS"); env != "" {
		extra = strings.Split(env, ",")
	}
	for _, f := range append(files, extra...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases[f] = data
	}
	for name, data := range cases {
		want, wantErr := compactByTokens(data)
		got, err := compactAsToJSON(data)
		if (err != nil) != (wantErr != nil) && !(name == "two" && err != nil) {
			t.Errorf("%s: error %v, the decoder walk's %v", name, err, wantErr)
			continue
		}
		if err == nil && !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: differs at byte %d: got %.60q, want %.60q", name, i, got[i:], want[i:])
		}
	}
}

// compactByTokens is the json.Decoder walk compactAsToJSON replaced, kept as its reference: it writes JSON input as toJSON writes the same input parsed
// as YAML: compact, keys in order, strings escaped by appendString, integers
// that fit int64 normalised ("-0" → "0"), other numbers as written.
func compactByTokens(data []byte) ([]byte, error) {
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
