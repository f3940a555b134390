package lint

import (
	"encoding/json"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestJSONPathToPointer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path string
		want string
		ok   bool
	}{
		{"$", "", true},
		{"$.info", "/info", true},
		{"$.info.contact", "/info/contact", true},
		{"$.paths['/pets'].get.responses", "/paths/~1pets/get/responses", true},
		{`$.paths["/pets/{petId}"].get`, "/paths/~1pets~1{petId}/get", true},
		{"$.paths['/v1.0/pets'].get", "/paths/~1v1.0~1pets/get", true},
		{"$.paths['/files/~latest'].get", "/paths/~1files~1~0latest/get", true},
		{"$.servers[0].url", "/servers/0/url", true},
		{"$.paths['/pets'].get.tags[12]", "/paths/~1pets/get/tags/12", true},
		{"$.paths['/pets'].get.responses['200']", "/paths/~1pets/get/responses/200", true},
		{"$['x-ext'].a", "/x-ext/a", true},
		// vacuum does not escape quotes: a key ends at a quote followed by ']'
		{"$.components.schemas['it's'].type", "/components/schemas/it's/type", true},
		{`$['a\'b']`, "/a'b", true},
		{`$["say \"hi\""]`, `/say "hi"`, true},
		{"$.a['x]y'].b", "/a/x]y/b", true},
		// not convertible to the end: the closest prefix
		{"$.paths[*][*]", "/paths", false},
		{"$..description", "", false},
		{"$.paths['/pets'", "/paths", false},
		{"$.tags[-1]", "/tags", false},
		{"$.a.", "/a", false},
		{"info.title", "", false},
		{"", "", false},
		{"$.a.CACHE-SPLIT[0]--", "/a/CACHE-SPLIT/0", false},
	}
	for _, tt := range tests {
		got, ok := jsonPathToPointer(tt.path)
		if got != tt.want || ok != tt.ok {
			t.Errorf("jsonPathToPointer(%q) = %q, %v; want %q, %v", tt.path, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPointerInDoc(t *testing.T) {
	t.Parallel()
	var doc any
	if err := json.Unmarshal([]byte(`{
	  "paths": {"/v1.0/pets": {"get": {"responses": {"200": {"description": "ok"}}}}},
	  "tags": [{"name": "a"}, {"name": "b"}],
	  "a.b": {"c": 1}
	}`), &doc); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ path, want string }{
		{"$.paths['/v1.0/pets'].get", "/paths/~1v1.0~1pets/get"},
		// unquoted key containing a dot, as some vacuum functions write it
		{"$.paths./v1.0/pets.get.responses.200", "/paths/~1v1.0~1pets/get/responses/200"},
		{"$.a.b.c", "/a.b/c"},
		// numeric map key written as an index
		{"$.paths['/v1.0/pets'].get.responses[200].description", "/paths/~1v1.0~1pets/get/responses/200/description"},
		{"$.tags[1].name", "/tags/1/name"},
		{"$.tags.1.name", "/tags/1/name"},
		// missing parts: the longest prefix that exists
		{"$.tags[7].name", "/tags"},
		{"$.paths['/nope'].get", "/paths"},
		{"$.tags[0].name.deeper", "/tags/0/name"},
		{"$.paths[*]", "/paths"},
		{"garbage", ""},
	}
	for _, tt := range tests {
		if got := pointerInDoc(doc, tt.path); got != tt.want {
			t.Errorf("pointerInDoc(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestIndexPositions(t *testing.T) {
	t.Parallel()
	spec := []byte("{\n  \"paths\": {\n    \"/a/~b\": {\n      \"tags\": [\"x\", \"y\"]\n    }\n  }\n}\n")
	var root yaml.Node
	if err := yaml.Unmarshal(spec, &root); err != nil {
		t.Fatal(err)
	}
	pos := indexPositions(&root)
	tests := []struct {
		line, col int
		want      string
	}{
		{2, 3, "/paths"},                  // key "paths"
		{3, 5, "/paths/~1a~1~0b"},         // key "/a/~b"
		{4, 7, "/paths/~1a~1~0b/tags"},    // key "tags"
		{4, 16, "/paths/~1a~1~0b/tags/0"}, // "x"
		{4, 21, "/paths/~1a~1~0b/tags/1"}, // "y"
	}
	for _, tt := range tests {
		if got, ok := pos.byPos[[2]int{tt.line, tt.col}]; !ok || got.ptr != tt.want {
			t.Errorf("position %d:%d = %q (%v), want %q", tt.line, tt.col, got.ptr, ok, tt.want)
		}
		if mp := pos.byPtr[tt.want]; mp.key != [2]int{tt.line, tt.col} && mp.value != [2]int{tt.line, tt.col} {
			t.Errorf("byPtr[%q] = %v, want %d:%d as key or value", tt.want, mp, tt.line, tt.col)
		}
	}
}
