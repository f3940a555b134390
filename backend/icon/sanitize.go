package icon

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"integrationstudio/backend/apperr"
)

// frame is one open element of the input.
type frame struct {
	name   string // as written to the output; "" when the element is dropped
	line   int
	hidden bool   // inside defs, a gradient, …: drawn only by reference
	style  bool   // a <style> element, written once its CSS is checked
	attrs  []attr // kept attributes, held for <style> only
	id     string // set when this element is the first with its id

	// For the <use> expansion check: the elements in this subtree and the
	// ids its <use> elements refer to.
	elements int
	uses     []string
}

type attr struct{ name, value string }

// walker reads the token stream once, writing kept content as it goes.
// Its state is per call: Sanitize shares nothing between calls.
type walker struct {
	out      strings.Builder
	notes    notes
	stack    []frame
	open     bool   // a start tag was written without its closing '>' yet
	space    string // whitespace not written yet: dropped if a removed element follows
	seenRoot bool
	elements int
	drawn    int               // graphic elements outside hidden containers
	css      strings.Builder   // text of the <style> being read
	prefixes map[string]string // namespace URL → prefix, for messages
	ids      map[string]*useNode
	root     useNode
}

func sanitize(data []byte) (Result, error) {
	w := &walker{prefixes: map[string]string{}, ids: map[string]*useNode{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	// Old exports often declare ISO-8859-1 while holding only ASCII, which
	// reads the same in UTF-8; anything else would need a conversion table.
	d.CharsetReader = func(charset string, input io.Reader) (io.Reader, error) {
		if isASCII(data) {
			return input, nil
		}
		return nil, charsetError(charset)
	}
	for {
		// Tokens are contiguous, so the end of the previous one is where
		// this one starts: the line a note should name.
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return Result{}, readError(err)
		}
		if err := w.token(tok, line); err != nil {
			return Result{}, err
		}
	}
	return w.finish()
}

func (w *walker) token(tok xml.Token, line int) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return w.start(t, line)
	case xml.EndElement:
		w.end()
	case xml.CharData:
		return w.text(t, line)
	case xml.Directive:
		return w.directive(t, line)
	case xml.ProcInst:
		// The XML declaration is dropped (the output is UTF-8, the default);
		// others, such as xml-stylesheet, would load files.
		if t.Target != "xml" {
			w.notes.add("removed processing instruction <?%s?> (line %d)", t.Target, line)
		}
		w.space = ""
	case xml.Comment:
		// Dropped without a note: comments draw nothing.
		w.space = ""
	}
	return nil
}

func (w *walker) start(t xml.StartElement, line int) error {
	if len(w.stack) >= maxDepth {
		return apperr.FieldErrorf(field, "The icon nests elements more than %d deep (line %d); flatten its groups.", maxDepth, line)
	}
	if w.elements++; w.elements > maxElements {
		return apperr.FieldErrorf(field, "The icon has more than %d elements (line %d); simplify it before using it as an icon.", maxElements, line)
	}
	for _, a := range t.Attr {
		if a.Name.Space == "xmlns" {
			if _, ok := w.prefixes[a.Value]; !ok {
				w.prefixes[a.Value] = a.Name.Local
			}
		}
	}

	var parent frame
	if len(w.stack) == 0 {
		if err := w.checkRoot(t, line); err != nil {
			return err
		}
	} else {
		parent = w.stack[len(w.stack)-1]
		if parent.name == "" {
			w.stack = append(w.stack, frame{}) // inside a dropped element
			return nil
		}
		if !allowedElement(t.Name) || parent.style {
			w.notes.add("removed <%s>%s (line %d)", w.display(t.Name), w.loads(t), line)
			w.space = "" // the indentation of the removed element would leave a blank line
			w.stack = append(w.stack, frame{})
			return nil
		}
	}

	name := t.Name.Local
	f := frame{name: name, line: line, hidden: parent.hidden || hidden(name), elements: 1}
	attrs := w.filterAttrs(t, name, line)
	for _, a := range attrs {
		switch {
		case a.name == "id":
			if _, taken := w.ids[a.value]; !taken {
				w.ids[a.value] = nil // reserved: the first in document order wins, as in browsers
				f.id = a.value
			}
		case a.name == "href" && name == "use":
			f.uses = []string{a.value[1:]}
		}
	}
	if graphic(name) && !f.hidden && (name != "use" || f.uses != nil) { // a <use> whose href was removed draws nothing
		w.drawn++
	}
	if name == "style" {
		f.style, f.attrs = true, attrs
		w.css.Reset()
	} else {
		w.writeStart(name, attrs, len(w.stack) == 0)
	}
	w.stack = append(w.stack, f)
	return nil
}

