// Package datadir decides where Integration Studio keeps its files.
package datadir

import (
	"fmt"
	"os"
	"path/filepath"

	"integrationstudio/backend/apperr"
)

// EnvHome moves the whole data dir; tests and portable installs use it.
const EnvHome = "INTEGRATION_STUDIO_HOME"

// Dir is a resolved data directory and the well-known files inside it.
type Dir struct {
	Root string
}

// Resolve picks the data dir: an explicit override (the CLI's --data-dir)
// wins, then $INTEGRATION_STUDIO_HOME, then <UserConfigDir>/integration-studio.
func Resolve(override string, getenv func(string) string) (Dir, error) {
	root := override
	if root == "" {
		root = getenv(EnvHome)
	}
	if root == "" {
		cfg, err := os.UserConfigDir()
		if err != nil {
			return Dir{}, apperr.Wrap(err, apperr.Unavailable,
				"Cannot find your user config directory (%v). Set %s to choose a data directory.", err, EnvHome)
		}
		root = filepath.Join(cfg, "integration-studio")
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return Dir{}, apperr.Wrap(err, apperr.Invalid, "Data directory %q is not a usable path: %v", root, err)
	}
	return Dir{Root: abs}, nil
}

// Ensure creates the data dir (owner-only) if it does not exist yet.
func (d Dir) Ensure() error {
	if err := os.MkdirAll(d.Root, 0o700); err != nil {
		return apperr.Wrap(err, apperr.Unavailable, "Cannot create the data directory %s: %v", d.Root, err)
	}
	info, err := os.Stat(d.Root)
	if err != nil {
		return apperr.Wrap(err, apperr.Unavailable, "Cannot read the data directory %s: %v", d.Root, err)
	}
	if !info.IsDir() {
		return apperr.Errorf(apperr.Invalid, "The data directory %s is a file, not a directory.", d.Root)
	}
	return nil
}

// Database is the SQLite file.
func (d Dir) Database() string { return filepath.Join(d.Root, "studio.db") }

// Logs is the folder of rotating log files.
func (d Dir) Logs() string { return filepath.Join(d.Root, "logs") }

// Backups is where the store keeps copies taken before migrations.
func (d Dir) Backups() string { return filepath.Join(d.Root, "backups") }

func (d Dir) String() string { return fmt.Sprint(d.Root) }
