// Package icon validates and sanitises integration icons. Icons are SVG only:
// other formats are rejected with a message naming the format, and SVG
// markup is rebuilt from an allowlist of elements and attributes so that
// nothing left in it can run a script or load anything from outside the icon.
//
// The cleaned markup is meant to be shown as an image (an <img> with a
// data: URL, as the frontend's IntegrationIcon does). In that mode a browser
// runs no scripts and fetches nothing, so sanitising is a second line of
// defence, and it is also why <style> elements may stay: an image's CSS
// cannot reach the page around it. Never inline the markup into the DOM.
package icon

import (
	"bytes"

	"integrationstudio/backend/apperr"
)

// MaxBytes caps the size of an icon file. Hand-drawn and exported icons
// weigh a few KB to a few tens of KB; 256 KB leaves room for detailed
// exports while bounding the parse work and the markup sent with every row
// of the integrations list.
const MaxBytes = 256 << 10

// Limits on structure, so that a small file cannot be costly to walk or to
// draw. Real icons are a few levels deep and hold tens to hundreds of elements.
const (
	maxDepth    = 64
	maxElements = 10_000
	// maxRendered caps the elements drawn once every <use> is expanded: a
	// few nested <use> elements can otherwise multiply into billions.
	maxRendered = 100_000
	// maxNotes caps Result.Removed so that a noisy editor export does not
	// bury the notes that matter; the rest are counted in a last note.
	maxNotes = 100
)

// field names the input in every error, for the GUI to highlight.
const field = "icon"

// Result is a sanitised icon.
type Result struct {
	// SVG is the cleaned markup, re-serialised with the SVG namespace on
	// its root element.
	SVG string `json:"svg"`
	// Removed says, one note per item, what was taken out and where, e.g.
	// `removed <script> (line 3)`. It is empty when nothing was removed.
	Removed []string `json:"removed"`
}

// Sanitize checks that data is an SVG image within the limits and returns
// it cleaned. Errors are *apperr.Error values tied to the "icon" field whose
// message names the problem and, when known, where it is.
func Sanitize(data []byte) (Result, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Result{}, apperr.FieldErrorf(field, "The icon file is empty.")
	}
	// The format comes before the size: telling someone to shrink a PNG
	// that cannot be used anyway would waste their time.
	if err := checkFormat(data); err != nil {
		return Result{}, err
	}
	if len(data) > MaxBytes {
		return Result{}, apperr.FieldErrorf(field, "The icon is %s; the limit is %s.", formatSize(len(data)), formatSize(MaxBytes))
	}
	// encoding/xml does not skip a byte-order mark; editors on Windows add one.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	return sanitize(data)
}