func (w *walker) checkRoot(t xml.StartElement, line int) error {
	if w.seenRoot {
		return apperr.FieldErrorf(field, "The icon has another element, <%s>, after the closing </svg> (line %d); an SVG file has exactly one root element.", w.display(t.Name), line)
	}
	w.seenRoot = true
	switch {
	case strings.EqualFold(t.Name.Local, "html"):
		return apperr.FieldErrorf(field, "This is an HTML document; the icon must be an SVG file.")
	case t.Name.Local != "svg":
		return apperr.FieldErrorf(field, "The root element is <%s> (line %d); an SVG icon must start with <svg>.", w.display(t.Name), line)
	case t.Name.Space != "" && t.Name.Space != svgNS:
		return apperr.FieldErrorf(field, "The <svg> element (line %d) is in the namespace %q; an SVG icon must use %q.", line, t.Name.Space, svgNS)
	}
	return nil
}

func (w *walker) end() {
	f := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	if f.name == "" {
		return
	}
	switch {
	case f.style:
		w.writeStyle(f)
	case w.open && w.space == "":
		w.out.WriteString("/>")
		w.open = false
	default:
		w.flush()
		w.out.WriteString("</" + f.name + ">")
	}
	if f.id != "" {
		w.ids[f.id] = &useNode{elements: f.elements, uses: f.uses}
	}
	if len(w.stack) == 0 {
		w.root = useNode{elements: f.elements, uses: f.uses}
		return
	}
	parent := &w.stack[len(w.stack)-1]
	parent.elements += f.elements
	parent.uses = append(parent.uses, f.uses...)
}

func (w *walker) text(t xml.CharData, line int) error {
	if len(w.stack) == 0 {
		if len(bytes.TrimSpace(t)) == 0 {
			return nil
		}
		if !w.seenRoot {
			return apperr.FieldErrorf(field, "This is not an SVG file: it starts with text instead of an <svg> element (line %d).", line)
		}
		return apperr.FieldErrorf(field, "The icon has text after the closing </svg> (line %d).", line)
	}
	switch top := w.stack[len(w.stack)-1]; {
	case top.name == "":
	case top.style:
		w.css.Write(t)
	case len(bytes.TrimSpace(t)) == 0:
		w.space += string(t)
	default:
		w.flush()
		escapeText(&w.out, string(t))
	}
	return nil
}

// directive handles <!…> declarations. A DOCTYPE that only names a DTD is
// harmless here (encoding/xml never fetches it) and common in Illustrator
// exports, so it is dropped with a note; one with an internal subset can
// declare entities, the vehicle of "billion laughs" expansion and of
// external-entity file reads, so it is refused outright.
func (w *walker) directive(t xml.Directive, line int) error {
	s := string(t)
	words := append(strings.Fields(s), "", "") // keyword and name, "" when missing
	keyword := words[0]
	switch strings.ToUpper(keyword) {
	case "DOCTYPE":
		if strings.Contains(strings.ToUpper(s), "<!ENTITY") {
			return apperr.FieldErrorf(field, "The icon declares entities in its DOCTYPE (line %d). Entities can expand to gigabytes (\"billion laughs\") or read local files, so they are not allowed; remove the <!DOCTYPE …> block.", line)
		}
		if strings.Contains(s, "[") {
			return apperr.FieldErrorf(field, "The icon's DOCTYPE has internal declarations (line %d); they are not allowed. Remove the <!DOCTYPE …> block.", line)
		}
		root := words[1]
		if strings.EqualFold(root, "html") {
			return apperr.FieldErrorf(field, "This is an HTML document; the icon must be an SVG file.")
		}
		w.notes.add("removed <!DOCTYPE %s> (line %d)", root, line)
		return nil
	case "ENTITY":
		return apperr.FieldErrorf(field, "The icon declares an entity (line %d). Entities can expand to gigabytes (\"billion laughs\") or read local files, so they are not allowed.", line)
	}
	return apperr.FieldErrorf(field, "The icon contains an unexpected <!%s …> declaration (line %d).", keyword, line)
}

