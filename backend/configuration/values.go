package configuration

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/integration"
)

// Effective is the integration's auth defaults with the configuration's
// overrides applied, normalized and validated.
func Effective(it integration.Integration, v Values) (auth.Defaults, error) {
	m := auth.Method(it.AuthMethod)
	d := it.AuthDefaults.Normalized(m)
	keys := make([]string, 0, len(v.Overrides))
	for k := range v.Overrides {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, key := range keys {
		field := "overrides." + key
		short := strings.TrimPrefix(key, "auth.")
		if short == "method" || short == "oauth2.grant_type" {
			return d, apperr.FieldErrorf(field, "%s is the integration's and cannot be overridden per configuration.", key)
		}
		if !overridable(m, short) {
			return d, apperr.FieldErrorf(field, "%q is not an auth default of %s; overridable keys start with %s.", key, methodLabel(it.AuthMethod), overridablePrefixes(m))
		}
		raw, err := json.Marshal(v.Overrides[key])
		if err != nil {
			return d, apperr.FieldErrorf(field, "The override of %s is not a plain value.", key)
		}
		next, err := integration.SetField(d, short, string(raw))
		if err != nil {
			e := apperr.Public(err)
			return d, apperr.FieldErrorf(field, "Override %s: %s", key, e.Message)
		}
		d = next
	}
	if errs := auth.ValidateAll(m, d); len(errs) > 0 {
		e := apperr.Public(errs[0])
		out := apperr.FieldErrorf(e.Field, "With this configuration's overrides: %s", e.Message)
		if out.Field == "" {
			out.Field = "overrides"
		}
		return d, out
	}
	return d.Normalized(m), nil
}

func overridable(m auth.Method, key string) bool {
	switch m {
	case auth.MethodAPIKey:
		return strings.HasPrefix(key, "api_key.") || key == "extra_headers"
	case auth.MethodOAuth2:
		return strings.HasPrefix(key, "oauth2.") || key == "extra_headers"
	}
	return false
}

func overridablePrefixes(m auth.Method) string {
	switch m {
	case auth.MethodAPIKey:
		return "api_key. (or are extra_headers)"
	case auth.MethodOAuth2:
		return "oauth2. (or are extra_headers)"
	}
	return "nothing: this method has no defaults"
}

// checkValues validates a configuration's non-secret values against its
// integration and returns the effective defaults.
func checkValues(it integration.Integration, v Values) (auth.Defaults, error) {
	if v.RedirectPort < 0 || v.RedirectPort > 65535 {
		return auth.Defaults{}, apperr.FieldErrorf("values.redirectPort", "The fixed redirect port must be 1 to 65535, or empty to pick a free port each time; it is %d.", v.RedirectPort)
	}
	if v.RedirectPort != 0 && v.RedirectPort < 1024 {
		return auth.Defaults{}, apperr.FieldErrorf("values.redirectPort", "Port %d needs administrator rights to listen on; use 1024 or above (vendors' examples often use 8080 or 8400).", v.RedirectPort)
	}
	for _, s := range []struct{ field, label, value string }{
		{"values.username", "Username", v.Username},
		{"values.clientId", "Client ID", v.ClientID},
	} {
		if len(s.value) > 512 {
			return auth.Defaults{}, apperr.FieldErrorf(s.field, "%s is %d characters long; 512 is the limit.", s.label, len(s.value))
		}
		for _, r := range s.value {
			if r < 0x20 || r == 0x7f {
				return auth.Defaults{}, apperr.FieldErrorf(s.field, "%s must not contain line breaks or control characters.", s.label)
			}
		}
	}
	if auth.Method(it.AuthMethod) == auth.MethodBasic && strings.Contains(v.Username, ":") {
		// RFC 7617 §2: the user-id cannot contain a colon.
		return auth.Defaults{}, apperr.FieldErrorf("values.username", "A Basic auth username cannot contain ':' (RFC 7617).")
	}
	return Effective(it, v)
}

// hostOf is a token URL's host, for the origin check.
func hostOfURL(raw string) string {
	if i := strings.Index(raw, "://"); i >= 0 {
		raw = raw[i+3:]
	}
	if i := strings.IndexAny(raw, "/?#"); i >= 0 {
		raw = raw[:i]
	}
	return strings.ToLower(raw)
}

// originChange compares where secrets were entered for with where they
// would be sent now. The token URL is compared whole (host and path): a
// different tenant path at the same host is a different authority.
func originChange(it integration.Integration, eff auth.Defaults, r row) *OriginChange {
	if !r.trustedHostname.Valid {
		return nil // no secret entered yet
	}
	tokenURL := ""
	if eff.OAuth2 != nil {
		tokenURL = eff.OAuth2.TokenURL
	}
	hostChanged := !strings.EqualFold(r.trustedHostname.String, it.Hostname)
	tokenChanged := r.trustedTokenURL.String != tokenURL
	if !hostChanged && !tokenChanged {
		return nil
	}
	return &OriginChange{TrustedHostname: r.trustedHostname.String, Hostname: it.Hostname,
		TrustedTokenURL: r.trustedTokenURL.String, TokenURL: tokenURL}
}

func (o *OriginChange) err() error {
	var what []string
	if !strings.EqualFold(o.TrustedHostname, o.Hostname) {
		what = append(what, fmt.Sprintf("the hostname changed from %s to %s", o.TrustedHostname, o.Hostname))
	}
	if o.TrustedTokenURL != o.TokenURL {
		what = append(what, fmt.Sprintf("the token URL's host is now %s (was %s)", hostOfURL(o.TokenURL), hostOfURL(o.TrustedTokenURL)))
	}
	return &apperr.Error{Code: apperr.Conflict, Field: "origin", Message: fmt.Sprintf(
		"Since this configuration's secrets were saved, %s. They are not sent to the new address until you confirm it (Confirm new address on the configuration, or `auth trust`).",
		strings.Join(what, " and "))}
}
