package bundle

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/finding"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/version"
	"integrationstudio/backend/worker"
)

// Deps are the Service's collaborators.
type Deps struct {
	Integrations *integration.Service
	// Blueprints linked to an integration travel with it; nil leaves them out.
	Blueprints *blueprint.Service
	Secrets    *secrets.Store
	// Specs re-lints a bundle's OpenAPI document (the child worker in the
	// app, in-process in tests).
	Specs worker.Runner
}

// Service exports and imports bundles.
type Service struct{ deps Deps }

// New returns a Service.
func New(d Deps) *Service { return &Service{deps: d} }

// ExportOptions shape Export.
type ExportOptions struct {
	// Sign adds an ed25519 signature with this installation's key.
	Sign bool `json:"sign"`
}

// Exported is a bundle ready to write.
type Exported struct {
	FileName string `json:"fileName"`
	Data     []byte `json:"-"`
}

// Export writes an integration as a bundle. It reads no secret: the
// snapshot holds none, and configurations go out as names, non-secret
// values and the list of secrets their recipient must supply.
func (s *Service) Export(ctx context.Context, id string, o ExportOptions) (Exported, error) {
	snap, err := s.deps.Integrations.Snapshot(ctx, id)
	if err != nil {
		return Exported{}, err
	}
	for i := range snap.Configs {
		c := &snap.Configs[i]
		var v configuration.Values
		_ = json.Unmarshal(c.Settings, &v) // stored by the configuration service: valid
		settings, err := json.Marshal(v)
		if err != nil {
			return Exported{}, err
		}
		c.Settings = settings
		c.SecretsNeeded = append([]string{}, configuration.SecretFieldsFor(auth.Method(snap.AuthMethod))...)
	}
	integ, err := indentJSON(snap)
	if err != nil {
		return Exported{}, err
	}
	members := []member{{memberIntegration, integ}}
	if len(snap.OpenAPI) > 0 {
		members = append(members, member{memberOpenAPI, append(append([]byte{}, snap.OpenAPI...), '\n')})
	}
	if snap.IconSVG != "" {
		members = append(members, member{memberIcon, []byte(snap.IconSVG)})
	}
	if s.deps.Blueprints != nil {
		linked, err := s.deps.Blueprints.LinkedTo(ctx, id)
		if err != nil {
			return Exported{}, err
		}
		for _, b := range linked {
			data, err := indentJSON(b)
			if err != nil {
				return Exported{}, err
			}
			members = append(members, member{blueprintPrefix + b.ID + ".json", data})
		}
	}
	m := Manifest{Format: Format, FormatVersion: FormatVersion, AppVersion: version.Version, CreatedAt: snap.UpdatedAt.UTC(),
		Integration: ManifestSubject{ID: snap.ID, Name: snap.Name}, Files: fileList(members)}
	if o.Sign {
		key, err := s.signingKey(ctx)
		if err != nil {
			return Exported{}, err
		}
		if err := sign(&m, key); err != nil {
			return Exported{}, err
		}
	}
	manifest, err := indentJSON(m)
	if err != nil {
		return Exported{}, err
	}
	data, err := writeZip(manifest, members)
	if err != nil {
		return Exported{}, err
	}
	return Exported{FileName: fileName(snap.Name), Data: data}, nil
}

