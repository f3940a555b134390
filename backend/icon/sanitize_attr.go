package icon

import (
	"encoding/xml"
	"fmt"
	"strings"
)

// filterAttrs returns the attributes of a kept element that may stay,
// noting each one removed.
func (w *walker) filterAttrs(t xml.StartElement, el string, line int) []attr {
	var out []attr
	for _, a := range t.Attr {
		// Namespace declarations are not copied: the output uses the SVG
		// namespace only, declared once on the root.
		if a.Name.Space == "xmlns" || a.Name.Space == "" && a.Name.Local == "xmlns" {
			continue
		}
		shown := w.display(a.Name)
		key := attrKey(a.Name)
		if key == "" || strings.HasPrefix(strings.ToLower(a.Name.Local), "on") || !allowedAttr(key) {
			w.notes.add("removed attribute %s from <%s> (line %d)", shown, el, line)
			continue
		}
		v := a.Value
		switch key {
		case "href":
			if !isFragment(v) {
				w.notes.add("removed %s %s=%q from <%s> (line %d)", hrefKind(v), shown, short(v), el, line)
				continue
			}
			v = strings.TrimSpace(v)
		case "style":
			if v = w.cleanStyle(v, el, line); v == "" {
				continue
			}
		default:
			if why := unsafeValue(v); why != "" {
				w.notes.add("removed attribute %s=%q from <%s> (line %d): %s", shown, short(v), el, line, why)
				continue
			}
		}
		out = setAttr(out, attr{key, v}, a.Name.Space == "")
	}
	return out
}

// setAttr appends a, or on a repeated name (href next to xlink:href)
// keeps the earlier value unless override is set: SVG 2 gives plain href
// precedence over xlink:href.
func setAttr(attrs []attr, a attr, override bool) []attr {
	for i := range attrs {
		if attrs[i].name == a.name {
			if override {
				attrs[i] = a
			}
			return attrs
		}
	}
	return append(attrs, a)
}

// cleanStyle keeps the safe declarations of a style attribute, noting each
// one removed, and returns them re-joined ("" when none is left).
func (w *walker) cleanStyle(v, el string, line int) string {
	var kept []string
	for _, decl := range strings.Split(v, ";") {
		decl = strings.TrimSpace(decl)
		if decl == "" {
			continue
		}
		prop, val, ok := strings.Cut(decl, ":")
		prop, val = strings.ToLower(strings.TrimSpace(prop)), strings.TrimSpace(val)
		// Braces would end the declaration block and start new rules.
		if !ok || val == "" || !presentation(prop) || strings.ContainsAny(val, "{}") {
			w.notes.add("removed style declaration %q from <%s> (line %d)", short(decl), el, line)
			continue
		}
		if why := unsafeValue(decl); why != "" {
			w.notes.add("removed style declaration %q from <%s> (line %d): %s", short(decl), el, line, why)
			continue
		}
		kept = append(kept, prop+":"+val)
	}
	return strings.Join(kept, ";")
}

// loads describes where a dropped element would have loaded something
// from, so that the note says why it mattered.
func (w *walker) loads(t xml.StartElement) string {
	for _, a := range t.Attr {
		if a.Name.Local == "href" && (a.Name.Space == "" || a.Name.Space == xlinkNS) && !isFragment(a.Value) {
			return fmt.Sprintf(" with %s=%q", w.display(a.Name), short(a.Value))
		}
	}
	return ""
}

// display spells a name as the author wrote it, as far as encoding/xml
// lets us: it resolves prefixes to namespace URLs, so they are mapped back.
func (w *walker) display(n xml.Name) string {
	switch n.Space {
	case "", svgNS:
		return n.Local
	case xlinkNS:
		return "xlink:" + n.Local
	case xmlNS:
		return "xml:" + n.Local
	}
	if p, ok := w.prefixes[n.Space]; ok && p != "" {
		return p + ":" + n.Local
	}
	if strings.Contains(n.Space, ":") {
		return n.Local // a default namespace, which has no prefix
	}
	return n.Space + ":" + n.Local // an undeclared prefix, kept as written
}