func (w *walker) writeStart(name string, attrs []attr, root bool) {
	w.flush()
	w.out.WriteString("<" + name)
	if root {
		w.out.WriteString(` xmlns="` + svgNS + `"`)
	}
	for _, a := range attrs {
		w.out.WriteString(" " + a.name + `="`)
		escapeAttr(&w.out, a.value)
		w.out.WriteByte('"')
	}
	w.open = true
}

// flush ends a pending start tag once the element turns out to have
// content (an element without any is written self-closed), then writes
// pending whitespace.
func (w *walker) flush() {
	if w.open {
		w.out.WriteByte('>')
		w.open = false
	}
	escapeText(&w.out, w.space)
	w.space = ""
}

// writeStyle writes a <style> element once its whole text is known, or
// drops it with the reason.
func (w *walker) writeStyle(f frame) {
	css := w.css.String()
	if why := cssProblem(css); why != "" {
		w.notes.add("removed <style> (line %d): %s", f.line, why)
		w.space = ""
		return
	}
	w.writeStart("style", f.attrs, false)
	w.flush()
	escapeText(&w.out, css)
	w.out.WriteString("</style>")
}

func (w *walker) finish() (Result, error) {
	if !w.seenRoot {
		return Result{}, apperr.FieldErrorf(field, "This is not an SVG file: it has no <svg> element.")
	}
	if w.drawn == 0 {
		if len(w.notes.list) == 0 {
			return Result{}, apperr.FieldErrorf(field, "The icon draws nothing: it has no shapes, text or <use> elements.")
		}
		return Result{}, apperr.FieldErrorf(field, "Nothing is left to draw after removing unsafe content (%s).", w.notes.list[0])
	}
	if err := w.checkUses(); err != nil {
		return Result{}, err
	}
	return Result{SVG: w.out.String(), Removed: w.notes.result()}, nil
}

// readError turns a decoder failure into a message for the user.
func readError(err error) error {
	var syntax *xml.SyntaxError
	if errors.As(err, &syntax) {
		return apperr.FieldErrorf(field, "The icon is not well-formed XML: %s (line %d).", syntax.Msg, syntax.Line)
	}
	var charset charsetError
	if errors.As(err, &charset) {
		return apperr.FieldErrorf(field, "The icon declares the %q character encoding; save it as UTF-8.", string(charset))
	}
	return apperr.FieldErrorf(field, "The icon could not be read as XML: %v.", err)
}

// charsetError is a declared encoding other than UTF-8 in a non-ASCII file.
type charsetError string

func (e charsetError) Error() string { return "unsupported encoding " + string(e) }

func isASCII(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// notes collects Result.Removed, capped at maxNotes.
type notes struct {
	list []string
	more int
}

func (n *notes) add(format string, args ...any) {
	if len(n.list) < maxNotes {
		n.list = append(n.list, fmt.Sprintf(format, args...))
	} else {
		n.more++
	}
}

func (n *notes) result() []string {
	out := append([]string{}, n.list...)
	if n.more > 0 {
		out = append(out, fmt.Sprintf("and %d more removals", n.more))
	}
	return out
}