// fileName is <name>.isbundle with characters file systems refuse replaced.
func fileName(name string) string {
	r := strings.NewReplacer("/", "-", `\`, "-", ":", "-", "*", "-", "?", "-", `"`, "-", "<", "-", ">", "-", "|", "-")
	n := strings.TrimSpace(r.Replace(name))
	if n == "" {
		n = "integration"
	}
	return n + Extension
}

// Preview is what the import dialog shows before anything is stored.
type Preview struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Hostname    string `json:"hostname"`
	AuthMethod  string `json:"authMethod"`
	GrantType   string `json:"grantType,omitempty"`
	Pagination  string `json:"pagination"`
	Status      string `json:"status"`
	Actions     int    `json:"actions"`
	// SignedBy is the signer's key fingerprint; empty means unsigned.
	SignedBy       string                          `json:"signedBy"`
	AppVersion     string                          `json:"appVersion"`
	Configurations []integration.ConfigurationStub `json:"configurations"`
	// Lint is what re-linting the bundled OpenAPI document found.
	Lint finding.Counts `json:"lint"`
	// Conflict is set when an integration with this id or name exists.
	Conflict *Conflict `json:"conflict,omitempty"`
	// Blueprints are the linked blueprints the bundle brings, by name.
	Blueprints []string `json:"blueprints"`
	// Ignored lists what the bundle carried that is never imported
	// (credential-like values), by field.
	Ignored []string `json:"ignored,omitempty"`
}

// Conflict names the existing integration an import would clash with.
type Conflict struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	SameID bool   `json:"sameId"`
}

// OnConflict is the user's choice when the integration exists.
type OnConflict string

const (
	ConflictFail     OnConflict = "fail"
	ConflictReplace  OnConflict = "replace"
	ConflictKeepBoth OnConflict = "keep-both"
)

// Imported reports a finished import.
type Imported struct {
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Mode    string  `json:"mode"` // new, replace or copy
	Preview Preview `json:"preview"`
}

// loaded is a bundle read, checked and validated.
type loaded struct {
	snap       integration.Snapshot
	blueprints []blueprint.Blueprint
	preview    Preview
}

// Inspect reads a bundle and says what importing it would do; nothing is
// stored.
func (s *Service) Inspect(ctx context.Context, data []byte) (Preview, error) {
	l, err := s.load(ctx, data)
	if err != nil {
		return Preview{}, err
	}
	return l.preview, nil
}

// Import stores a bundle's integration in one transaction. With a
// conflict, on decides: fail, replace the existing integration (its
// configurations and secrets stay, held back from a changed host until
// confirmed), or keep both (the bundle's under a new name and ids).
func (s *Service) Import(ctx context.Context, data []byte, on OnConflict) (Imported, error) {
	l, err := s.load(ctx, data)
	if err != nil {
		return Imported{}, err
	}
	opts := integration.RestoreOptions{Mode: integration.RestoreNew}
	if c := l.preview.Conflict; c != nil {
		switch on {
		case ConflictReplace:
			opts = integration.RestoreOptions{Mode: integration.RestoreReplace, ReplaceID: c.ID}
		case ConflictKeepBoth:
			name, err := s.freeName(ctx, l.snap.Name)
			if err != nil {
				return Imported{}, err
			}
			opts = integration.RestoreOptions{Mode: integration.RestoreCopy, NewName: name}
		case ConflictFail, "":
			what := fmt.Sprintf("the name %q", c.Name)
			if c.SameID {
				what = fmt.Sprintf("the same id (%q)", c.Name)
			}
			return Imported{}, &apperr.Error{Code: apperr.Conflict, Field: "onConflict", Message: fmt.Sprintf(
				"An integration with %s already exists. Choose to replace it (its configurations and secrets are kept) or to keep both (the imported one is renamed).", what)}
		default:
			return Imported{}, apperr.FieldErrorf("onConflict", "%q is not replace, keep-both or fail.", on)
		}
	}
	if len(l.blueprints) > 0 {
		if s.deps.Blueprints == nil {
			return Imported{}, apperr.Errorf(apperr.Unavailable, "This build cannot import the bundle's blueprints.")
		}
		fresh := opts.Mode == integration.RestoreCopy
		opts.Also = func(ctx context.Context, tx *sql.Tx, integrationID string) error {
			return s.deps.Blueprints.RestoreLinked(ctx, tx, integrationID, l.blueprints, fresh)
		}
	}
	id, err := s.deps.Integrations.Restore(ctx, l.snap, opts)
	if err != nil {
		return Imported{}, err
	}
	name := l.snap.Name
	if opts.Mode == integration.RestoreCopy {
		name = opts.NewName
	}
	return Imported{ID: id, Name: name, Mode: string(opts.Mode), Preview: l.preview}, nil
}

