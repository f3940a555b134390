package spec

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"integrationstudio/backend/apperr"
)

// ReadFile reads a spec from disk without ever holding more than the size
// cap: an oversized file is refused from its size alone.
func ReadFile(path string, limits Limits) ([]byte, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, apperr.Errorf(apperr.Invalid, "%s: no such file.", path)
	}
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "%s: cannot be read: %v", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "%s: cannot be read: %v", path, err)
	}
	if info.IsDir() {
		return nil, apperr.Errorf(apperr.Invalid, "%s is a folder; choose the spec file inside it.", path)
	}
	if limits.MaxBytes > 0 && info.Size() > limits.MaxBytes {
		return nil, sourceError(name, 0, "the file is %s; the import limit is %s (change it in Settings).", HumanBytes(info.Size()), HumanBytes(limits.MaxBytes))
	}
	// The size may change between Stat and Read; never read past the cap.
	r := io.Reader(f)
	if limits.MaxBytes > 0 {
		r = io.LimitReader(f, limits.MaxBytes+1)
	}
	// Sized from Stat (io.ReadAll would grow by doubling: twice the
	// allocations, and up to twice the memory kept with the result).
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead)
	_, err = buf.ReadFrom(r)
	data := buf.Bytes()
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "%s: cannot be read: %v", path, err)
	}
	if limits.MaxBytes > 0 && int64(len(data)) > limits.MaxBytes {
		return nil, sourceError(name, 0, "the file is larger than the import limit of %s (change it in Settings).", HumanBytes(limits.MaxBytes))
	}
	return data, nil
}
