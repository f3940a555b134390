package spec

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestLocateInJSONAgreesWithTheTree: for every member and item of JSON
// files (and of pointers that go past them), the pass over the bytes finds
// the position Locate finds on yaml.v3's tree of the same bytes.
func TestLocateInJSONAgreesWithTheTree(t *testing.T) {
	cases := map[string][]byte{
		"line breaks":    []byte("{\r\n\"openapi\": \"3.0.3\",\r\"a\": [1,\n 2],\r\n  \"b\": {\"x\": \"one\u2028two\u0085three\u2029four\", \"y\": [ {\"z\": 1} ]}}"),
		"characters":     []byte(`{"openapi":"3.0.3","é":{"ü😀":[{"a":"€€€","b":{"c":[[],{},[1,{"d":true}]]}}]},"tab":	"x"}`),
		"escaped keys":   []byte(`{"openapi": "3.0.3", "a/b": {"\u00e9t\u00e9": 1, "q\"uote": {"back\\slash": 2}, "~0~1": {"x/y": 3}}}`),
		"duplicate keys": []byte("{\"openapi\": \"3.0.3\",\n\"a\": {\"deep\": {\"er\": 1}, \"x\": 1},\n\"a\": {\"x\": 2},\n\"b\": [1, 2], \"b\": {\"0\": 3}}"),
		"minified":       []byte(`{"openapi":"3.0.3","paths":{"/a/{id}":{"get":{"responses":{"200":{"description":"ok"}}}},"/b~c":{}},"list":[[[["deep"]]]]}`),
		"leading space":  []byte("\n\n   {\"openapi\": \"3.0.3\", \"empty\": {}, \"none\": [], \"n\": -1.5e3, \"t\": true, \"f\": false, \"z\": null}  \n"),
	}
	for _, dir := range []string{"testdata", filepath.Join("..", "lint", "testdata")} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			cases[f] = data
		}
	}
	if len(cases) < 10 {
		t.Fatalf("only %d cases", len(cases))
	}
	for name, data := range cases {
		src, err := ReadSource(name, data, DefaultLimits)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		pointers := []string{"", "/", "/nope", "/openapi/x", "/a/0", "/a/01", "/a/+1", "/b/0", "/b/1", "/a/deep/er", "/a/x"}
		var walk func(n *yaml.Node, ptr string, depth int)
		walk = func(n *yaml.Node, ptr string, depth int) {
			pointers = append(pointers, ptr, ptr+"/missing", ptr+"/0")
			switch n.Kind {
			case yaml.MappingNode:
				for i := 0; i+1 < len(n.Content); i += 2 {
					walk(n.Content[i+1], ptr+Pointer(n.Content[i].Value), depth+1)
				}
			case yaml.SequenceNode:
				for i, c := range n.Content {
					walk(c, ptr+"/"+strconv.Itoa(i), depth+1)
				}
			}
		}
		walk(src.Root, "", 0)
		got := locateInJSON(trimBOM(data), pointers)
		bad := 0
		for i, p := range pointers {
			line, col := src.Locate(p)
			if got[i] != [2]int{line, col} {
				bad++
				if bad <= 5 {
					t.Errorf("%s: %q: bytes say %v, the tree %d:%d", name, p, got[i], line, col)
				}
			}
		}
		if bad > 5 {
			t.Errorf("%s: %d of %d pointers disagree", name, bad, len(pointers))
		}
	}
}
