package lint

import (
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// nodeFinder tells which member of the document starts at a line and column
// of the text vacuum parsed.
type nodeFinder interface {
	find(line, col int) (nodeAt, bool)
}

func (p *positions) find(line, col int) (nodeAt, bool) {
	at, ok := p.byPos[[2]int{line, col}]
	return at, ok
}

// lineIndex is a nodeFinder for a document with one member per line (as
// spec.IndentJSON writes it): a slot per line, and pointers built only when
// asked for. On a big spec it takes a small fraction of the memory of
// positions, which holds every member's pointer (GitHub's: ~170 MB).
type lineIndex struct {
	lines []lineSlot // by line number
}

type lineSlot struct {
	parent int32 // line of the enclosing object or array; -1 for the root
	keyCol int32 // column of the member's key; 0 for the root and array items
	valCol int32
	index  int32  // the item's index, for an array item
	key    string // the member's key, for an object member
	used   bool
	item   bool
}

// indexLines indexes root's members by line; ok is false when two of them
// share a line (the document is not one member per line).
func indexLines(root *yaml.Node) (li *lineIndex, ok bool) {
	if root == nil {
		return nil, false
	}
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil, false
		}
		root = root.Content[0]
	}
	li = &lineIndex{}
	type job struct {
		key, value *yaml.Node
		parent     int32
		index      int32
		item       bool
	}
	stack := []job{{value: root, parent: -1}}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		line := j.value.Line
		if j.key != nil {
			if j.key.Line != line {
				return nil, false
			}
		}
		if line <= 0 {
			return nil, false
		}
		for len(li.lines) <= line {
			li.lines = append(li.lines, lineSlot{})
		}
		if li.lines[line].used {
			return nil, false
		}
		slot := lineSlot{parent: j.parent, valCol: int32(j.value.Column), index: j.index, item: j.item, used: true}
		if j.key != nil {
			slot.keyCol, slot.key = int32(j.key.Column), j.key.Value
		}
		li.lines[line] = slot
		switch j.value.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(j.value.Content); i += 2 {
				stack = append(stack, job{key: j.value.Content[i], value: j.value.Content[i+1], parent: int32(line)})
			}
		case yaml.SequenceNode:
			for i, c := range j.value.Content {
				stack = append(stack, job{value: c, parent: int32(line), index: int32(i), item: true})
			}
		}
	}
	return li, true
}

func (li *lineIndex) find(line, col int) (nodeAt, bool) {
	if line <= 0 || line >= len(li.lines) || !li.lines[line].used {
		return nodeAt{}, false
	}
	s := li.lines[line]
	switch int32(col) {
	case s.keyCol:
		if s.keyCol == 0 {
			return nodeAt{}, false
		}
		return nodeAt{ptr: li.pointer(line), key: true}, true
	case s.valCol:
		return nodeAt{ptr: li.pointer(line)}, true
	}
	return nodeAt{}, false
}

// pointer is the JSON pointer of the member on line.
func (li *lineIndex) pointer(line int) string {
	var toks []string
	for l := int32(line); l > 0 && li.lines[l].parent >= 0; l = li.lines[l].parent {
		s := li.lines[l]
		if s.item {
			toks = append(toks, strconv.Itoa(int(s.index)))
		} else {
			toks = append(toks, escapePointerToken(s.key))
		}
	}
	var b strings.Builder
	for i := len(toks) - 1; i >= 0; i-- {
		b.WriteByte('/')
		b.WriteString(toks[i])
	}
	return b.String()
}

// findNodes indexes the document vacuum parsed: by line when it is one
// member per line, else every position.
func findNodes(root *yaml.Node) nodeFinder {
	if li, ok := indexLines(root); ok {
		return li
	}
	return indexPositions(root)
}

// linePointer is the pointer of the member on a line, for finders that
// know lines.
type linePointer interface {
	pointerAt(line int) (string, bool)
}

func (li *lineIndex) pointerAt(line int) (string, bool) {
	if line <= 0 || line >= len(li.lines) || !li.lines[line].used {
		return "", false
	}
	return li.pointer(line), true
}

// duplicateAtLines is vacuum's description-duplication message, which names
// lines of the text vacuum parsed (not the user's file).
var duplicateAtLines = regexp.MustCompile("^(Summary|Description) at line `(\\d+)` is a duplicate of line `(\\d+)`$")

// DuplicateOfPrefix starts a description-duplication message as this
// package writes it; the pointer of the first occurrence follows, in
// backticks (Run adds its line in the user's file).
const DuplicateOfPrefix = " is a duplicate of the one at "

// rewriteLines turns a description-duplication message's lines into the
// pointer of the first occurrence; ok is false when the lines are unknown.
func rewriteLines(msg string, f nodeFinder) (string, bool) {
	m := duplicateAtLines.FindStringSubmatch(msg)
	lp, known := f.(linePointer)
	if m == nil || !known {
		return msg, false
	}
	first, _ := strconv.Atoi(m[3])
	ptr, ok := lp.pointerAt(first)
	if !ok {
		return msg, false
	}
	return m[1] + DuplicateOfPrefix + "`" + ptr + "`", true
}
