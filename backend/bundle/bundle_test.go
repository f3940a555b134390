package bundle_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/bundle"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/paginate"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/secrets/secretstest"
	"integrationstudio/backend/store"
	"integrationstudio/backend/worker"
)

// studio is one data dir: a database, its services, the shared keyring.
type studio struct {
	db         *store.DB
	dbPath     string
	its        *integration.Service
	configs    *configuration.Service
	secrets    *secrets.Store
	bundles    *bundle.Service
	blueprints *blueprint.Service
}

func newStudio(t *testing.T, kr secrets.Keyring) *studio {
	t.Helper()
	s := &studio{dbPath: filepath.Join(t.TempDir(), "studio.db")}
	var err error
	if s.db, err = store.Open(context.Background(), s.dbPath, store.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.db.Close() })
	s.its = integration.NewService(s.db)
	s.secrets = secrets.New(s.db, kr)
	s.configs = configuration.New(configuration.Deps{DB: s.db, Secrets: s.secrets, Integrations: s.its})
	s.blueprints = blueprint.New(s.db, nil)
	s.bundles = bundle.New(bundle.Deps{Integrations: s.its, Secrets: s.secrets, Specs: worker.InProcess{}, Blueprints: s.blueprints})
	return s
}

// Secrets of every kind the app keeps, set on the exported integration.
var everySecret = map[string]string{
	"client_secret":       "cs-bundle-7e1d9a3c5b",
	"access_token":        "at-bundle-2f4e6a8c0d",
	"refresh_token":       "rt-bundle-9b7d5f3e1a",
	"api_key":             "ak-bundle-4c6e8a0b2d",
	"password":            "pw-bundle-1a3c5e7b9d",
	"webhook_signing_key": "whsk-bundle-8d6b4f2a0c",
}

