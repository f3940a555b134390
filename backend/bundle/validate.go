package bundle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/icon"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/store"
)

// decodeSnapshot reads integration.json (and the other members) and
// checks every field as the editor would have. Credential-like values a
// hostile or careless bundle carries are dropped and named in ignored;
// they are never stored.
func decodeSnapshot(c *contents) (integration.Snapshot, []string, error) {
	var snap integration.Snapshot
	raw := c.files[memberIntegration]
	if err := json.Unmarshal(raw, &snap); err != nil {
		return snap, nil, invalid("%s is not valid: %v", memberIntegration, err)
	}
	ignored := unknownKeys(raw, reflect.TypeOf(snap), "")
	bad := func(field, format string, args ...any) error {
		return invalid("%s, field %s: %s", memberIntegration, field, fmt.Sprintf(format, args...))
	}
	if !validID(snap.ID) {
		return snap, nil, bad("id", "%q is not an integration id.", oneLine(snap.ID))
	}
	if c.manifest.Integration.ID != snap.ID {
		return snap, nil, invalid("the manifest names integration %q but %s holds %q.", oneLine(c.manifest.Integration.ID), memberIntegration, oneLine(snap.ID))
	}
	snap.Name = strings.TrimSpace(snap.Name)
	if err := integration.ValidateName(snap.Name); err != nil {
		return snap, nil, bad("name", "%v", err)
	}
	if err := integration.ValidateDescription(snap.Description); err != nil {
		return snap, nil, bad("description", "%v", err)
	}
	if snap.Hostname != "" {
		if err := integration.ValidateHostname(snap.Hostname); err != nil {
			return snap, nil, bad("hostname", "%v", err)
		}
	}
	if snap.BasePath != "" && (!strings.HasPrefix(snap.BasePath, "/") || strings.ContainsAny(snap.BasePath, "?# \t\r\n")) {
		return snap, nil, bad("basePath", "%q is not a path such as /v1.", oneLine(snap.BasePath))
	}
	m := auth.Method(snap.AuthMethod)
	if !m.Known() {
		return snap, nil, bad("authMethod", "%q is not none, api_key, basic or oauth2.", oneLine(string(m)))
	}
	before := snap.AuthDefaults.Normalized(m)
	cleaned := auth.WithoutSecretValues(before)
	if !reflect.DeepEqual(before, cleaned) {
		ignored = append(ignored, "authDefaults: credential-like values")
	}
	d, err := auth.Clean(m, cleaned)
	if err != nil {
		return snap, nil, bad("authDefaults", "%v", err)
	}
	snap.AuthDefaults = d
	snap.Pagination = snap.Pagination.Normalized()
	if err := snap.Pagination.Validate(); err != nil {
		return snap, nil, bad("pagination", "%v", err)
	}
	switch snap.Status {
	case integration.StatusDraft, integration.StatusPublished, integration.StatusHidden:
	default:
		return snap, nil, bad("status", "%q is not draft, published or hidden.", oneLine(string(snap.Status)))
	}
	if snap.Status != integration.StatusDraft && snap.FinalizedAt == nil {
		return snap, nil, bad("finalizedAt", "a %s integration must have been finalized.", snap.Status)
	}
	if snap.CreatedAt.IsZero() || snap.UpdatedAt.IsZero() {
		return snap, nil, bad("createdAt", "the timestamps are missing.")
	}
	if err := checkActions(&snap); err != nil {
		return snap, nil, err
	}
	configIgnored, err := checkConfigurations(&snap)
	if err != nil {
		return snap, nil, err
	}
	ignored = append(ignored, configIgnored...)
	if svg, ok := c.files[memberIcon]; ok {
		res, err := icon.Sanitize(svg)
		if err != nil {
			return snap, nil, invalid("%s: %v", memberIcon, err)
		}
		snap.IconSVG = res.SVG
	}
	if doc, ok := c.files[memberOpenAPI]; ok {
		doc = bytes.TrimSpace(doc)
		if !json.Valid(doc) {
			return snap, nil, invalid("%s is not valid JSON.", memberOpenAPI)
		}
		snap.OpenAPI = doc
	}
	sort.Strings(ignored)
	return snap, ignored, nil
}

