package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"path"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/spec"
)

// contents is a bundle's members after every structural check.
type contents struct {
	manifest Manifest
	// manifestRaw is the member as stored, for the signature check.
	manifestRaw []byte
	files       map[string][]byte
}

func invalid(format string, args ...any) error {
	return apperr.Errorf(apperr.Invalid, "This bundle cannot be imported: "+format, args...)
}

// readBundle opens data as a hostile zip: size, member count and total
// decompressed caps (zip bombs), only known member names (no paths, so no
// zip slip), no duplicates, hashes checked against the manifest, and a
// format version this build reads.
func readBundle(data []byte) (*contents, error) {
	if len(data) == 0 {
		return nil, invalid("the file is empty.")
	}
	if len(data) > MaxBundleBytes {
		return nil, invalid("it is %s; bundles are at most %s.", spec.HumanBytes(int64(len(data))), spec.HumanBytes(MaxBundleBytes))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if bytes.HasPrefix(data, []byte("PK")) {
			return nil, invalid("the zip is damaged or truncated (%v). Export it again.", err)
		}
		return nil, invalid("it is not a bundle (not a zip file). Bundles are the %s files Integration Studio exports.", Extension)
	}
	if len(zr.File) > maxMembers {
		return nil, invalid("it has %d entries; a bundle has at most %d.", len(zr.File), maxMembers)
	}
	c := &contents{files: map[string][]byte{}}
	var total int64
	for _, f := range zr.File {
		if err := checkMemberName(f.Name); err != nil {
			return nil, err
		}
		if _, dup := c.files[f.Name]; dup || (f.Name == memberManifest && c.manifestRaw != nil) {
			return nil, invalid("%q appears twice.", f.Name)
		}
		limit := maxUncompressed - total
		if f.Name == memberManifest {
			limit = min(limit, maxManifest)
		}
		b, err := readMember(f, limit)
		if err != nil {
			return nil, err
		}
		total += int64(len(b))
		if f.Name == memberManifest {
			c.manifestRaw = b
		} else {
			c.files[f.Name] = b
		}
	}
	if c.manifestRaw == nil {
		return nil, invalid("it has no %s.", memberManifest)
	}
	if err := json.Unmarshal(c.manifestRaw, &c.manifest); err != nil {
		return nil, invalid("%s is not valid JSON: %v", memberManifest, err)
	}
	m := c.manifest
	if m.Format != Format {
		return nil, invalid("%s does not describe an Integration Studio bundle (format %q).", memberManifest, m.Format)
	}
	if m.FormatVersion > FormatVersion {
		return nil, apperr.Errorf(apperr.Invalid, "This bundle uses bundle format %d, made by Integration Studio %s; this app reads format %d and older. Update Integration Studio to import it.",
			m.FormatVersion, oneLine(m.AppVersion), FormatVersion)
	}
	if m.FormatVersion < 1 {
		return nil, invalid("%s has no valid format version.", memberManifest)
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		if listed[f.Name] {
			return nil, invalid("%s lists %q twice.", memberManifest, f.Name)
		}
		listed[f.Name] = true
		b, ok := c.files[f.Name]
		if !ok {
			return nil, invalid("%s lists %q, which is missing from the file.", memberManifest, f.Name)
		}
		sum := sha256.Sum256(b)
		if !strings.EqualFold(hex.EncodeToString(sum[:]), f.SHA256) {
			return nil, invalid("%q does not match its SHA-256 in the manifest: the file was changed after export, or damaged.", f.Name)
		}
	}
	for name := range c.files {
		if !listed[name] {
			return nil, invalid("%q is not listed in the manifest.", name)
		}
	}
	if _, ok := c.files[memberIntegration]; !ok {
		return nil, invalid("it has no %s.", memberIntegration)
	}
	return c, nil
}

// checkMemberName accepts only the members a bundle has: no directories,
// no paths, nothing to extract outside anywhere.
func checkMemberName(name string) error {
	switch {
	case name == "" || strings.ContainsAny(name, `\:`) || strings.HasPrefix(name, "/") || strings.Contains(name, ".."):
		return invalid("it has an entry with an unsafe path (%q).", oneLine(name))
	case path.Clean(name) != name:
		return invalid("it has an entry with an unsafe path (%q).", oneLine(name))
	}
	switch name {
	case memberManifest, memberIntegration, memberOpenAPI, memberIcon:
		return nil
	}
	if rest, ok := strings.CutPrefix(name, blueprintPrefix); ok {
		if id, ok := strings.CutSuffix(rest, ".json"); ok && validID(id) {
			return nil
		}
	}
	return invalid("it has an unexpected entry %q.", oneLine(name))
}

// readMember decompresses one member, counting real bytes: the sizes in a
// zip's headers are the attacker's to choose.
func readMember(f *zip.File, limit int64) ([]byte, error) {
	if f.Method != zip.Store && f.Method != zip.Deflate {
		return nil, invalid("%q uses an unsupported compression method.", f.Name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, invalid("%q cannot be read: %v", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, limit+1))
	if err != nil {
		if errors.Is(err, zip.ErrChecksum) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, invalid("%q is damaged or truncated.", f.Name)
		}
		return nil, invalid("%q cannot be read: %v", f.Name, err)
	}
	if int64(len(b)) > limit {
		return nil, invalid("it decompresses to more than %s (a zip bomb, or far larger than any integration).", spec.HumanBytes(maxUncompressed))
	}
	return b, nil
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}
