package bundle

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
)

type member struct {
	name string
	data []byte
}

// writeZip lays the members out in a fixed order with fixed times and a
// fixed compression level, manifest first.
func writeZip(manifest []byte, members []member) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	all := append([]member{{memberManifest, manifest}}, members...)
	for _, m := range all {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: zip.Deflate, Modified: zipTime})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(m.data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fileList hashes the members for the manifest, sorted by name.
func fileList(members []member) []ManifestFile {
	out := make([]ManifestFile, 0, len(members))
	for _, m := range members {
		sum := sha256.Sum256(m.data)
		out = append(out, ManifestFile{Name: m.name, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(m.data))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// indentJSON is how every JSON member is written: indented, so bundles
// diff well in git, with a final newline.
func indentJSON(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
