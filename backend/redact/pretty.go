package redact

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
)

// PrettyJSON indents a JSON document for a transcript, keeping the
// vendor's key order, and masks every value under a sensitive key (the
// whole value, object or list included). ok is false when body is not one
// JSON document; the caller then shows it another way.
func PrettyJSON(body []byte) (out []byte, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var b bytes.Buffer
	type frame struct {
		object bool
		n      int  // values written in this container
		key    bool // in an object: the next string token is a key
	}
	var stack []frame
	indent := func() {
		b.WriteByte('\n')
		b.WriteString(strings.Repeat("  ", len(stack)))
	}
	// skip consumes one value (already started by tok) without writing it.
	skip := func(tok json.Token) error {
		d, isDelim := tok.(json.Delim)
		if !isDelim || d == '}' || d == ']' {
			return nil
		}
		for depth := 1; depth > 0; {
			t, err := dec.Token()
			if err != nil {
				return err
			}
			if d, ok := t.(json.Delim); ok {
				if d == '{' || d == '[' {
					depth++
				} else {
					depth--
				}
			}
		}
		return nil
	}
	mask := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil || len(stack) > maxDepth {
			return nil, false
		}
		if d, isDelim := tok.(json.Delim); isDelim && (d == '}' || d == ']') {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if top.n > 0 {
				indent()
			}
			b.WriteRune(rune(d))
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].key = true
			}
			if len(stack) == 0 && dec.More() {
				return nil, false // a second document
			}
			continue
		}
		if len(stack) > 0 {
			top := &stack[len(stack)-1]
			if top.object && top.key {
				if top.n > 0 {
					b.WriteByte(',')
				}
				indent()
				k, _ := tok.(string)
				kb, _ := json.Marshal(k)
				b.Write(kb)
				b.WriteString(": ")
				top.key, top.n = false, top.n+1
				mask = IsSensitive(k)
				continue
			}
			if !top.object {
				if top.n > 0 {
					b.WriteByte(',')
				}
				indent()
				top.n++
			}
		}
		if mask {
			mask = false
			if err := skip(tok); err != nil {
				return nil, false
			}
			b.WriteString(`"` + Mask + `"`)
			if len(stack) > 0 && stack[len(stack)-1].object {
				stack[len(stack)-1].key = true
			}
			continue
		}
		switch t := tok.(type) {
		case json.Delim:
			b.WriteRune(rune(t))
			stack = append(stack, frame{object: t == '{', key: t == '{'})
			continue
		case string:
			sb, _ := json.Marshal(t)
			b.Write(sb)
		case json.Number:
			b.WriteString(t.String())
		case bool:
			if t {
				b.WriteString("true")
			} else {
				b.WriteString("false")
			}
		case nil:
			b.WriteString("null")
		}
		if len(stack) > 0 && stack[len(stack)-1].object {
			stack[len(stack)-1].key = true
		}
		if len(stack) == 0 {
			// One document only: anything after it is not JSON we show.
			if dec.More() {
				return nil, false
			}
		}
	}
	if len(stack) != 0 || b.Len() == 0 {
		return nil, false
	}
	return b.Bytes(), true
}
