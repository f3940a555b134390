package spec

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"
)

// locateInJSON is Locate for a file that is valid JSON, without its node
// tree: one pass over the bytes finds, for every pointer, the position
// Locate gives on the tree yaml.v3 parses from the same bytes (the key of
// the deepest member that exists, the item of an array, else the root).
// Positions are numbered as yaml.v3 numbers them: lines start after LF, CR
// LF, a lone CR, and (inside strings) NEL, LS and PS; columns count
// characters, not bytes. A repeated key: the last one wins, as on the tree.
//
// Keeping the tree of a 20 MB JSON file costs ~250 MB for as long as
// findings are located; this costs the file's bytes and a pass over them
// per batch of pointers (LocateAll).
func locateInJSON(data []byte, pointers []string) [][2]int {
	root := &locNode{}
	toks := make([][]string, len(pointers))
	for i, p := range pointers {
		toks[i] = SplitPointer(p)
		n := root
		for _, t := range toks[i] {
			n = n.child(t)
		}
	}
	s := &jsonScan{data: data}
	rootPos := s.scan(root)
	out := make([][2]int, len(pointers))
	for i, ts := range toks {
		pos, n := rootPos, root
		for _, t := range ts {
			c := n.keys[t]
			if c == nil || !c.met {
				break
			}
			pos, n = c.pos, c
		}
		out[i] = pos
	}
	return out
}

// locNode is one token of the pointers looked for (a trie): what the scan
// met for it.
type locNode struct {
	keys map[string]*locNode
	// byIndex lists the children an array item matches: Locate reads a
	// token as an index with strconv.Atoi, so "1", "01" and "+1" all name
	// item 1.
	byIndex map[int][]*locNode
	met     bool
	pos     [2]int // line and column of the member's key, or of the item
}

func (n *locNode) child(tok string) *locNode {
	if c := n.keys[tok]; c != nil {
		return c
	}
	c := &locNode{}
	if n.keys == nil {
		n.keys = map[string]*locNode{}
	}
	n.keys[tok] = c
	if i, err := strconv.Atoi(tok); err == nil && i >= 0 {
		if n.byIndex == nil {
			n.byIndex = map[int][]*locNode{}
		}
		n.byIndex[i] = append(n.byIndex[i], c)
	}
	return c
}

// forget clears what was met under n (a repeated key: the last one wins).
func (n *locNode) forget() {
	stack := []*locNode{n}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x.met, x.pos = false, [2]int{}
		for _, c := range x.keys {
			stack = append(stack, c)
		}
	}
}

// jsonScan walks valid JSON bytes, keeping yaml.v3's line and column.
type jsonScan struct {
	data []byte
	i    int
	line int // 1-based line of data[i]
	// lineStart is where the current line starts; colAt/colIdx cache the
	// column of a recent index on that line, so a minified file (one long
	// line) is not counted from its start for every position.
	lineStart, colIdx, colAt int
}

// pos is the 1-based line and column of data[s.i].
func (s *jsonScan) pos() [2]int {
	if s.colIdx < s.lineStart || s.colIdx > s.i {
		s.colIdx, s.colAt = s.lineStart, 0
	}
	s.colAt += utf8.RuneCount(s.data[s.colIdx:s.i])
	s.colIdx = s.i
	return [2]int{s.line, s.colAt + 1}
}

func (s *jsonScan) newline(next int) {
	s.line++
	s.i, s.lineStart = next, next
}

// space skips JSON whitespace.
func (s *jsonScan) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t':
			s.i++
		case '\n':
			s.newline(s.i + 1)
		case '\r':
			if s.i+1 < len(s.data) && s.data[s.i+1] == '\n' {
				s.newline(s.i + 2)
			} else {
				s.newline(s.i + 1)
			}
		default:
			return
		}
	}
}

// str skips the string starting at data[s.i] (a quote) and returns its
// content, still escaped.
func (s *jsonScan) str() []byte {
	start := s.i + 1
	s.i = start
	for s.i < len(s.data) {
		c := s.data[s.i]
		switch {
		case c == '"':
			raw := s.data[start:s.i]
			s.i++
			return raw
		case c == '\\':
			s.i += 2
		case c == 0xC2 && s.i+1 < len(s.data) && s.data[s.i+1] == 0x85: // NEL
			s.newline(s.i + 2)
		case c == 0xE2 && s.i+2 < len(s.data) && s.data[s.i+1] == 0x80 && (s.data[s.i+2] == 0xA8 || s.data[s.i+2] == 0xA9): // LS, PS
			s.newline(s.i + 3)
		default:
			s.i++
		}
	}
	return s.data[start:]
}

// scalar skips a number, true, false or null.
func (s *jsonScan) scalar() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return
		}
		s.i++
	}
}

type scanFrame struct {
	object bool
	nodes  []*locNode // the trie nodes this container's members are looked up in
	next   int        // index of the next item (arrays)
}

// scan walks the document, marks the trie nodes it meets with their
// positions, and returns the root value's position. The walk is iterative:
// nesting costs a frame, never a goroutine stack.
func (s *jsonScan) scan(root *locNode) [2]int {
	s.line = 1
	s.space()
	rootPos := s.pos()
	var stack []scanFrame
	nodes := []*locNode{root} // the trie nodes of the value about to be read
	for s.i < len(s.data) {
		// A value.
		s.space()
		if s.i >= len(s.data) {
			break
		}
		switch c := s.data[s.i]; c {
		case '{', '[':
			s.i++
			stack = append(stack, scanFrame{object: c == '{', nodes: nodes})
		case '"':
			s.str()
		default:
			s.scalar()
		}
		// Then the next member of the innermost open container, closing
		// those that end here.
		nodes = nil
		for len(stack) > 0 {
			top := &stack[len(stack)-1]
			s.space()
			if s.i >= len(s.data) {
				return rootPos
			}
			c := s.data[s.i]
			if c == '}' || c == ']' {
				s.i++
				stack = stack[:len(stack)-1]
				continue
			}
			if c == ',' {
				s.i++
				s.space()
			}
			if top.object {
				at := s.pos()
				raw := s.str()
				if len(top.nodes) > 0 {
					nodes = s.members(top.nodes, raw, at)
				}
				s.space()
				if s.i < len(s.data) && s.data[s.i] == ':' {
					s.i++
				}
			} else {
				if len(top.nodes) > 0 {
					at := s.pos()
					for _, n := range top.nodes {
						for _, ch := range n.byIndex[top.next] {
							nodes = append(nodes, ch.meet(at))
						}
					}
				}
				top.next++
			}
			break
		}
		if len(stack) == 0 {
			break
		}
	}
	return rootPos
}

// members returns the children of nodes named by the (escaped) key raw,
// marked as met at at.
func (s *jsonScan) members(nodes []*locNode, raw []byte, at [2]int) []*locNode {
	var out []*locNode
	var key string
	decoded := false
	for _, n := range nodes {
		if len(n.keys) == 0 {
			continue
		}
		if !decoded {
			key, decoded = unescapeKey(raw), true
		}
		if c := n.keys[key]; c != nil {
			out = append(out, c.meet(at))
		}
	}
	return out
}

func (n *locNode) meet(at [2]int) *locNode {
	if n.met {
		n.forget()
	}
	n.met, n.pos = true, at
	return n
}

func unescapeKey(raw []byte) string {
	for _, c := range raw {
		if c == '\\' {
			quoted := make([]byte, 0, len(raw)+2)
			quoted = append(append(append(quoted, '"'), raw...), '"')
			var k string
			if json.Unmarshal(quoted, &k) == nil {
				return k
			}
			return string(raw)
		}
	}
	return string(raw)
}
