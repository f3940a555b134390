package icon_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/icon"
)

// FuzzSanitize checks two invariants on any input: failures are coded user
// errors, and what Sanitize returns it accepts again unchanged (so nothing
// unsafe or malformed is ever written).
func FuzzSanitize(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.svg")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := icon.Sanitize(data)
		if err != nil {
			var e *apperr.Error
			if !errors.As(err, &e) || e.Field != "icon" {
				t.Fatalf("uncoded error %T: %v", err, err)
			}
			return
		}
		again, err := icon.Sanitize([]byte(res.SVG))
		if err != nil {
			t.Fatalf("output rejected: %v\n%s", err, res.SVG)
		}
		if again.SVG != res.SVG || len(again.Removed) != 0 {
			t.Fatalf("second pass changed the output (removed %q):\n%s\nthen\n%s", again.Removed, res.SVG, again.SVG)
		}
	})
}
