package auth

import (
	"fmt"
	"sort"
	"strings"

	"github.com/theory/jsonpath"
)

// lookupKey finds a token response field by its configured key. A key is
// either a plain or dotted name ("access_token", "data.token") or an
// RFC 9535 JSONPath starting with "$" ("$.data['access-token']"), for
// vendors that nest their tokens. A plain key that exists verbatim wins
// over its dotted reading, so "token.value" works for a flat field of that
// name too.
func lookupKey(doc map[string]any, key string) (any, bool, error) {
	if strings.HasPrefix(key, "$") {
		p, err := jsonpath.Parse(key)
		if err != nil {
			return nil, false, fmt.Errorf("%q is not a valid JSONPath: %v", key, err)
		}
		nodes := p.Select(doc)
		if len(nodes) == 0 {
			return nil, false, nil
		}
		return nodes[0], true, nil
	}
	if v, ok := doc[key]; ok {
		return v, true, nil
	}
	var cur any = doc
	for _, part := range strings.Split(key, ".") {
		obj, ok := cur.(map[string]any)
		if !ok {
			return nil, false, nil
		}
		if cur, ok = obj[part]; !ok {
			return nil, false, nil
		}
	}
	return cur, true, nil
}

// topKeys lists a response's top-level keys for messages: names only,
// never values.
func topKeys(doc map[string]any) string {
	keys := make([]string, 0, len(doc))
	for k := range doc {
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return "none"
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}