// freeName finds "<name> (2)", "<name> (3)", … for keep-both.
func (s *Service) freeName(ctx context.Context, name string) (string, error) {
	list, err := s.deps.Integrations.List(ctx)
	if err != nil {
		return "", err
	}
	taken := map[string]bool{}
	for _, it := range list {
		taken[strings.ToLower(it.Name)] = true
	}
	for n := 2; ; n++ {
		base := name
		suffix := fmt.Sprintf(" (%d)", n)
		if r := []rune(base); len(r)+len([]rune(suffix)) > 64 {
			base = string(r[:64-len([]rune(suffix))])
		}
		if cand := base + suffix; !taken[strings.ToLower(cand)] {
			return cand, nil
		}
	}
}

func (s *Service) load(ctx context.Context, data []byte) (*loaded, error) {
	c, err := readBundle(data)
	if err != nil {
		return nil, err
	}
	signer, err := verify(c.manifest)
	if err != nil {
		return nil, err
	}
	snap, ignored, err := decodeSnapshot(c)
	if err != nil {
		return nil, err
	}
	bps, err := decodeBlueprints(c)
	if err != nil {
		return nil, err
	}
	p := Preview{ID: snap.ID, Name: snap.Name, Description: snap.Description, Hostname: snap.Hostname, AuthMethod: string(snap.AuthMethod),
		Pagination: string(snap.Pagination.Type), Status: string(snap.Status), Actions: len(snap.Actions), SignedBy: signer,
		AppVersion: oneLine(c.manifest.AppVersion), Configurations: snap.Configs, Ignored: ignored, Blueprints: []string{}}
	for _, b := range bps {
		p.Blueprints = append(p.Blueprints, b.Name)
	}
	if snap.AuthDefaults.OAuth2 != nil {
		p.GrantType = string(snap.AuthDefaults.OAuth2.GrantType)
	}
	if len(snap.OpenAPI) > 0 {
		im, err := s.deps.Specs.Import(ctx, worker.ImportRequest{Name: memberOpenAPI, Data: snap.OpenAPI, Limits: bundleSpecLimits()}, nil)
		if err != nil {
			e := apperr.Public(err)
			return nil, invalid("its %s is not a usable OpenAPI document: %s", memberOpenAPI, e.Message)
		}
		p.Lint = im.Counts
	}
	if p.Conflict, err = s.conflict(ctx, snap); err != nil {
		return nil, err
	}
	return &loaded{snap: snap, blueprints: bps, preview: p}, nil
}

func (s *Service) conflict(ctx context.Context, snap integration.Snapshot) (*Conflict, error) {
	if it, err := s.deps.Integrations.Get(ctx, snap.ID); err == nil {
		return &Conflict{ID: it.ID, Name: it.Name, SameID: true}, nil
	} else if apperr.Code(err) != apperr.NotFound {
		return nil, err
	}
	list, err := s.deps.Integrations.List(ctx)
	if err != nil {
		return nil, err
	}
	for _, it := range list {
		if strings.EqualFold(it.Name, snap.Name) {
			return &Conflict{ID: it.ID, Name: it.Name}, nil
		}
	}
	return nil, nil
}

// bundleSpecLimits are the usual import limits, with room for any
// document a bundle can hold.
func bundleSpecLimits() spec.Limits {
	l := spec.DefaultLimits
	l.MaxBytes = maxUncompressed
	return l
}

// WriteFile writes a bundle so that no half-written file is ever left at
// path: a temporary file in the same folder, then a rename.
func WriteFile(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".isbundle-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// ReadFile reads a bundle file, refusing one over the size cap before
// reading it all.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "Cannot read %s: %v", filepath.Base(path), pathErr(err))
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxBundleBytes+1))
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Invalid, "Cannot read %s: %v", filepath.Base(path), err)
	}
	return data, nil
}

func pathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
