package icon

import (
	"bytes"
	"fmt"

	"integrationstudio/backend/apperr"
)

// checkFormat rejects files that are clearly not SVG text, naming the
// format when its magic bytes give it away, so that the message tells the
// user what they picked rather than only that it failed to parse.
func checkFormat(data []byte) error {
	if name := sniff(data); name != "" {
		return apperr.FieldErrorf(field, "This is %s; the icon must be an SVG file.", name)
	}
	if bytes.HasPrefix(data, []byte("\x1f\x8b")) {
		return apperr.FieldErrorf(field, "This is a compressed file (perhaps an .svgz); save the icon as a plain .svg file.")
	}
	if bytes.HasPrefix(data, []byte("\xfe\xff")) || bytes.HasPrefix(data, []byte("\xff\xfe")) ||
		(len(data) >= 2 && (data[0] == 0 || data[1] == 0) && (data[0] == '<' || data[1] == '<')) {
		return apperr.FieldErrorf(field, "The icon is saved as UTF-16 text; save it as UTF-8.")
	}
	// Text never holds NUL bytes; anything else unknown that does is binary.
	if bytes.IndexByte(data[:min(len(data), 512)], 0) >= 0 {
		return apperr.FieldErrorf(field, "This is a binary file; the icon must be an SVG file.")
	}
	return nil
}

// sniff names a common non-SVG file type from its magic bytes, or returns "".
func sniff(data []byte) string {
	has := func(prefix string) bool { return bytes.HasPrefix(data, []byte(prefix)) }
	at := func(offset int, s string) bool {
		return len(data) >= offset+len(s) && string(data[offset:offset+len(s)]) == s
	}
	switch {
	case has("\x89PNG\r\n\x1a\n"):
		return "a PNG image"
	case has("\xff\xd8\xff"):
		return "a JPEG image"
	case has("GIF87a"), has("GIF89a"):
		return "a GIF image"
	case has("RIFF") && at(8, "WEBP"):
		return "a WebP image"
	case has("\x00\x00\x01\x00"):
		return "an ICO icon"
	case has("%PDF-"):
		return "a PDF document"
	case has("BM") && at(6, "\x00\x00\x00\x00"):
		return "a BMP image"
	case has("II*\x00"), has("MM\x00*"):
		return "a TIFF image"
	case at(4, "ftypavif"), at(4, "ftypavis"):
		return "an AVIF image"
	case at(4, "ftypheic"), at(4, "ftypheix"), at(4, "ftypmif1"):
		return "a HEIC image"
	case has("PK\x03\x04"):
		return "a ZIP archive"
	}
	return ""
}

// formatSize renders n bytes the way a file manager would, rounding up so
// that a file just over the limit never reads as equal to it.
func formatSize(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
