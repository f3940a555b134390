package spec

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"integrationstudio/backend/finding"
)

// A JSON OpenAPI 3 file is, almost always, already the document Import
// makes of it, byte for byte once compacted. So while ReadSource parses the
// file into nodes (positions, checks, conversion), a second goroutine
// compacts the bytes the way toJSON would and builds libopenapi's model from
// them: on Microsoft Graph's spec that is a second of parsing off the
// critical path. Import keeps the speculative model only if the document it
// made is exactly the one the model was built from; otherwise (duplicate
// keys, defused references, anything the node walk writes differently) the
// model is built again from the real document.

type speculation struct {
	doc      []byte
	built    *builtModel
	findings []finding.Finding
	err      error
}

// speculator is a speculation under way: compacted says first whether the
// file compacted (the document, or nil when it is not JSON encoding/json
// reads), done gives the model.
type speculator struct {
	compacted <-chan []byte
	done      <-chan *speculation
}

// speculate starts building the model of data when it looks like a JSON
// OpenAPI 3 file within the limits; it returns nil when it does not.
func speculate(name string, data []byte, opts Options) *speculator {
	limits := opts.Limits
	if limits.MaxBytes > 0 && int64(len(data)) > limits.MaxBytes {
		return nil
	}
	data = trimBOM(data)
	if firstNonSpace(data) != '{' {
		return nil
	}
	head := data[:min(len(data), 4096)]
	if bytes.Contains(head, []byte(`"swagger"`)) || !bytes.Contains(data, []byte(`"openapi"`)) {
		return nil
	}
	if _, depth := maxNesting(data); depth > limits.MaxDepth {
		return nil
	}
	out := make(chan *speculation, 1) // buffered: Import may not wait for it
	compacted := make(chan []byte, 1)
	go func() {
		s := &speculation{}
		defer func() {
			if p := recover(); p != nil {
				s.err = fmt.Errorf("speculative model: %v", p)
			}
			if s.err != nil && s.doc == nil {
				compacted <- nil
			}
			out <- s
		}()
		if s.doc, s.err = compactAsToJSON(data); s.err != nil {
			s.doc = nil
			return
		}
		compacted <- s.doc
		indented, err := IndentJSON(s.doc)
		if err != nil {
			s.err = err
			return
		}
		s.built, s.findings, s.err = buildModel(name, indented, opts.Refs, opts.Parsed)
	}()
	return &speculator{compacted: compacted, done: out}
}

// compactAsToJSON writes JSON input as toJSON writes the same input parsed
// as YAML: compact, keys in order, strings escaped by appendString, integers
// that fit int64 normalised ("-0" → "0"), other numbers as written.
//
// It copies the bytes, dropping whitespace: in valid JSON that is already
// that form except for strings with escapes, U+2028/U+2029 or invalid UTF-8
// (decoded as encoding/json decodes them, then written by appendString) and
// the integer -0. (A json.Decoder walk, token by token, took 0.6 s and
// allocated every string on Microsoft Graph's spec.)
func compactAsToJSON(data []byte) ([]byte, error) {
	if !json.Valid(data) {
		return nil, errors.New("not a JSON document")
	}
	out := bytes.NewBuffer(make([]byte, 0, len(data)))
	for i := 0; i < len(data); {
		switch c := data[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '"':
			end, plain := stringEnd(data, i)
			if plain {
				out.Write(data[i:end])
			} else {
				var v string
				if err := json.Unmarshal(data[i:end], &v); err != nil {
					return nil, err
				}
				appendString(out, v)
			}
			i = end
		case c == '-' || (c >= '0' && c <= '9'):
			end := i + 1
			for end < len(data) && strings.IndexByte("0123456789+-.eE", data[end]) >= 0 {
				end++
			}
			if string(data[i:end]) == "-0" {
				out.WriteByte('0')
			} else {
				out.Write(data[i:end])
			}
			i = end
		default: // { } [ ] : , and the letters of true, false, null
			out.WriteByte(c)
			i++
		}
	}
	return out.Bytes(), nil
}

// stringEnd returns the index just past the string starting at data[i] (a
// quote, in valid JSON) and whether appendString would write it back
// unchanged: no escapes, no U+2028 or U+2029, valid UTF-8.
func stringEnd(data []byte, i int) (int, bool) {
	plain, ascii := true, true
	j := i + 1
	for ; j < len(data); j++ {
		c := data[j]
		if c == '"' {
			break
		}
		if c == '\\' {
			plain = false
			j++
		} else if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	end := j + 1
	if plain && !ascii {
		body := data[i+1 : j]
		plain = utf8.Valid(body) && !bytes.Contains(body, []byte("\u2028")) && !bytes.Contains(body, []byte("\u2029"))
	}
	return end, plain
}
