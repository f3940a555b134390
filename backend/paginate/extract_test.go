package paginate

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"
)

func TestSplitArray(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`[]`, nil},
		{` [ ] `, nil},
		{`[1]`, []string{`1`}},
		{`[ 1 , -2.5e3 ,true,null, "x" ]`, []string{`1`, `-2.5e3`, `true`, `null`, `"x"`}},
		{`[{"a":"],}[{\"\\","b":[1,[2]]},["]"],"\\"]`, []string{`{"a":"],}[{\"\\","b":[1,[2]]}`, `["]"]`, `"\\"`}},
		{"[\n {\"k\": {}}\n,\n[]\n]", []string{`{"k": {}}`, `[]`}},
		{`{"not":"an array"}`, nil},
	}
	for _, tt := range tests {
		if !json.Valid([]byte(tt.in)) {
			t.Fatalf("test input %s is not JSON", tt.in)
		}
		got := splitArray([]byte(tt.in))
		if len(got) != len(tt.want) {
			t.Errorf("splitArray(%s) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if string(got[i]) != tt.want[i] || !json.Valid(got[i]) || cap(got[i]) != len(got[i]) {
				t.Errorf("splitArray(%s)[%d] = %q (cap %d), want %q", tt.in, i, got[i], cap(got[i]), tt.want[i])
			}
		}
	}
}

func TestSelectPath(t *testing.T) {
	body := `{"meta":{"next":{"cursor":"c2"},"n":null},"data":[{"id":"a"},{"id":"z"}],"odd key":{"x":1}}`
	tests := []struct {
		path  string
		want  string
		found bool
	}{
		{"$.meta.next.cursor", `"c2"`, true},
		{"$.data[-1].id", `"z"`, true},
		{"$.data[0].id", `"a"`, true},
		{"$.data[5].id", "", false},
		{"$.data[-3]", "", false},
		{"$['odd key'].x", `1`, true},
		{"$.meta.n", `null`, true},
		{"$.meta.n.x", "", false},
		{"$.missing", "", false},
		{"$.data.id", "", false},
		{"$.meta[0]", "", false},
		{"$..cursor", `"c2"`, true}, // not singular: evaluated by jsonpath itself
	}
	for _, tt := range tests {
		p := newPage([]byte(body))
		got, found, err := p.selectPath(tt.path)
		if err != nil || found != tt.found || string(got) != tt.want {
			t.Errorf("selectPath(%s) = %s, %v, %v; want %s, %v", tt.path, got, found, err, tt.want, tt.found)
		}
	}
	if _, _, err := newPage([]byte(`[1,2]`)).selectPath("$["); err == nil {
		t.Error("an invalid path gave no error")
	}
	if got, found, _ := newPage([]byte(`[{"id":1},{"id":2}]`)).selectPath("$[-1].id"); !found || string(got) != "2" {
		t.Errorf("top-level array: %s, %v", got, found)
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"", 0, false},
		{"0", 0, true},
		{" 120 ", 2 * time.Minute, true},
		{"-1", 0, false},
		{"1.5", 0, false},
		{"99999999999", 24 * time.Hour, true},
		{now.Add(45 * time.Second).Format(http.TimeFormat), 45 * time.Second, true},
		{"Sat, 01 Mar 2025 11:00:00 GMT", 0, true}, // in the past: retry now
		{"Saturday, 01-Mar-25 12:01:00 GMT", time.Minute, true},
		{"soon", 0, false},
	}
	for _, tt := range tests {
		if got, ok := retryAfter(tt.v, now); got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q) = %v, %v; want %v, %v", tt.v, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSetQuery(t *testing.T) {
	tests := []struct{ raw, name, value, want string }{
		{"", "page", "2", "page=2"},
		{"a=1&page=1&b=x%2Cy", "page", "2", "a=1&page=2&b=x%2Cy"},
		{"page=1&page=3", "page", "2", "page=2"},
		{"q=a+b", "page[number]", "2", "q=a+b&page%5Bnumber%5D=2"},
		{"page%5Bnumber%5D=1", "page[number]", "2", "page%5Bnumber%5D=2"},
		{"after=x", "after", "a b&c", "after=a+b%26c"},
	}
	for _, tt := range tests {
		if got := setQuery(tt.raw, tt.name, tt.value); got != tt.want {
			t.Errorf("setQuery(%q, %q, %q) = %q, want %q", tt.raw, tt.name, tt.value, got, tt.want)
		}
	}
}

func TestOrigin(t *testing.T) {
	same := [][2]string{
		{"https://API.example.com/a", "https://api.example.com:443/b?x"},
		{"http://127.0.0.1/a", "http://127.0.0.1:80/"},
	}
	differ := [][2]string{
		{"https://api.example.com/", "http://api.example.com/"},
		{"https://api.example.com/", "https://api.example.com:8443/"},
		{"https://api.example.com/", "https://evil.example.com/"},
	}
	for _, p := range same {
		a, _ := http.NewRequest("GET", p[0], nil)
		b, _ := http.NewRequest("GET", p[1], nil)
		if origin(a.URL) != origin(b.URL) {
			t.Errorf("%s and %s should be one origin", p[0], p[1])
		}
	}
	for _, p := range differ {
		a, _ := http.NewRequest("GET", p[0], nil)
		b, _ := http.NewRequest("GET", p[1], nil)
		if origin(a.URL) == origin(b.URL) {
			t.Errorf("%s and %s should be different origins", p[0], p[1])
		}
	}
}