// fullIntegration builds an integration with a spec, edits, an icon, an
// org mapping and two configurations holding secrets of every kind.
func fullIntegration(t *testing.T, s *studio) string {
	t.Helper()
	ctx := context.Background()
	data, err := os.ReadFile("../spec/testdata/petstorev3.json")
	if err != nil {
		t.Fatal(err)
	}
	im, err := worker.InProcess{}.Import(ctx, worker.ImportRequest{Name: "petstorev3.json", Data: data}, nil)
	if err != nil {
		t.Fatal(err)
	}
	imp, err := s.its.Import(ctx, integration.ImportInput{Name: "Petstore Bundle", FileName: "petstorev3.json", Original: data, Spec: im.Result()})
	if err != nil {
		t.Fatal(err)
	}
	id := imp.Integration.ID
	if _, err := s.its.SetHostname(ctx, id, "petstore.example.com"); err != nil {
		t.Fatal(err)
	}
	d := auth.DefaultsFor(auth.MethodOAuth2, auth.GrantClientCredentials)
	d.OAuth2.TokenURL = "https://login.example.com/oauth/token"
	d.ExtraHeaders = []auth.Header{{Name: "Accept", Value: "application/json"}}
	if _, err := s.its.SetAuth(ctx, id, integration.AuthOAuth2, d); err != nil {
		t.Fatal(err)
	}
	if _, err := s.its.SetPagination(ctx, id, paginate.Config{Type: paginate.Page, ResultsKey: "items", PageParam: "page"}); err != nil {
		t.Fatal(err)
	}
	page, err := s.its.ListActions(ctx, id, integration.ActionQuery{Limit: 1})
	if err != nil || len(page.Actions) == 0 {
		t.Fatalf("actions: %v", err)
	}
	a := page.Actions[0]
	a.Paginated, a.Description = true, "Edited in the actions editor."
	if _, err := s.its.UpdateAction(ctx, id, a); err != nil {
		t.Fatal(err)
	}
	if _, err := s.its.SetOrgMapping(ctx, id, integration.OrgMapping{ActionID: a.ID, IDField: "id", NameField: "name",
		Entries: []integration.OrgMappingEntry{{VendorOrgID: "1", VendorOrgName: "Contoso", LocalOrg: "Contoso Ltd"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.its.SetIcon(ctx, id, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="3"/></svg>`)); err != nil {
		t.Fatal(err)
	}
	c, err := s.configs.Create(ctx, id, configuration.Input{Name: "Contoso", Organization: "Contoso Ltd",
		Values:  configuration.Values{ClientID: "contoso-client", Overrides: map[string]any{"oauth2.scope": "read"}},
		Secrets: map[string]string{"client_secret": everySecret["client_secret"]}})
	if err != nil {
		t.Fatal(err)
	}
	// Tokens and the other kinds, as the app would store them.
	for _, f := range []string{"access_token", "refresh_token", "api_key", "password", "webhook_signing_key"} {
		if err := s.secrets.Put(ctx, secrets.Ref{IntegrationID: id, ConfigurationID: c.ID, Field: f}, everySecret[f]); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.configs.Create(ctx, id, configuration.Input{Name: "Fabrikam", Values: configuration.Values{ClientID: "fab"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.blueprints.Create(ctx, blueprint.Input{Name: "Pets", Description: "Pets for sale.", IntegrationID: id,
		Fields: []blueprint.Field{{Name: "name", Description: "The pet's name.", MappingRequired: true}}}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.configs.DeleteIntegration(context.Background(), id) })
	return id
}

func members(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = b
	}
	return out
}

func TestExportHoldsNoSecretAndRoundTrips(t *testing.T) {
	ctx := context.Background()
	kr := secretstest.RealKeyring(t)
	a := newStudio(t, kr)
	id := fullIntegration(t, a)

	first, err := a.bundles.Export(ctx, id, bundle.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	signed, err := a.bundles.Export(ctx, id, bundle.ExportOptions{Sign: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{first.Data, signed.Data} {
		all := members(t, data)
		if len(all) != 5 {
			t.Errorf("members: %d", len(all))
		}
		for kind, secret := range everySecret {
			if bytes.Contains(data, []byte(secret)) {
				t.Errorf("the %s is in the zip's bytes", kind)
			}
			for name, b := range all {
				if bytes.Contains(b, []byte(secret)) {
					t.Errorf("the %s is in %s", kind, name)
				}
			}
		}
	}
	if first.FileName != "Petstore Bundle.isbundle" {
		t.Errorf("file name %q", first.FileName)
	}
	again, _ := a.bundles.Export(ctx, id, bundle.ExportOptions{})
	signedAgain, _ := a.bundles.Export(ctx, id, bundle.ExportOptions{Sign: true})
	if !bytes.Equal(first.Data, again.Data) || !bytes.Equal(signed.Data, signedAgain.Data) {
		t.Error("exporting twice without changes gave different bytes")
	}

	b := newStudio(t, kr)
	p, err := b.bundles.Inspect(ctx, signed.Data)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(p.SignedBy, "SHA256:") || p.Conflict != nil || p.Actions == 0 || len(p.Configurations) != 2 ||
		strings.Join(p.Configurations[0].SecretsNeeded, ",") != "client_secret" || p.AuthMethod != "oauth2" || strings.Join(p.Blueprints, ",") != "Pets" {
		t.Errorf("preview %+v", p)
	}
	if p, _ := b.bundles.Inspect(ctx, first.Data); p.SignedBy != "" {
		t.Errorf("unsigned bundle signed by %q", p.SignedBy)
	}
	got, err := b.bundles.Import(ctx, first.Data, bundle.ConflictFail)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.configs.DeleteIntegration(context.Background(), got.ID) })
	second, err := b.bundles.Export(ctx, got.ID, bundle.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first.Data, second.Data) {
		m1, m2 := members(t, first.Data), members(t, second.Data)
		for name := range m1 {
			if !bytes.Equal(m1[name], m2[name]) {
				t.Errorf("%s differs after the round trip:\n%s\n---\n%s", name, m1[name], m2[name])
			}
		}
	}
	list, _ := b.configs.List(ctx, got.ID)
	if len(list) != 2 || list[0].Status.State != auth.StateMissingSecret || len(list[0].SecretFields) != 0 {
		t.Errorf("imported configurations %+v", list)
	}
	var refs int
	b.db.QueryRowContext(ctx, `SELECT count(*) FROM secret_refs`).Scan(&refs)
	if refs != 0 {
		t.Errorf("%d secrets stored by the import", refs)
	}
}

func TestImportConflicts(t *testing.T) {
	ctx := context.Background()
	kr := secretstest.RealKeyring(t)
	a := newStudio(t, kr)
	id := fullIntegration(t, a)
	exp, err := a.bundles.Export(ctx, id, bundle.ExportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// The same studio: the id exists.
	_, err = a.bundles.Import(ctx, exp.Data, bundle.ConflictFail)
	if apperr.Code(err) != apperr.Conflict || !strings.Contains(err.Error(), "same id") {
		t.Fatalf("fail: %v", err)
	}
	both, err := a.bundles.Import(ctx, exp.Data, bundle.ConflictKeepBoth)
	if err != nil || both.ID == id || both.Name != "Petstore Bundle (2)" || both.Mode != "copy" {
		t.Fatalf("keep both: %+v %v", both, err)
	}
	t.Cleanup(func() { _ = a.configs.DeleteIntegration(context.Background(), both.ID) })
	copied, _ := a.its.Snapshot(ctx, both.ID)
	if copied.OrgMapping == nil || copied.Actions[0].ID == copied.OrgMapping.ActionID && copied.OrgMapping.ActionID == "" {
		t.Errorf("org mapping of the copy: %+v", copied.OrgMapping)
	}
	// Replace after the hostname changed in the bundle: the existing
	// configuration keeps its secret, held back from the new host.
	if _, err := a.its.SetHostname(ctx, id, "old-host.example.com"); err != nil {
		t.Fatal(err)
	}
	cs, _ := a.configs.List(ctx, id)
	for _, c := range cs {
		if c.Name == "Contoso" {
			if _, err := a.configs.Trust(ctx, id, c.ID); err != nil {
				t.Fatal(err)
			}
		}
	}
	rep, err := a.bundles.Import(ctx, exp.Data, bundle.ConflictReplace)
	if err != nil || rep.ID != id || rep.Mode != "replace" {
		t.Fatalf("replace: %+v %v", rep, err)
	}
	cs, _ = a.configs.List(ctx, id)
	var contoso configuration.Configuration
	for _, c := range cs {
		if c.Name == "Contoso" {
			contoso = c
		}
	}
	if len(cs) != 2 || contoso.OriginChange == nil || contoso.OriginChange.Hostname != "petstore.example.com" || len(contoso.SecretFields) == 0 {
		t.Errorf("after replace: %+v", contoso)
	}
	if _, err := a.configs.Authenticator(ctx, id, contoso.ID); apperr.Code(err) != apperr.Conflict {
		t.Errorf("secrets would go to the bundle's host without confirmation: %v", err)
	}
}

// rezip rebuilds a bundle with edit applied to its members, keeping the
// manifest's hashes unless fixHashes.
func rezip(t *testing.T, data []byte, edit func(m map[string][]byte), fixHashes bool) []byte {
	t.Helper()
	all := members(t, data)
	edit(all)
	if fixHashes {
		var m bundle.Manifest
		json.Unmarshal(all["manifest.json"], &m)
		for i, f := range m.Files {
			if b, ok := all[f.Name]; ok {
				m.Files[i].SHA256 = sha(b)
				m.Files[i].Size = int64(len(b))
			}
		}
		all["manifest.json"], _ = json.Marshal(m)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"manifest.json", "integration.json", "openapi.json", "icon.svg", "extra"} {
		if b, ok := all[name]; ok {
			w, _ := zw.Create(name)
			w.Write(b)
		}
	}
	for name, b := range all {
		switch name {
		case "manifest.json", "integration.json", "openapi.json", "icon.svg", "extra":
		default:
			w, _ := zw.Create(name)
			w.Write(b)
		}
	}
	zw.Close()
	return buf.Bytes()
}

func TestHostileBundles(t *testing.T) {
	ctx := context.Background()
	kr := secretstest.RealKeyring(t)
	a := newStudio(t, kr)
	id := fullIntegration(t, a)
	good, err := a.bundles.Export(ctx, id, bundle.ExportOptions{Sign: true})
	if err != nil {
		t.Fatal(err)
	}
	unsigned, _ := a.bundles.Export(ctx, id, bundle.ExportOptions{})
	bomb := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("openapi.json")
		chunk := bytes.Repeat([]byte{' '}, 1<<20)
		for i := 0; i < 300; i++ {
			w.Write(chunk)
		}
		zw.Close()
		return buf.Bytes()
	}()
	cases := []struct {
		name string
		data []byte
		msg  string
	}{
		{"not a zip", []byte("just some text, not a bundle"), "not a zip"},
		{"empty", nil, "empty"},
		{"truncated", good.Data[:len(good.Data)/2], "damaged or truncated"},
		{"zip bomb", bomb, "zip bomb"},
		{"zip slip", rezip(t, unsigned.Data, func(m map[string][]byte) { m["../../etc/cron.d/evil"] = []byte("x") }, false), "unsafe path"},
		{"absolute path", rezip(t, unsigned.Data, func(m map[string][]byte) { m["/etc/passwd"] = []byte("x") }, false), "unsafe path"},
		{"unexpected member", rezip(t, unsigned.Data, func(m map[string][]byte) { m["extra"] = []byte("x") }, false), "unexpected entry"},
		{"tampered member", rezip(t, unsigned.Data, func(m map[string][]byte) {
			m["integration.json"] = bytes.Replace(m["integration.json"], []byte("petstore.example.com"), []byte("evil.example.com"), 1)
		}, false), `"integration.json" does not match its SHA-256`},
		{"tampered after signing", rezip(t, good.Data, func(m map[string][]byte) {
			m["integration.json"] = bytes.Replace(m["integration.json"], []byte("petstore.example.com"), []byte("evil.example.com"), 1)
		}, true), "changed after it was signed"},
		{"newer format", rezip(t, unsigned.Data, func(m map[string][]byte) {
			m["manifest.json"] = bytes.Replace(m["manifest.json"], []byte(`"formatVersion": 1`), []byte(`"formatVersion": 7`), 1)
		}, false), "bundle format 7"},
		{"invalid auth default", rezip(t, unsigned.Data, func(m map[string][]byte) {
			m["integration.json"] = bytes.Replace(m["integration.json"], []byte(`"name": "Accept"`), []byte(`"name": "X-Bogus Header"`), 1)
		}, true), "not a valid header name"},
	}
	before := snapshotDB(t, a)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := a.bundles.Import(ctx, c.data, bundle.ConflictKeepBoth)
			if err == nil || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("err = %v, want %q", err, c.msg)
			}
			if after := snapshotDB(t, a); after != before {
				t.Error("the store changed")
			}
		})
	}
}

// Secrets a hostile bundle carries are dropped, never stored.
func TestCarriedSecretsAreIgnored(t *testing.T) {
	ctx := context.Background()
	kr := secretstest.RealKeyring(t)
	a := newStudio(t, kr)
	id := fullIntegration(t, a)
	exp, _ := a.bundles.Export(ctx, id, bundle.ExportOptions{})
	hostile := rezip(t, exp.Data, func(m map[string][]byte) {
		var doc map[string]any
		json.Unmarshal(m["integration.json"], &doc)
		doc["secrets"] = map[string]string{"client_secret": "smuggled-secret-1"}
		cfgs := doc["configurations"].([]any)
		cfgs[0].(map[string]any)["settings"].(map[string]any)["client_secret"] = "smuggled-secret-2"
		cfgs[0].(map[string]any)["settings"].(map[string]any)["apiKey"] = "smuggled-secret-3"
		m["integration.json"], _ = json.Marshal(doc)
	}, true)
	b := newStudio(t, kr)
	p, err := b.bundles.Inspect(ctx, hostile)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Ignored) < 3 {
		t.Errorf("ignored %v", p.Ignored)
	}
	got, err := b.bundles.Import(ctx, hostile, bundle.ConflictFail)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = b.configs.DeleteIntegration(context.Background(), got.ID) })
	time.Sleep(10 * time.Millisecond)
	for _, suffix := range []string{"", "-wal"} {
		db, _ := os.ReadFile(b.dbPath + suffix)
		for _, s := range []string{"smuggled-secret-1", "smuggled-secret-2", "smuggled-secret-3"} {
			if bytes.Contains(db, []byte(s)) {
				t.Errorf("%s was stored", s)
			}
		}
	}
}

func snapshotDB(t *testing.T, s *studio) string {
	t.Helper()
	var n, a, c int
	s.db.QueryRowContext(context.Background(), `SELECT (SELECT count(*) FROM integrations), (SELECT count(*) FROM actions), (SELECT count(*) FROM configurations)`).Scan(&n, &a, &c)
	return strings.Join([]string{itoa(n), itoa(a), itoa(c)}, "/")
}
