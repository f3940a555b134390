package paginate_test

import (
	"reflect"
	"testing"

	"integrationstudio/backend/paginate"
)

func TestParseLinks(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []paginate.LinkValue
	}{
		{"GitHub style, two links in one line",
			[]string{`<https://api.github.com/user/repos?page=3&per_page=100>; rel="next", <https://api.github.com/user/repos?page=50&per_page=100>; rel="last"`},
			[]paginate.LinkValue{{"https://api.github.com/user/repos?page=3&per_page=100", []string{"next"}}, {"https://api.github.com/user/repos?page=50&per_page=100", []string{"last"}}}},
		{"several rels, case folded", []string{`</p/2>; REL="Next Last"`}, []paginate.LinkValue{{"/p/2", []string{"next", "last"}}}},
		{"commas and semicolons inside the URL", []string{`<https://x.test/a?ids=1,2;3>; rel=next, <https://x.test/b>; rel=prev`},
			[]paginate.LinkValue{{"https://x.test/a?ids=1,2;3", []string{"next"}}, {"https://x.test/b", []string{"prev"}}}},
		{"quoted params with commas, semicolons and escapes before rel",
			[]string{`<https://x.test/2>; title="a, b; \"c\""; rel="next"; type=text/html`},
			[]paginate.LinkValue{{"https://x.test/2", []string{"next"}}}},
		{"only the first rel counts", []string{`</a>; rel=prev; rel=next`}, []paginate.LinkValue{{"/a", []string{"prev"}}}},
		{"several lines", []string{`</a>; rel="first"`, ` </b> ;rel = "next" `}, []paginate.LinkValue{{"/a", []string{"first"}}, {"/b", []string{"next"}}}},
		{"no rel", []string{`</a>; anchor="#x"`}, []paginate.LinkValue{{"/a", nil}}},
		{"junk is skipped up to the next link", []string{`garbage "with, comma", </b>; rel=next`}, []paginate.LinkValue{{"/b", []string{"next"}}}},
		{"junk after a target", []string{`</a> junk; rel=next, </b>; rel=next`}, []paginate.LinkValue{{"/a", nil}, {"/b", []string{"next"}}}},
		{"unterminated target", []string{`</a; rel=next`}, nil},
		{"empty", []string{"", " , "}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := paginate.ParseLinks(tt.lines); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseLinks = %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestNextLink(t *testing.T) {
	lines := []string{`</last>; rel="last", </n>; rel="nofollow next"`, `</other>; rel="next"`}
	if got, ok := paginate.NextLink(lines, "next"); !ok || got != "/n" {
		t.Errorf("NextLink(next) = %q, %v; want the first next link", got, ok)
	}
	if got, ok := paginate.NextLink(lines, " LAST "); !ok || got != "/last" {
		t.Errorf("NextLink(LAST) = %q, %v", got, ok)
	}
	if _, ok := paginate.NextLink(lines, "prev"); ok {
		t.Error("NextLink(prev) found a link")
	}
}
