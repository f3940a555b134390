// Package bundle exports an integration as one shareable file and imports
// such files safely. A bundle is a zip (`<name>.isbundle`) of a manifest,
// the integration, its cleaned OpenAPI document and its icon; it never
// holds a secret. See docs/bundle-format.md.
package bundle

import (
	"time"
)

// Format names the file type in the manifest; FormatVersion is the one
// this build writes and the newest it reads.
const (
	Format        = "integration-studio-bundle"
	FormatVersion = 1
	// Extension is the file name extension of a bundle.
	Extension = ".isbundle"
)

// Member names.
const (
	memberManifest    = "manifest.json"
	memberIntegration = "integration.json"
	memberOpenAPI     = "openapi.json"
	memberIcon        = "icon.svg"
	// blueprintPrefix + <id>.json: a linked blueprint.
	blueprintPrefix = "blueprints/"
)

// Limits for reading a bundle, which is treated as hostile.
const (
	MaxBundleBytes  = 64 << 20  // the file itself
	maxMembers      = 64        // entries in the zip
	maxUncompressed = 256 << 20 // all members together, decompressed
	maxManifest     = 1 << 20
)

// zipTime is every member's modification time, so that exporting twice
// gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Manifest is manifest.json.
type Manifest struct {
	Format        string `json:"format"`
	FormatVersion int    `json:"formatVersion"`
	AppVersion    string `json:"appVersion"`
	// CreatedAt is the integration's last change, not the export's clock,
	// so the file is the same until the integration changes.
	CreatedAt   time.Time       `json:"createdAt"`
	Integration ManifestSubject `json:"integration"`
	Files       []ManifestFile  `json:"files"`
	Signature   *Signature      `json:"signature,omitempty"`
}

// ManifestSubject names the bundled integration.
type ManifestSubject struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// ManifestFile is one member with its SHA-256 (hex) and size.
type ManifestFile struct {
	Name   string `json:"name"`
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
}

// Signature signs the manifest without its signature field.
type Signature struct {
	Algorithm string `json:"algorithm"` // "ed25519"
	PublicKey string `json:"publicKey"` // base64
	// Fingerprint is "SHA256:" and the first 16 bytes of the public key's
	// SHA-256, hex, in pairs: what the import preview shows.
	Fingerprint string `json:"fingerprint"`
	Value       string `json:"value"` // base64
}
