package icon_test

import (
	"bytes"
	"compress/gzip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf16"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/icon"
)

const svgOpen = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">`

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSanitizeRemovesUnsafeContent(t *testing.T) {
	tests := []struct {
		file    string
		gone    []string // must not appear in the output
		kept    []string // must appear in the output
		removed []string // Result.Removed, exactly
	}{
		{
			file: "script.svg",
			gone: []string{"script", "alert", "cookie", "evil.test"},
			kept: []string{`<path d="M4 4h16v16H4z" fill="#0ea5e9"/>`},
			removed: []string{
				"removed <script> (line 4)",
				"removed <script> (line 7)",
				"removed <script> (line 8)",
			},
		},
		{
			file: "onload.svg",
			gone: []string{"onload", "ONLOAD", "onclick", "onmouseover", "alert", "evil.test"},
			kept: []string{`<circle cx="12" cy="12" r="10" fill="#22c55e"/>`, `<rect x="2" y="2" width="4" height="4"/>`},
			removed: []string{
				"removed attribute onload from <svg> (line 1)",
				"removed attribute onclick from <circle> (line 2)",
				"removed attribute onmouseover from <circle> (line 2)",
				"removed attribute ONLOAD from <rect> (line 3)",
			},
		},
		{
			file:    "foreignobject.svg",
			gone:    []string{"foreignObject", "body", "iframe", "img", "form", "password", "onerror", "evil.test", "xhtml"},
			kept:    []string{`<rect width="64" height="64" rx="12" fill="#111827"/>`},
			removed: []string{"removed <foreignObject> (line 3)"},
		},
		{
			file: "external-image.svg",
			gone: []string{"image", "evil.test", "xlink"},
			kept: []string{`<rect width="32" height="32" fill="#f97316"/>`},
			removed: []string{
				`removed <image> with href="https://evil.test/x.png" (line 4)`,
				`removed <image> with xlink:href="http://evil.test/pixel.gif?u=1" (line 5)`,
			},
		},
		{
			file: "external-use.svg",
			gone: []string{"evil.test", "file:", "passwd", "xlink"},
			kept: []string{`<circle id="local" cx="12" cy="12" r="6"/>`, `<use href="#local" fill="#6366f1"/>`},
			removed: []string{
				`removed external reference href="https://evil.test/sprite.svg#icon" from <use> (line 6)`,
				`removed external reference xlink:href="//evil.test/sprite.svg#icon" from <use> (line 7)`,
				`removed external reference xlink:href="file:///etc/passwd#x" from <use> (line 8)`,
			},
		},
		{
			file: "xlink-javascript.svg",
			gone: []string{"javascript", "JaVaScRiPt", "script:", "alert", "<a"},
			kept: []string{`<path d="M2 2L22 22" stroke="#000"/>`, `<linearGradient id="g"/>`},
			removed: []string{
				`removed <a> with xlink:href="javascript:alert(document.domain)" (line 2)`,
				`removed script URL xlink:href="javascript:alert(document.domain)" from <use> (line 6)`,
				`removed script URL xlink:href="java\tscript:alert(1)" from <linearGradient> (line 7)`,
				`removed attribute fill=" JaVaScRiPt:alert(1)" from <rect> (line 8): it contains a script URL`,
			},
		},
		{
			file: "style-attribute.svg",
			gone: []string{"evil.test", "background", `\`, "u\\72l"},
			kept: []string{`<rect width="24" height="24" style="fill:red"/>`, `<circle cx="18" cy="6" r="2" style="fill:url(#ok);stroke:black"/>`},
			removed: []string{
				`removed style declaration "background:url(https://evil.test/track.png)" from <rect> (line 2)`,
				`removed style declaration "fill:url( 'https://evil.test/a.svg#g' )" from <circle> (line 3): it refers to something outside the icon`,
				`removed style declaration "fill:u\\72l(https://evil.test/b.png)" from <circle> (line 4): it contains a CSS escape (\)`,
				`removed attribute fill="url(https://evil.test/c.svg#paint)" from <circle> (line 5): it refers to something outside the icon`,
			},
		},
		{
			file: "style-element.svg",
			gone: []string{"@import", "@font-face", "evil.test", "path { fill: red }"},
			kept: []string{`<style type="text/css"> .ok &gt; * { fill: #10b981 } </style>`, `<path class="ok" d="M2 2h20v20H2z"/>`},
			removed: []string{
				"removed <style> (line 2): it contains the at-rule @import",
				"removed <style> (line 3): it contains the at-rule @font-face",
				"removed <style> (line 4): it refers to something outside the icon",
			},
		},
		{
			// CSS that tries to close its own element or declaration block.
			file: "style-breakout.svg",
			gone: []string{"<style", "script", "alert", "display", "}"},
			kept: []string{`<rect class="a" width="24" height="24"/>`},
			removed: []string{
				"removed <style> (line 2): it contains markup (<)",
				`removed style declaration "fill:red} svg { display:none" from <rect> (line 3)`,
			},
		},
		{
			file: "animate-href.svg",
			gone: []string{"animate", "set", "javascript", "alert", "Click", "<a"},
			kept: []string{`<path d="M0 0h24v24H0z" fill="#a855f7"/>`},
			removed: []string{
				"removed <a> (line 2)",
				"removed <set> (line 6)",
			},
		},
		{
			file: "data-uri.svg",
			gone: []string{"data:", "base64", "%3Csvg"},
			kept: []string{`<circle cx="12" cy="12" r="8" fill="#0f172a"/>`},
			removed: []string{
				`removed data URI href="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My…" from <use> (line 2)`,
				`removed attribute fill="url(data:image/svg+xml;utf8,%3Csvg%3E%3C/svg%3E)" from <rect> (line 3): it embeds a data: URI`,
			},
		},
		{
			file: "inkscape.svg",
			gone: []string{"inkscape", "sodipodi", "namedview", "pagecolor"},
			kept: []string{`<g id="layer1">`, `<path style="fill:#2563eb;fill-opacity:1;stroke:none;stroke-width:0.5" d="M 7,2 V 8`},
			removed: []string{
				"removed attribute inkscape:version from <svg> (line 4)",
				"removed attribute sodipodi:docname from <svg> (line 4)",
				"removed <sodipodi:namedview> (line 16)",
				"removed attribute inkscape:label from <g> (line 22)",
				"removed attribute inkscape:groupmode from <g> (line 22)",
				`removed style declaration "-inkscape-font-specification:Sans" from <path> (line 26)`,
			},
		},
		{
			// A DOCTYPE that only names the SVG 1.1 DTD declares nothing, so
			// Illustrator exports are accepted with the DOCTYPE dropped.
			file:    "illustrator.svg",
			gone:    []string{"DOCTYPE", "xlink", "Generator"},
			kept:    []string{`<style type="text/css">`, `.st0{fill:#1D4ED8;}`, `<rect class="st0" width="24" height="24" rx="4"/>`, `xml:space="preserve"`, `style="enable-background:new 0 0 24 24"`},
			removed: []string{"removed <!DOCTYPE svg> (line 3)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res, err := icon.Sanitize(readFile(t, tt.file))
			if err != nil {
				t.Fatalf("Sanitize: %v", err)
			}
			for _, s := range tt.gone {
				if strings.Contains(res.SVG, s) {
					t.Errorf("%q survived:\n%s", s, res.SVG)
				}
			}
			for _, s := range tt.kept {
				if !strings.Contains(res.SVG, s) {
					t.Errorf("%q lost:\n%s", s, res.SVG)
				}
			}
			if !reflect.DeepEqual(res.Removed, tt.removed) {
				t.Errorf("Removed =\n%s\nwant\n%s", strings.Join(res.Removed, "\n"), strings.Join(tt.removed, "\n"))
			}
		})
	}
}

func TestSanitizeRejects(t *testing.T) {
	svg := func(body string) []byte { return []byte(svgOpen + body + "</svg>") }
	padded := func(size int) []byte {
		head := svgOpen + `<path d="M0 0h24v24H0z"/><!--`
		tail := "--></svg>"
		return []byte(head + strings.Repeat("x", size-len(head)-len(tail)) + tail)
	}
	nested := func(depth int) []byte { // svg > g × (depth-2) > path, one element a line
		return []byte(svgOpen + "\n" + strings.Repeat("<g>\n", depth-2) + `<path d="M0 0h1v1H0z"/>` + strings.Repeat("</g>", depth-2) + "</svg>")
	}
	gzipped := func(data []byte) []byte {
		var b bytes.Buffer
		z := gzip.NewWriter(&b)
		z.Write(data)
		z.Close()
		return b.Bytes()
	}
	utf16LE := func(s string) []byte {
		b := []byte{0xff, 0xfe}
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return b
	}
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "The icon file is empty."},
		{"only whitespace", []byte(" \n\t "), "The icon file is empty."},
		{"just over the cap", padded(icon.MaxBytes + 1), "The icon is 257 KB; the limit is 256 KB."},
		{"well over the cap", padded(312 << 10), "The icon is 312 KB; the limit is 256 KB."},
		{"megabytes", padded(5 << 20), "The icon is 5.0 MB; the limit is 256 KB."},
		{"PNG", readFile(t, "icon.png"), "This is a PNG image; the icon must be an SVG file."},
		{"JPEG", readFile(t, "icon.jpg"), "This is a JPEG image; the icon must be an SVG file."},
		{"GIF", readFile(t, "icon.gif"), "This is a GIF image; the icon must be an SVG file."},
		{"WebP", []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00"), "This is a WebP image; the icon must be an SVG file."},
		{"ICO", []byte("\x00\x00\x01\x00\x01\x00\x10\x10\x00\x00\x01\x00\x20\x00\x68\x04\x00\x00\x16\x00\x00\x00"), "This is an ICO icon; the icon must be an SVG file."},
		{"PDF", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), "This is a PDF document; the icon must be an SVG file."},
		{"PNG over the cap names the format", append(readFile(t, "icon.png"), make([]byte, icon.MaxBytes)...), "This is a PNG image; the icon must be an SVG file."},
		{"svgz", gzipped(readFile(t, "clean.svg")), "This is a compressed file (perhaps an .svgz); save the icon as a plain .svg file."},
		{"UTF-16", utf16LE(svgOpen + `<path d="M0 0"/></svg>`), "The icon is saved as UTF-16 text; save it as UTF-8."},
		{"binary", []byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00"), "This is a binary file; the icon must be an SVG file."},
		{"billion laughs", readFile(t, "billion-laughs.svg"), `The icon declares entities in its DOCTYPE (line 2). Entities can expand to gigabytes ("billion laughs") or read local files, so they are not allowed; remove the <!DOCTYPE …> block.`},
		{"external entity", readFile(t, "xxe.svg"), `The icon declares entities in its DOCTYPE (line 2). Entities can expand to gigabytes ("billion laughs") or read local files, so they are not allowed; remove the <!DOCTYPE …> block.`},
		{"DOCTYPE subset without entities", []byte("<!DOCTYPE svg [ <!ATTLIST svg onload CDATA \"alert(1)\"> ]>\n" + svgOpen + "</svg>"), "The icon's DOCTYPE has internal declarations (line 1); they are not allowed. Remove the <!DOCTYPE …> block."},
		{"DOCTYPE split over lines", []byte("<!DOCTYPE\n  svg\n  [\n  <!ENTITY x \"y\">\n]>\n" + svgOpen + "</svg>"), `The icon declares entities in its DOCTYPE (line 1). Entities can expand to gigabytes ("billion laughs") or read local files, so they are not allowed; remove the <!DOCTYPE …> block.`},
		{"bare ENTITY", []byte("<!ENTITY x \"y\">\n" + svgOpen + "</svg>"), `The icon declares an entity (line 1). Entities can expand to gigabytes ("billion laughs") or read local files, so they are not allowed.`},
		{"malformed", readFile(t, "malformed.svg"), "The icon is not well-formed XML: element <g> closed by </svg> (line 7)."},
		{"HTML entity", []byte(svgOpen + "\n<text>&nbsp;</text></svg>"), "The icon is not well-formed XML: invalid character entity &nbsp; (line 2)."},
		{"truncated", []byte(svgOpen + "\n<path d=\"M0 0h24v24H0z\"/>\n"), "The icon is not well-formed XML: unexpected EOF (line 3)."},
		{"invalid UTF-8", svg("<title>caf\xe9</title>"), "The icon is not well-formed XML: invalid UTF-8 (line 1)."},
		{"non-UTF-8 encoding", []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + svgOpen + "<title>caf\xe9</title></svg>"), `The icon declares the "ISO-8859-1" character encoding; save it as UTF-8.`},
		{"HTML page", []byte("<!DOCTYPE html>\n<html><body><p>hi</p></body></html>"), "This is an HTML document; the icon must be an SVG file."},
		{"XHTML page", []byte(`<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`), "This is an HTML document; the icon must be an SVG file."},
		{"other XML", []byte("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>"), "The root element is <rss> (line 2); an SVG icon must start with <svg>."},
		{"svg in another namespace", []byte(`<svg xmlns="http://example.com/not-svg"><path d="M0 0"/></svg>`), `The <svg> element (line 1) is in the namespace "http://example.com/not-svg"; an SVG icon must use "http://www.w3.org/2000/svg".`},
		{"plain text", []byte("hello, world\n"), "This is not an SVG file: it starts with text instead of an <svg> element (line 1)."},
		{"JSON", []byte(`{"icon": "<svg/>"}`), "This is not an SVG file: it starts with text instead of an <svg> element (line 1)."},
		{"XML declaration only", []byte(`<?xml version="1.0"?>`), "This is not an SVG file: it has no <svg> element."},
		{"two root elements", []byte(svgOpen + "<path d=\"M0 0\"/></svg>\n<svg/>"), "The icon has another element, <svg>, after the closing </svg> (line 2); an SVG file has exactly one root element."},
		{"text after the root", []byte(svgOpen + "<path d=\"M0 0\"/></svg>\nalert(1)"), "The icon has text after the closing </svg> (line 1)."},
		{"deep nesting", nested(65), "The icon nests elements more than 64 deep (line 65); flatten its groups."},
		{"deep nesting inside a removed element", svg("\n<foreignObject>" + strings.Repeat("<div>", 100) + strings.Repeat("</div>", 100) + "</foreignObject>"), "The icon nests elements more than 64 deep (line 2); flatten its groups."},
		{"too many elements", svg("\n" + strings.Repeat(`<path d="M0 0"/>`, 10_000)), "The icon has more than 10000 elements (line 2); simplify it before using it as an icon."},
		{"nothing left", svg("<script>alert(1)</script>"), "Nothing is left to draw after removing unsafe content (removed <script> (line 1))."},
		{"only an external use", svg(`<use href="https://evil.test/a.svg#x"/>`), `Nothing is left to draw after removing unsafe content (removed external reference href="https://evil.test/a.svg#x" from <use> (line 1)).`},
		{"only definitions", svg(`<defs><path id="p" d="M0 0"/></defs>`), "The icon draws nothing: it has no shapes, text or <use> elements."},
		{"empty svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), "The icon draws nothing: it has no shapes, text or <use> elements."},
		{"use bomb", readFile(t, "use-bomb.svg"), "The icon's <use> elements expand to more than 100000 elements, which would make it very slow to draw."},
		{"use loop", readFile(t, "use-loop.svg"), "The icon's <use> elements refer to each other in a loop (through #b)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := icon.Sanitize(tt.data)
			var e *apperr.Error
			if !errors.As(err, &e) {
				t.Fatalf("Sanitize = %q, %v; want an *apperr.Error", res.SVG, err)
			}
			if e.Code != apperr.Invalid || e.Field != "icon" {
				t.Errorf("code %q field %q, want %q %q", e.Code, e.Field, apperr.Invalid, "icon")
			}
			if e.Message != tt.want {
				t.Errorf("message\n%s\nwant\n%s", e.Message, tt.want)
			}
		})
	}
}

