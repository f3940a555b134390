package auth

import "strings"

// secretish reports whether a header or parameter name looks like it would
// carry a credential. It errs towards refusing: a false alarm costs the
// user a moment, a secret in an exported bundle cannot be taken back.
func secretish(name string) bool {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	if len(words) == 0 {
		return false
	}
	// Joined, so that X-Api-Key, Api_Key and APIKey all read "apikey".
	joined := strings.Join(words, "")
	for _, s := range []string{
		"authorization", "cookie", "token", "secret", "password", "passwd",
		"apikey", "accesskey", "privatekey", "credential", "session", "assertion", "bearer",
	} {
		if strings.Contains(joined, s) {
			return true
		}
	}
	for _, w := range words {
		if w == "auth" || w == "pwd" {
			return true
		}
	}
	// X-Auth-Key, Ocp-Apim-Subscription-Key, X-Functions-Key.
	last := words[len(words)-1]
	return last == "key" || last == "keys"
}

// WithoutSecretValues returns d with the values of extra headers and extra
// authorization parameters whose names look like credentials blanked, for
// storing work in progress that has not been validated (validation refuses
// those names outright).
func WithoutSecretValues(d Defaults) Defaults {
	if len(d.ExtraHeaders) > 0 {
		hs := append([]Header(nil), d.ExtraHeaders...)
		for i := range hs {
			if secretish(hs[i].Name) {
				hs[i].Value = ""
			}
		}
		d.ExtraHeaders = hs
	}
	if d.OAuth2 != nil && len(d.OAuth2.AuthorizationExtraParams) > 0 {
		o := *d.OAuth2
		ps := append([]Param(nil), o.AuthorizationExtraParams...)
		for i := range ps {
			if secretish(ps[i].Name) {
				ps[i].Value = ""
			}
		}
		o.AuthorizationExtraParams = ps
		d.OAuth2 = &o
	}
	return d
}
