package auth

import (
	"net/url"
	"strings"
)

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

// WithoutSecretValues returns d with whatever could be a credential taken
// out, for storing work in progress that has not been validated
// (validation refuses all of these outright): values of extra headers and
// authorization parameters named like credentials, user:password@ and
// credential-like query parameters in the OAuth URLs, and a preamble word
// long enough to be the key itself.
func WithoutSecretValues(d Defaults) Defaults {
	d.ExtraHeaders = withoutSecretPairValues(d.ExtraHeaders)
	if d.APIKey != nil {
		k := *d.APIKey
		words := strings.Fields(k.Preamble)
		for _, w := range words {
			if len(w) > maxPreambleWord {
				k.Preamble = ""
			}
		}
		d.APIKey = &k
	}
	if d.OAuth2 != nil {
		o := *d.OAuth2
		o.AuthorizationURL = WithoutURLSecrets(o.AuthorizationURL)
		o.TokenURL = WithoutURLSecrets(o.TokenURL)
		o.AuthorizationExtraParams = withoutSecretPairValues(o.AuthorizationExtraParams)
		d.OAuth2 = &o
	}
	return d
}

// withoutSecretPairValues copies list, blanking the value of each entry
// whose name looks like a credential.
func withoutSecretPairValues[T Header | Param](list []T) []T {
	if list == nil {
		return nil
	}
	out := make([]T, len(list))
	for i, e := range list {
		pair := Header(e)
		if secretish(pair.Name) {
			pair.Value = ""
		}
		out[i] = T(pair)
	}
	return out
}

// WithoutURLSecrets drops user:password@ and the values of credential-like
// query parameters from raw, a URL or host that may be half typed; the rest
// stays exactly as typed.
func WithoutURLSecrets(raw string) string {
	out := withoutUserinfo(raw)
	base, query, hasQuery := strings.Cut(out, "?")
	if !hasQuery {
		return out
	}
	query, fragment, hasFragment := strings.Cut(query, "#")
	pairs := strings.Split(query, "&")
	for i, pair := range pairs {
		name, _, _ := strings.Cut(pair, "=")
		if unescaped, err := url.QueryUnescape(name); err == nil {
			name = unescaped
		}
		if secretish(name) {
			pairs[i] = strings.SplitN(pair, "=", 2)[0] + "="
		}
	}
	out = base + "?" + strings.Join(pairs, "&")
	if hasFragment {
		out += "#" + fragment
	}
	return out
}

// withoutUserinfo cuts "user:password@" before the host, scheme or not.
func withoutUserinfo(raw string) string {
	prefix, rest := "", raw
	if i := strings.Index(raw, "://"); i >= 0 {
		prefix, rest = raw[:i+3], raw[i+3:]
	}
	hostEnd := strings.IndexAny(rest, "/?#")
	if hostEnd < 0 {
		hostEnd = len(rest)
	}
	if at := strings.LastIndex(rest[:hostEnd], "@"); at >= 0 {
		return prefix + rest[at+1:]
	}
	return raw
}
