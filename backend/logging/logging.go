// Package logging writes the app's structured log to a rotating file in the
// data dir, with credential-named attributes masked.
package logging

import (
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"gopkg.in/natefinch/lumberjack.v2"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/redact"
)

// Rotation limits: a week of heavy use fits, and the folder stays small.
const (
	maxFileMB  = 5
	maxBackups = 5
	maxAgeDays = 30
)

// Open returns a JSON logger writing to dir/studio.log (rotated), the file's
// path, and a Closer for shutdown.
func Open(dir string) (*slog.Logger, string, io.Closer, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", nil, apperr.Wrap(err, apperr.Unavailable, "Cannot create the log folder %s: %v", dir, err)
	}
	file := filepath.Join(dir, "studio.log")
	w := &lumberjack.Logger{Filename: file, MaxSize: maxFileMB, MaxBackups: maxBackups, MaxAge: maxAgeDays}
	return New(w), file, w, nil
}

// New returns the app's logger over any writer (tests pass a buffer).
func New(w io.Writer) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{
		Level:       slog.LevelInfo,
		ReplaceAttr: redact.ReplaceAttr,
	}))
}
