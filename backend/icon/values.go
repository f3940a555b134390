package icon

import (
	"strings"
	"unicode/utf8"
)

// unsafeValue returns why an attribute or CSS value could run a script or
// load something from outside the icon, or "" when it cannot. Only
// url(#id) references survive: every other way CSS has of naming a
// resource is refused.
func unsafeValue(v string) string {
	c := compact(v)
	switch {
	case hasScheme(c, "javascript:"), hasScheme(c, "vbscript:"):
		return "it contains a script URL"
	case hasScheme(c, "data:"):
		return "it embeds a data: URI"
	case strings.Contains(c, `\`):
		// CSS escapes can spell url( or a scheme without matching the checks here.
		return `it contains a CSS escape (\)`
	case strings.Contains(c, "expression("):
		return "it contains a CSS expression()"
	case strings.Contains(c, "@import"):
		return "it imports a style sheet"
	}
	// Functions that fetch images from a plain string, without url().
	for _, fn := range [...]string{"image-set(", "image(", "cross-fade(", "src("} {
		if strings.Contains(c, fn) {
			return "it loads an image with " + fn + ")"
		}
	}
	for rest := c; ; {
		i := strings.Index(rest, "url(")
		if i < 0 {
			return ""
		}
		rest = rest[i+len("url("):]
		if !strings.HasPrefix(strings.TrimLeft(rest, `"'`), "#") {
			return "it refers to something outside the icon"
		}
	}
}

// compact lower-cases ASCII letters and drops whitespace and control
// characters, which browsers ignore inside URL schemes ("java\tscript:").
func compact(v string) string {
	var b strings.Builder
	b.Grow(len(v))
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c <= ' ' || c == 0x7f:
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// hasScheme reports whether c holds scheme at the start of a URL, i.e. not
// preceded by a character that could continue a longer scheme name
// ("metadata:" is not "data:").
func hasScheme(c, scheme string) bool {
	for i := 0; ; {
		j := strings.Index(c[i:], scheme)
		if j < 0 {
			return false
		}
		i += j
		if i == 0 || !schemeChar(c[i-1]) {
			return true
		}
		i++
	}
}

func schemeChar(c byte) bool {
	return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'
}

// isFragment reports whether href points into the icon itself ("#id"),
// the only kind of reference an icon may hold.
func isFragment(href string) bool {
	href = strings.TrimSpace(href)
	if len(href) < 2 || href[0] != '#' {
		return false
	}
	return !strings.ContainsAny(href[1:], " \t\r\n\"'()<>\\#")
}

// hrefKind describes a rejected reference for a note.
func hrefKind(href string) string {
	c := compact(href)
	switch {
	case hasScheme(c, "javascript:"), hasScheme(c, "vbscript:"):
		return "script URL"
	case hasScheme(c, "data:"):
		return "data URI"
	}
	return "external reference"
}

// cssProblem returns why the text of a <style> element is unsafe, or "".
// At-rules go first: @import and @font-face load files, and no at-rule is
// needed to colour an icon.
func cssProblem(css string) string {
	// CSS never needs '<'; markup smuggled in through CDATA would matter
	// if the output were ever parsed as HTML.
	if strings.Contains(css, "<") {
		return "it contains markup (<)"
	}
	if i := strings.IndexByte(css, '@'); i >= 0 {
		word := css[i:]
		if j := strings.IndexFunc(word[1:], func(r rune) bool {
			return !(r == '-' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z')
		}); j >= 0 {
			word = word[:j+1]
		}
		return "it contains the at-rule " + word
	}
	return unsafeValue(css)
}

// short keeps notes readable when a value is a long data: URI or path.
func short(s string) string {
	const limit = 60
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	return string([]rune(s)[:limit]) + "…"
}

// escapeText writes s as XML character data. '>' is escaped too because
// "]]>" is not allowed in text.
func escapeText(b *strings.Builder, s string) { escapeXML(b, s, false) }

// escapeAttr writes s as a double-quoted attribute value. Tabs and line
// breaks become character references, which XML would otherwise turn into
// spaces when the output is read back.
func escapeAttr(b *strings.Builder, s string) { escapeXML(b, s, true) }

func escapeXML(b *strings.Builder, s string, attr bool) {
	for _, r := range s {
		var ref string
		switch r {
		case '&':
			ref = "&amp;"
		case '<':
			ref = "&lt;"
		case '>':
			ref = "&gt;"
		case '"':
			ref = "&quot;"
		case '\t':
			ref = "&#x9;"
		case '\n':
			ref = "&#xA;"
		case '\r':
			ref = "&#xD;"
		}
		// In text only the first three need a reference.
		if ref == "" || !attr && r != '&' && r != '<' && r != '>' {
			b.WriteRune(r)
			continue
		}
		b.WriteString(ref)
	}
}
