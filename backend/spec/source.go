// Package spec turns a vendor's API description — OpenAPI 3.0/3.1 or
// Swagger 2.0, JSON or YAML, dropped, picked or pasted — into one clean
// OpenAPI 3 JSON document, the actions it offers, and what can be inferred
// about its host, auth and pagination.
package spec

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"integrationstudio/backend/apperr"
)

// Format is the syntax of the input.
type Format string

const (
	FormatJSON Format = "json"
	FormatYAML Format = "yaml"
)

// Limits guard against hostile or broken input.
type Limits struct {
	// MaxBytes is the size cap (Settings can change it).
	MaxBytes int64
	// MaxDepth caps nesting of objects and arrays.
	MaxDepth int
	// MaxNodes caps the JSON nodes produced, alias expansion included.
	MaxNodes int
}

// DefaultLimits are what the app uses unless Settings say otherwise.
var DefaultLimits = Limits{MaxBytes: 64 << 20, MaxDepth: 512, MaxNodes: 20_000_000}

// Source is the user's file, parsed but not yet interpreted.
type Source struct {
	Name   string // file name or "pasted text", used in messages
	Format Format
	// Root is the document's top mapping; every node knows its line. Import
	// drops it (nil) for a JSON file that is the document itself, once
	// read: Locate then finds positions in json, the file's bytes.
	Root    *yaml.Node
	Version string // the value of "openapi" or "swagger"
	Swagger bool   // true for Swagger 2.0

	json []byte // the file, when Root was dropped

	keysMu sync.Mutex
	keys   map[*yaml.Node]map[string]int // keys of big mappings (keyIndex)
}

// sourceError names the input and, when known, the line.
func sourceError(name string, line int, format string, args ...any) error {
	where := name
	if line > 0 {
		where = fmt.Sprintf("%s, line %d", name, line)
	}
	return apperr.Errorf(apperr.Invalid, "%s: %s", where, fmt.Sprintf(format, args...))
}

// ReadSource checks and parses data. Format and version come from the
// content, never from the file name.
func ReadSource(name string, data []byte, limits Limits) (*Source, error) {
	if limits.MaxBytes > 0 && int64(len(data)) > limits.MaxBytes {
		return nil, sourceError(name, 0, "the file is %s; the import limit is %s (change it in Settings).", HumanBytes(int64(len(data))), HumanBytes(limits.MaxBytes))
	}
	data = trimBOM(data)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, sourceError(name, 0, "the file is empty.")
	}
	if looksBinary(data) {
		return nil, sourceError(name, 0, "this is a binary file, not a JSON or YAML API description.")
	}
	format := FormatYAML
	if c := firstNonSpace(data); c == '{' || c == '[' {
		format = FormatJSON
	}
	if line, depth := maxNesting(data); depth > limits.MaxDepth {
		return nil, sourceError(name, line, "nesting is deeper than %d levels; no real API description needs that, so the file was not parsed.", limits.MaxDepth)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line, msg := yamlErrorLine(err)
		return nil, sourceError(name, line, "this is not valid %s: %s", strings.ToUpper(string(format)), msg)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, sourceError(name, 0, "the file holds no document.")
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, sourceError(name, root.Line, "an API description is an object with an \"openapi\" or \"swagger\" field; this file holds a %s.", kindName(root))
	}
	src := &Source{Name: name, Format: format, Root: root}
	if v := Child(root, "openapi"); v != nil {
		src.Version = v.Value
		if !strings.HasPrefix(v.Value, "3.0") && !strings.HasPrefix(v.Value, "3.1") {
			return nil, sourceError(name, v.Line, "OpenAPI version %q is not supported; use 3.0.x, 3.1.x or Swagger 2.0.", v.Value)
		}
	} else if v := Child(root, "swagger"); v != nil {
		src.Version, src.Swagger = v.Value, true
		if v.Value != "2.0" {
			return nil, sourceError(name, v.Line, "Swagger version %q is not supported; only 2.0 is.", v.Value)
		}
	} else {
		return nil, sourceError(name, root.Line, "this %s is not an API description: it has no \"openapi\" or \"swagger\" field (top-level fields: %s).", strings.ToUpper(string(format)), topKeys(root))
	}
	return src, nil
}

// trimBOM drops a UTF-8 byte order mark.
func trimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) }

func looksBinary(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	// Cut at a rune boundary so a multi-byte character split by the window is not held against the file.
	for i := 0; i < 4 && len(head) > 0 && !utf8.Valid(head); i++ {
		head = head[:len(head)-1]
	}
	return !utf8.Valid(head)
}

func firstNonSpace(data []byte) byte {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c
	}
	return 0
}

// maxNesting scans bracket depth without parsing, so a 20,000-deep file is
// refused before any parser recurses into it. Brackets inside quoted
// strings are ignored; YAML block nesting is bounded by the size cap.
func maxNesting(data []byte) (line, depth int) {
	cur, max, maxLine, ln := 0, 0, 1, 1
	var quote byte
	for i := 0; i < len(data); i++ {
		c := data[i]
		if c == '\n' {
			ln++
		}
		if quote != 0 {
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
			continue
		}
		switch c {
		case '"':
			quote = c
		case '{', '[':
			cur++
			if cur > max {
				max, maxLine = cur, ln
			}
		case '}', ']':
			if cur > 0 {
				cur--
			}
		}
	}
	return maxLine, max
}

func yamlErrorLine(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	var line int
	if _, scanErr := fmt.Sscanf(msg, "line %d:", &line); scanErr == nil {
		if i := strings.Index(msg, ":"); i >= 0 {
			msg = strings.TrimSpace(msg[i+1:])
		}
	}
	return line, msg
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.ScalarNode:
		return "single value"
	default:
		return "value of another kind"
	}
}

func topKeys(m *yaml.Node) string {
	var keys []string
	for i := 0; i+1 < len(m.Content) && len(keys) < 6; i += 2 {
		keys = append(keys, fmt.Sprintf("%q", m.Content[i].Value))
	}
	if len(keys) == 0 {
		return "none"
	}
	if len(m.Content)/2 > len(keys) {
		keys = append(keys, "…")
	}
	return strings.Join(keys, ", ")
}

// HumanBytes writes a size as people read it in messages: 3.2 MB, 12.0 KB, 512 bytes.
func HumanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