// TestSanitizeLimitsAreInclusive pins the boundaries: what is exactly at a
// limit is accepted.
func TestSanitizeLimitsAreInclusive(t *testing.T) {
	head := svgOpen + `<path d="M0 0h24v24H0z"/><!--`
	tail := "--></svg>"
	tests := map[string][]byte{
		"MaxBytes":       []byte(head + strings.Repeat("x", icon.MaxBytes-len(head)-len(tail)) + tail),
		"64 deep":        []byte(svgOpen + strings.Repeat("<g>", 62) + `<path d="M0 0"/>` + strings.Repeat("</g>", 62) + "</svg>"),
		"10000 elements": []byte(svgOpen + strings.Repeat(`<path d="M0 0"/>`, 9_999) + "</svg>"),
		"BOM":            []byte("\xef\xbb\xbf" + svgOpen + `<path d="M0 0"/></svg>`),
	}
	for name, data := range tests {
		if _, err := icon.Sanitize(data); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestSanitizeKeepsCleanIcon(t *testing.T) {
	in := readFile(t, "clean.svg")
	res, err := icon.Sanitize(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Removed) != 0 {
		t.Errorf("Removed = %q, want none", res.Removed)
	}
	for _, s := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="Acme CRM">`,
		`<title>Acme CRM</title>`,
		`<style>.accent { fill: #f59e0b; } .line { stroke: #fff; stroke-width: 4; fill: none }</style>`,
		`<linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">`,
		`<stop offset="0" stop-color="#4f46e5"/>`,
		`<g clip-path="url(#round)">`,
		`<rect width="64" height="64" fill="url(#bg)"/>`,
		`<use href="#dot" class="accent" x="46" y="12" width="10" height="10"/>`,
		`style="fill:#e0e7ff;font-weight:bold">CRM &amp; more <tspan dy="-1">&lt;3</tspan></text>`,
	} {
		if !strings.Contains(res.SVG, s) {
			t.Errorf("%s lost:\n%s", s, res.SVG)
		}
	}
	// Same elements, attributes and text in the same order: xlink:href
	// becoming href is the only change allowed.
	if got, want := outline(t, []byte(res.SVG)), outline(t, in); !reflect.DeepEqual(got, want) {
		t.Errorf("outline changed:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// outline lists the elements, attributes and text inside the root element.
func outline(t *testing.T, data []byte) []string {
	t.Helper()
	var out []string
	depth := 0
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			depth++
			line := "<" + tok.Name.Local
			for _, a := range tok.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				line += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, line+">")
		case xml.EndElement:
			depth--
			out = append(out, "</"+tok.Name.Local+">")
		case xml.CharData:
			if depth > 0 {
				out = append(out, fmt.Sprintf("%q", tok))
			}
		}
	}
}

// TestSanitizeOutputIsStable checks that every cleaned sample is well-formed
// SVG that the sanitiser accepts unchanged: nothing it writes would be
// removed, and its escaping reads back as the same text.
func TestSanitizeOutputIsStable(t *testing.T) {
	files, err := filepath.Glob("testdata/*.svg")
	if err != nil || len(files) == 0 {
		t.Fatal("no samples", err)
	}
	for _, file := range files {
		first, err := icon.Sanitize(readFile(t, filepath.Base(file)))
		if err != nil {
			continue // rejected samples are covered by TestSanitizeRejects
		}
		if !strings.HasPrefix(first.SVG, `<svg xmlns="http://www.w3.org/2000/svg"`) {
			t.Errorf("%s: output does not start with the namespaced root: %.60s", file, first.SVG)
		}
		second, err := icon.Sanitize([]byte(first.SVG))
		if err != nil {
			t.Errorf("%s: output rejected: %v", file, err)
			continue
		}
		if second.SVG != first.SVG || len(second.Removed) != 0 {
			t.Errorf("%s: second pass changed the output (removed %q):\n%s\nthen\n%s", file, second.Removed, first.SVG, second.SVG)
		}
	}
}

func TestSanitizeEscapes(t *testing.T) {
	in := svgOpen + `<text x="0" y="12" aria-label="say &quot;hi&quot; &lt;b&gt;&#10;&amp; bye">a &amp; b &lt; c ]]&gt; d</text></svg>`
	res, err := icon.Sanitize([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		`aria-label="say &quot;hi&quot; &lt;b&gt;&#xA;&amp; bye"`,
		`>a &amp; b &lt; c ]]&gt; d</text>`,
	} {
		if !strings.Contains(res.SVG, s) {
			t.Errorf("%s missing from\n%s", s, res.SVG)
		}
	}
}

func TestSanitizeCapsRemovedNotes(t *testing.T) {
	in := svgOpen + strings.Repeat(`<path d="M0 0" onclick="alert(1)"/>`, 250) + "</svg>"
	res, err := icon.Sanitize([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Removed) != 101 || res.Removed[100] != "and 150 more removals" {
		t.Errorf("got %d notes ending %q; want 100 notes and \"and 150 more removals\"", len(res.Removed), res.Removed[len(res.Removed)-1])
	}
}

func TestSanitizeKeepsPlainHrefOverXlinkHref(t *testing.T) {
	in := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` +
		`<path id="a" d="M0 0"/><path id="b" d="M1 1"/><use xlink:href="#a" href="#b"/></svg>`
	res, err := icon.Sanitize([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.SVG, `<use href="#b"/>`) {
		t.Errorf("SVG 2 gives href precedence over xlink:href; got\n%s", res.SVG)
	}
}
