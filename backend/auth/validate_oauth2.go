package auth

import (
	"fmt"
	"strings"
)

// oauth2 checks the OAuth 2.0 fields in the seed's form order.
func (v *validator) oauth2(o OAuth2Defaults) {
	const f = fieldOAuth2
	switch {
	case o.GrantType == "":
		v.add(f+"grant_type", "OAuth Grant Type is required: authorization_code or client_credentials.")
	case !o.GrantType.Known():
		v.add(f+"grant_type", "OAuth Grant Type %q is not authorization_code or client_credentials.", string(o.GrantType))
	}
	if o.AccessTokenScheme != "" && !isToken(o.AccessTokenScheme) {
		// RFC 7235 §2.1: auth-scheme = token.
		v.add(f+"access_token_scheme", "OAuth Access Token Scheme must be a single word such as Bearer, without spaces or separators.")
	}
	if o.GrantType == GrantAuthorizationCode {
		v.url(f+"authorization_url", "OAuth Authorization Code URL", o.AuthorizationURL,
			"users sign in there and the authorization code comes back through it")
	}
	v.url(f+"token_url", "OAuth Access Token URL", o.TokenURL,
		"the token request carries the client secret and the response carries the tokens")
	v.key(f+"token_expiration_key", "OAuth Token Expiration Key", o.TokenExpirationKey, "expires_in")
	v.key(f+"token_key", "OAuth Token Key", o.TokenKey, "access_token")
	if o.TokenRequestContentType != ContentTypeForm && o.TokenRequestContentType != ContentTypeJSON {
		v.add(f+"token_request_content_type", "OAuth Token Request Content Type must be %s (most APIs) or %s.", ContentTypeForm, ContentTypeJSON)
	}
	if o.TokenRequestMethod != TokenMethodPost && o.TokenRequestMethod != TokenMethodGet {
		v.add(f+"token_request_method", "OAuth Token Request Method must be POST (most APIs) or GET.")
	}
	if c, ok := badScopeChar(o.Scope); ok {
		v.add(f+"scope", "OAuth Scope contains %q; scopes are separated by spaces and may not contain quotes, backslashes or control characters (RFC 6749 §3.3).", c)
	}
	// Optional for client credentials, where refresh tokens are rare.
	if o.GrantType == GrantAuthorizationCode || o.RefreshTokenKey != "" {
		v.key(f+"refresh_token_key", "OAuth Refresh Token Key", o.RefreshTokenKey, "refresh_token")
	}
	switch o.RefreshStrategy {
	case RefreshAutomatic:
		v.seconds(f+"refresh_buffer_seconds", "Refresh Buffer", "the Automatic strategy",
			o.RefreshBufferSeconds, MinRefreshBuffer, MaxRefreshBuffer, "30 seconds to 1 hour")
	case RefreshCustomInterval:
		v.seconds(f+"custom_refresh_interval_seconds", "Custom Refresh Interval", "the Custom Interval strategy",
			o.CustomRefreshIntervalSeconds, MinCustomRefreshInterval, MaxCustomRefreshInterval, "5 minutes to 24 hours")
	case "":
		v.add(f+"refresh_strategy", "Token Refresh Strategy is required: automatic or custom_interval.")
	default:
		v.add(f+"refresh_strategy", "Token Refresh Strategy %q is not automatic or custom_interval.", string(o.RefreshStrategy))
	}
	v.extraParams(o.AuthorizationExtraParams) // normalize cleared them for client credentials
}

// key checks a response field name: required, one line.
func (v *validator) key(field, label, key, usual string) {
	if key == "" {
		v.add(field, "%s is required; most APIs use %s.", label, usual)
	} else if msg := valueProblem(key); msg != "" {
		v.add(field, "%s %s", label, msg)
	}
}

// seconds checks a refresh timing against its inclusive range; zero means
// the field was left empty.
func (v *validator) seconds(field, label, strategy string, n, lo, hi int, human string) {
	switch {
	case n == 0:
		v.add(field, "%s is required with %s: %d to %d seconds (%s).", label, strategy, lo, hi, human)
	case n < lo || n > hi:
		v.add(field, "%s must be %d to %d seconds (%s); it is %d.", label, lo, hi, human, n)
	}
}

// reservedParam reports the parameters the OAuth engine sends on every
// authorization request itself: a default would clash with the value it
// computes. note tells the user where the value comes from instead.
func reservedParam(lower string) (note string, ok bool) {
	switch lower {
	case "response_type", "redirect_uri", "state", "nonce", "code", "code_challenge", "code_challenge_method", "grant_type":
		return "", true
	case "client_id":
		return " (each configuration supplies it)", true
	case "scope":
		return " (use the OAuth Scope field)", true
	}
	return "", false
}

func (v *validator) extraParams(ps []Param) {
	seen := map[string]bool{}
	for i, p := range ps {
		if p.Name == "" && p.Value == "" {
			continue
		}
		name := fmt.Sprintf("%sauthorization_extra_params[%d].name", fieldOAuth2, i)
		value := fmt.Sprintf("%sauthorization_extra_params[%d].value", fieldOAuth2, i)
		note, reserved := reservedParam(strings.ToLower(p.Name))
		switch {
		case p.Name == "":
			v.add(name, "Extra parameter name is required.")
		case !isParamName(p.Name):
			v.add(name, "Extra parameter name %q may contain only letters, digits, '-', '.' and '_' (RFC 6749 §8.2).", p.Name)
		case reserved:
			v.add(name, "Extra parameter %q is set by Integration Studio itself on every authorization request%s; remove it here.", p.Name, note)
		case secretish(p.Name):
			v.add(name, "Extra parameter %q looks like it carries a credential. %s", p.Name, secretAdvice)
		case seen[p.Name]:
			v.add(name, "Extra parameter %q appears more than once; keep one.", p.Name)
		}
		seen[p.Name] = true
		if p.Value == "" {
			v.add(value, "Extra parameter %q needs a value; remove the row if it is not needed.", p.Name)
		} else if msg := valueProblem(p.Value); msg != "" {
			v.add(value, "Extra parameter %q value %s", p.Name, msg)
		}
	}
}
