package icon

import "integrationstudio/backend/apperr"

// useNode is what an element with an id expands to when used.
type useNode struct {
	elements int
	uses     []string
}

// checkUses refuses icons whose <use> elements refer to themselves or
// expand, level upon level, to more elements than anyone should draw (the
// <use> form of "billion laughs"). Sizes are memoised per id, so the check
// is linear; its recursion is at most one level per id.
func (w *walker) checkUses() error {
	const visiting = -1
	sizes := map[string]int{} // id → elements drawn per use; visiting while expanding
	var expand func(id string) (int, error)
	expand = func(id string) (int, error) {
		n := w.ids[id]
		if n == nil {
			return 0, nil // no such element: the <use> draws nothing
		}
		switch size, seen := sizes[id]; {
		case seen && size == visiting:
			return 0, apperr.FieldErrorf(field, "The icon's <use> elements refer to each other in a loop (through #%s).", id)
		case seen:
			return size, nil
		}
		sizes[id] = visiting
		total := n.elements
		for _, target := range n.uses {
			size, err := expand(target)
			if err != nil {
				return 0, err
			}
			total = min(total+size, maxRendered+1) // saturate: no overflow
		}
		sizes[id] = total
		return total, nil
	}
	total := w.root.elements
	for _, target := range w.root.uses {
		size, err := expand(target)
		if err != nil {
			return err
		}
		total = min(total+size, maxRendered+1)
	}
	if total > maxRendered {
		return apperr.FieldErrorf(field, "The icon's <use> elements expand to more than %d elements, which would make it very slow to draw.", maxRendered)
	}
	return nil
}
