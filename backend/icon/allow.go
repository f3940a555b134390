package icon

import "encoding/xml"

// Namespaces the sanitiser understands. Everything in any other namespace
// (editor metadata, XHTML, RDF) is dropped.
const (
	svgNS   = "http://www.w3.org/2000/svg"
	xlinkNS = "http://www.w3.org/1999/xlink"
	xmlNS   = "http://www.w3.org/XML/1998/namespace"
)

// allowedElement reports whether an element may stay: static drawing
// elements only. Left out on purpose: script, foreignObject, a (links),
// image and feImage (they load files), animate/set (they can rewrite href
// into javascript:), filters, markers and fonts (not needed for an icon,
// and each one more thing to get right).
func allowedElement(n xml.Name) bool {
	if n.Space != "" && n.Space != svgNS {
		return false
	}
	switch n.Local {
	case "svg", "g", "defs", "symbol", "use", "title", "desc", "style",
		"path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
		"text", "tspan",
		"linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern":
		return true
	}
	return false
}

// graphic reports whether an element draws something by itself.
func graphic(name string) bool {
	switch name {
	case "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use":
		return true
	}
	return false
}

// hidden reports whether an element's content is drawn only when something
// refers to it, so shapes inside it do not make an icon visible.
func hidden(name string) bool {
	switch name {
	case "defs", "symbol", "clipPath", "mask", "pattern", "linearGradient", "radialGradient", "title", "desc", "style":
		return true
	}
	return false
}

// attrKey is the name an attribute is checked and written under: its local
// name, "href" for xlink:href (SVG 2 spelling, so the output needs no xlink
// namespace), "xml:…" for the predeclared xml prefix, or "" for any other
// namespace.
func attrKey(n xml.Name) string {
	switch n.Space {
	case "":
		return n.Local
	case xlinkNS:
		if n.Local == "href" {
			return "href"
		}
	case xmlNS:
		return "xml:" + n.Local
	}
	return ""
}

// allowedAttr reports whether an attribute may stay (its value is checked
// separately). No event handler (on*) is ever listed.
func allowedAttr(key string) bool {
	switch key {
	case "id", "class", "style", "transform", "href",
		"viewBox", "preserveAspectRatio", "version", "width", "height",
		"x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
		"d", "points", "pathLength", "offset", "refX", "refY",
		"gradientUnits", "gradientTransform", "spreadMethod",
		"patternUnits", "patternContentUnits", "patternTransform",
		"clipPathUnits", "maskUnits", "maskContentUnits",
		"dx", "dy", "rotate", "textLength", "lengthAdjust",
		"type", "media", "lang", "xml:lang", "xml:space",
		"role", "aria-label", "aria-hidden":
		return true
	}
	return presentation(key)
}

// presentation reports whether name is a styling property allowed both as
// an attribute and inside style="…". None of them takes a URL other than
// url(#id), which the value check enforces.
func presentation(name string) bool {
	switch name {
	case "fill", "fill-opacity", "fill-rule",
		"stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
		"stroke-dasharray", "stroke-dashoffset", "stroke-opacity",
		"opacity", "color", "display", "visibility", "overflow",
		"clip-path", "clip-rule", "mask", "mask-type", "stop-color", "stop-opacity",
		"transform", "transform-origin", "transform-box",
		"vector-effect", "shape-rendering", "text-rendering", "color-interpolation",
		"paint-order", "mix-blend-mode", "isolation", "enable-background",
		"font", "font-family", "font-size", "font-weight", "font-style", "font-variant", "font-stretch",
		"letter-spacing", "word-spacing", "text-anchor", "text-decoration",
		"dominant-baseline", "alignment-baseline", "baseline-shift",
		"writing-mode", "direction", "unicode-bidi", "white-space":
		return true
	}
	return false
}
