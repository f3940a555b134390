package spec

import (
	"bytes"
	"os"
	"path/filepath"
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