func validID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func checkActions(snap *integration.Snapshot) error {
	seen := map[string]bool{}
	for i := range snap.Actions {
		a := &snap.Actions[i]
		where := fmt.Sprintf("%s, action %d (%q)", memberIntegration, i+1, oneLine(a.Name))
		if !validID(a.ID) || seen[a.ID] {
			return invalid("%s: its id is missing, malformed or used twice.", where)
		}
		seen[a.ID] = true
		if err := integration.ValidateAction(a.Action, snap.Pagination); err != nil {
			return invalid("%s: %v", where, err)
		}
		if len(a.Parameters) == 0 {
			a.Parameters = json.RawMessage("[]")
		}
		var params []json.RawMessage
		if err := json.Unmarshal(a.Parameters, &params); err != nil {
			return invalid("%s: parameters must be a list.", where)
		}
		for _, raw := range []json.RawMessage{a.RequestBody, a.ResponseSchema} {
			if len(raw) > 0 && !json.Valid(raw) {
				return invalid("%s: a schema is not valid JSON.", where)
			}
		}
		for _, ts := range []string{a.CreatedAt, a.UpdatedAt} {
			if _, err := store.ParseTimestamp(ts); err != nil {
				return invalid("%s: a timestamp is malformed.", where)
			}
		}
	}
	if om := snap.OrgMapping; om != nil && !seen[om.ActionID] {
		return invalid("%s: the org mapping names an action the bundle does not have.", memberIntegration)
	}
	return nil
}

// checkConfigurations keeps each configuration's name, organisation and
// known non-secret values; anything else in its settings is dropped.
func checkConfigurations(snap *integration.Snapshot) ([]string, error) {
	var ignored []string
	names := map[string]bool{}
	it := integration.Integration{AuthMethod: snap.AuthMethod, AuthDefaults: snap.AuthDefaults}
	for i := range snap.Configs {
		c := &snap.Configs[i]
		c.Name = strings.TrimSpace(c.Name)
		where := fmt.Sprintf("%s, configuration %d", memberIntegration, i+1)
		if c.Name == "" || len([]rune(c.Name)) > 100 || names[strings.ToLower(c.Name)] {
			return nil, invalid("%s: its name is empty, too long or used twice.", where)
		}
		names[strings.ToLower(c.Name)] = true
		var v configuration.Values
		if len(c.Settings) > 0 {
			if err := json.Unmarshal(c.Settings, &v); err != nil {
				return nil, invalid("%s (%q): its settings are not valid: %v", where, c.Name, err)
			}
			for _, k := range unknownKeys(c.Settings, reflect.TypeOf(v), "") {
				ignored = append(ignored, fmt.Sprintf("configuration %q: %s", c.Name, k))
			}
		}
		if _, err := configuration.Effective(it, v); err != nil {
			return nil, invalid("%s (%q): %v", where, c.Name, err)
		}
		settings, err := json.Marshal(v)
		if err != nil {
			return nil, err
		}
		c.Settings = settings
		c.SecretsNeeded = append([]string{}, configuration.SecretFieldsFor(auth.Method(snap.AuthMethod))...)
	}
	return ignored, nil
}

// unknownKeys lists the top-level keys of raw that t (a struct) does not
// decode: what the import ignores.
func unknownKeys(raw []byte, t reflect.Type, prefix string) []string {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return nil
	}
	known := map[string]bool{}
	collectJSONNames(t, known)
	var out []string
	for k := range obj {
		if !known[k] {
			out = append(out, prefix+oneLine(k))
		}
	}
	sort.Strings(out)
	return out
}

func collectJSONNames(t reflect.Type, known map[string]bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			collectJSONNames(f.Type, known)
			continue
		}
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		known[name] = true
	}
}

// decodeBlueprints reads the linked blueprints a bundle carries.
func decodeBlueprints(c *contents) ([]blueprint.Blueprint, error) {
	var out []blueprint.Blueprint
	names := make([]string, 0)
	for name := range c.files {
		if strings.HasPrefix(name, blueprintPrefix) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	for _, name := range names {
		var b blueprint.Blueprint
		if err := json.Unmarshal(c.files[name], &b); err != nil {
			return nil, invalid("%s is not valid: %v", name, err)
		}
		if blueprintPrefix+b.ID+".json" != name {
			return nil, invalid("%s holds a blueprint with another id.", name)
		}
		if err := blueprint.Validate(blueprint.Input{Name: b.Name, Description: b.Description, Fields: b.Fields}); err != nil {
			return nil, invalid("%s: %v", name, apperr.Public(err).Message)
		}
		if b.CreatedAt.IsZero() || b.UpdatedAt.IsZero() {
			return nil, invalid("%s: the timestamps are missing.", name)
		}
		out = append(out, b)
	}
	return out, nil
}
