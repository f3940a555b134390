package paginate

import "strings"

// LinkValue is one link of an RFC 8288 Link header: its target as written
// (maybe relative) and its relation types, lower-cased.
type LinkValue struct {
	Target string
	Rels   []string
}

// ParseLinks reads the links of one or more Link header field lines (RFC
// 8288 §3): several links per line separated by commas, commas and
// semicolons inside <…> kept, parameters with token or quoted-string
// values, and a rel holding several space-separated types (rel="next
// last"). Only the first rel parameter of a link counts, as the RFC says.
// A malformed link is skipped up to the next comma; parsing never fails.
func ParseLinks(lines []string) []LinkValue {
	var out []LinkValue
	for _, s := range lines {
		i := 0
		for i < len(s) {
			i = skipOWS(s, i)
			if i >= len(s) {
				break
			}
			if s[i] == ',' {
				i++
				continue
			}
			if s[i] != '<' {
				i = skipToComma(s, i)
				continue
			}
			end := strings.IndexByte(s[i+1:], '>')
			if end < 0 {
				break
			}
			lv := LinkValue{Target: strings.TrimSpace(s[i+1 : i+1+end])}
			i += end + 2
			relSeen := false
			for {
				i = skipOWS(s, i)
				if i >= len(s) || s[i] == ',' {
					break
				}
				if s[i] != ';' {
					// Junk after the target or a parameter: drop the rest
					// of this link.
					i = skipToComma(s, i)
					break
				}
				i = skipOWS(s, i+1)
				start := i
				for i < len(s) && isTokenChar(rune(s[i])) {
					i++
				}
				name := strings.ToLower(s[start:i])
				i = skipOWS(s, i)
				var value string
				if i < len(s) && s[i] == '=' {
					i = skipOWS(s, i+1)
					value, i = paramValue(s, i)
				}
				if name == "rel" && !relSeen {
					relSeen = true
					lv.Rels = strings.Fields(strings.ToLower(value))
				}
			}
			out = append(out, lv)
		}
	}
	return out
}

// NextLink returns the target of the first link whose relation types
// include rel (case-insensitive), as written: resolve it against the
// request's URL.
func NextLink(lines []string, rel string) (string, bool) {
	rel = strings.ToLower(strings.TrimSpace(rel))
	for _, lv := range ParseLinks(lines) {
		for _, r := range lv.Rels {
			if r == rel {
				return lv.Target, true
			}
		}
	}
	return "", false
}

func skipOWS(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// skipToComma skips to the next comma outside a quoted string or <…>.
func skipToComma(s string, i int) int {
	for i < len(s) {
		switch s[i] {
		case ',':
			return i
		case '"':
			_, i = quoted(s, i)
			continue
		case '<':
			if end := strings.IndexByte(s[i:], '>'); end >= 0 {
				i += end + 1
				continue
			}
		}
		i++
	}
	return i
}

// paramValue reads a token or a quoted-string starting at s[i].
func paramValue(s string, i int) (string, int) {
	if i < len(s) && s[i] == '"' {
		return quoted(s, i)
	}
	start := i
	for i < len(s) && s[i] != ';' && s[i] != ',' && s[i] != ' ' && s[i] != '\t' {
		i++
	}
	return s[start:i], i
}

// quoted reads the quoted-string at s[i]=='"', unescaping quoted-pairs.
func quoted(s string, i int) (string, int) {
	var b strings.Builder
	i++
	for i < len(s) {
		switch s[i] {
		case '\\':
			if i+1 < len(s) {
				b.WriteByte(s[i+1])
			}
			i += 2
			continue
		case '"':
			return b.String(), i + 1
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String(), i
}
