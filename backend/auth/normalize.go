package auth

import "strings"

// Normalized returns the defaults as they should be stored for method m:
// text trimmed, enumerations in canonical case, blank header and parameter
// rows dropped, and every part that m does not use removed — the other
// methods' parts, the authorization URL and parameters of a
// client-credentials grant, and the timing of the refresh strategy not
// chosen. d is not modified and the result shares no memory with it.
func (d Defaults) Normalized(m Method) Defaults {
	return normalize(m, d, false)
}

// normalize is Normalized; keepBlank keeps blank rows (as empty rows) so
// that validation can report positions in the caller's own lists.
func normalize(m Method, d Defaults, keepBlank bool) Defaults {
	switch m {
	case MethodAPIKey:
		k := APIKeyDefaults{}
		if d.APIKey != nil {
			k = APIKeyDefaults{HeaderName: strings.TrimSpace(d.APIKey.HeaderName), Preamble: strings.TrimSpace(d.APIKey.Preamble)}
		}
		return Defaults{APIKey: &k, ExtraHeaders: normalizeHeaders(d.ExtraHeaders, keepBlank)}
	case MethodOAuth2:
		o := OAuth2Defaults{}
		if d.OAuth2 != nil {
			o = normalizeOAuth2(*d.OAuth2, keepBlank)
		}
		return Defaults{OAuth2: &o, ExtraHeaders: normalizeHeaders(d.ExtraHeaders, keepBlank)}
	}
	return Defaults{}
}

// normalizeOAuth2 works on a copy; only the params slice needs a new array.
func normalizeOAuth2(o OAuth2Defaults, keepBlank bool) OAuth2Defaults {
	o.GrantType = GrantType(strings.ToLower(strings.TrimSpace(string(o.GrantType))))
	o.AccessTokenScheme = strings.TrimSpace(o.AccessTokenScheme)
	o.AuthorizationURL = strings.TrimSpace(o.AuthorizationURL)
	o.TokenURL = strings.TrimSpace(o.TokenURL)
	o.TokenExpirationKey = strings.TrimSpace(o.TokenExpirationKey)
	o.TokenKey = strings.TrimSpace(o.TokenKey)
	o.TokenRequestContentType = strings.ToLower(strings.TrimSpace(o.TokenRequestContentType))
	o.TokenRequestMethod = strings.ToUpper(strings.TrimSpace(o.TokenRequestMethod))
	// Scopes are space-delimited; pasted lists often hold newlines or
	// doubled spaces.
	o.Scope = strings.Join(strings.Fields(o.Scope), " ")
	o.RefreshTokenKey = strings.TrimSpace(o.RefreshTokenKey)
	o.RefreshStrategy = RefreshStrategy(strings.ToLower(strings.TrimSpace(string(o.RefreshStrategy))))
	o.AuthorizationExtraParams = normalizeParams(o.AuthorizationExtraParams, keepBlank)

	if o.GrantType == GrantClientCredentials {
		// No browser step and no redirect in this grant (RFC 6749 §4.4).
		o.AuthorizationURL = ""
		o.AuthorizationExtraParams = nil
		o.IncludeRedirectURIOnRefresh = false
	}
	switch o.RefreshStrategy {
	case RefreshAutomatic:
		o.CustomRefreshIntervalSeconds = 0
	case RefreshCustomInterval:
		o.RefreshBufferSeconds = 0
	}
	return o
}

func normalizeHeaders(in []Header, keepBlank bool) []Header {
	var out []Header
	for _, h := range in {
		h = Header{Name: strings.TrimSpace(h.Name), Value: strings.TrimSpace(h.Value)}
		if h.Name == "" && h.Value == "" && !keepBlank {
			continue // an unused row the form added
		}
		out = append(out, h)
	}
	return out
}

func normalizeParams(in []Param, keepBlank bool) []Param {
	var out []Param
	for _, p := range in {
		p = Param{Name: strings.TrimSpace(p.Name), Value: strings.TrimSpace(p.Value)}
		if p.Name == "" && p.Value == "" && !keepBlank {
			continue
		}
		out = append(out, p)
	}
	return out
}
