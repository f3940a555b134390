package auth

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"integrationstudio/backend/apperr"
)

// maxTokenResponse bounds what is read from a token endpoint (x/oauth2
// reads at most 1 MB too).
const maxTokenResponse = 1 << 20

// tokenWire sits between x/oauth2 and the network. x/oauth2 speaks the
// protocol — grant parameters, PKCE verifier, client authentication in
// the style set explicitly, error responses — but only in RFC 6749's exact
// wire format. tokenWire adapts that to the vendor's settings: the request
// as JSON or GET, the refresh options, and a response whose token,
// refresh token and expiry sit under other (possibly nested) keys, with
// expires_in as a string or a fraction.
type tokenWire struct {
	base        http.RoundTripper
	o           OAuth2Defaults
	redirectURI string
}

func (w *tokenWire) RoundTrip(req *http.Request) (*http.Response, error) {
	out, err := w.rewriteRequest(req)
	if err != nil {
		return nil, err
	}
	resp, err := w.base.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	return w.normalizeResponse(resp)
}

func (w *tokenWire) rewriteRequest(req *http.Request) (*http.Request, error) {
	var form url.Values
	if req.Body != nil {
		raw, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		if form, err = url.ParseQuery(string(raw)); err != nil {
			return nil, err
		}
	}
	out := req.Clone(req.Context())
	if form.Get("grant_type") == "refresh_token" {
		if !w.o.IncludeClientConfigOnRefresh {
			// The seed's box: some vendors refuse any parameter beyond
			// grant_type and refresh_token. A Basic header chosen for the
			// exchange is not a parameter and stays.
			form.Del("client_id")
			form.Del("client_secret")
		}
		if w.o.IncludeRedirectURIOnRefresh && w.redirectURI != "" {
			form.Set("redirect_uri", w.redirectURI)
		}
	}
	out.Header.Set("Accept", "application/json")
	if w.o.TokenRequestMethod == TokenMethodGet {
		u := *out.URL
		q := u.Query()
		for k, vs := range form {
			q[k] = vs
		}
		u.RawQuery = q.Encode()
		out.URL = &u
		out.Method = http.MethodGet
		out.Header.Del("Content-Type")
		out.Body, out.GetBody, out.ContentLength = nil, nil, 0
		return out, nil
	}
	var body []byte
	if w.o.TokenRequestContentType == ContentTypeJSON {
		obj := make(map[string]string, len(form))
		for k := range form {
			obj[k] = form.Get(k)
		}
		var err error
		if body, err = json.Marshal(obj); err != nil {
			return nil, err
		}
		out.Header.Set("Content-Type", ContentTypeJSON)
	} else {
		body = []byte(form.Encode())
		out.Header.Set("Content-Type", ContentTypeForm)
	}
	out.Body = io.NopCloser(bytes.NewReader(body))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	out.ContentLength = int64(len(body))
	return out, nil
}

// normalizeResponse rewrites a successful token response into RFC 6749's
// field names. Error responses pass through untouched so that x/oauth2
// reports the vendor's error code and description.
func (w *tokenWire) normalizeResponse(resp *http.Response) (*http.Response, error) {
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxTokenResponse))
	resp.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("reading the token response: %w", err)
	}
	passThrough := func() (*http.Response, error) {
		resp.Body = io.NopCloser(bytes.NewReader(raw))
		resp.ContentLength = int64(len(raw))
		return resp, nil
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return passThrough()
	}
	doc, ok := parseTokenBody(resp.Header.Get("Content-Type"), raw)
	if !ok {
		return nil, apperr.Errorf(apperr.Invalid,
			"The token endpoint answered %d with a body that is neither a JSON object nor form fields (Content-Type %q), so no token could be read from it.",
			resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if e, isErr := doc["error"]; isErr && e != nil && e != "" {
		return passThrough() // a 200 carrying an error; x/oauth2 reports it
	}
	norm, err := w.normalizeToken(doc)
	if err != nil {
		return nil, err
	}
	body, err := json.Marshal(norm)
	if err != nil {
		return nil, err
	}
	resp.Header = resp.Header.Clone()
	resp.Header.Set("Content-Type", "application/json")
	resp.Header.Del("Content-Length")
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	return resp, nil
}

func parseTokenBody(contentType string, raw []byte) (map[string]any, bool) {
	media, _, _ := mime.ParseMediaType(contentType)
	if media == "application/x-www-form-urlencoded" || media == "text/plain" {
		if vals, err := url.ParseQuery(string(raw)); err == nil && len(vals) > 0 {
			doc := make(map[string]any, len(vals))
			for k := range vals {
				doc[k] = vals.Get(k)
			}
			return doc, true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil || doc == nil {
		return nil, false
	}
	return doc, true
}

// normalizedToken is the response x/oauth2 parses.
type normalizedToken struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type,omitempty"`
	RefreshToken string `json:"refresh_token,omitempty"`
	ExpiresIn    int64  `json:"expires_in,omitempty"`
}

// normalizeToken reads the configured keys. Messages name keys, never
// values: the response carries the tokens.
func (w *tokenWire) normalizeToken(doc map[string]any) (normalizedToken, error) {
	var t normalizedToken
	v, found, err := lookupKey(doc, w.o.TokenKey)
	if err != nil {
		return t, apperr.FieldErrorf(fieldOAuth2+"token_key", "OAuth Token Key %v", err)
	}
	s, isString := v.(string)
	if !found || !isString || s == "" {
		what := "has no field"
		if found {
			what = "has a field that is not a non-empty string"
		}
		return t, apperr.FieldErrorf(fieldOAuth2+"token_key",
			"The token response %s at OAuth Token Key %q (its top-level keys: %s). Set the key to where this vendor puts the access token, e.g. data.access_token or accessToken.",
			what, w.o.TokenKey, topKeys(doc))
	}
	t.AccessToken = s
	if tt, ok := doc["token_type"].(string); ok {
		t.TokenType = tt
	}
	if w.o.RefreshTokenKey != "" {
		v, found, err := lookupKey(doc, w.o.RefreshTokenKey)
		if err != nil {
			return t, apperr.FieldErrorf(fieldOAuth2+"refresh_token_key", "OAuth Refresh Token Key %v", err)
		}
		if rt, ok := v.(string); found && ok {
			t.RefreshToken = rt
		}
	}
	v, found, err = lookupKey(doc, w.o.TokenExpirationKey)
	if err != nil {
		return t, apperr.FieldErrorf(fieldOAuth2+"token_expiration_key", "OAuth Token Expiration Key %v", err)
	}
	if found {
		secs, err := expirySeconds(v)
		if err != nil {
			return t, apperr.FieldErrorf(fieldOAuth2+"token_expiration_key",
				"The token response's %q %s", w.o.TokenExpirationKey, err)
		}
		t.ExpiresIn = secs
	}
	return t, nil
}

// expirySeconds reads a lifetime in seconds sent as a number or a numeric
// string, rounding fractions down so a token is never thought fresher than
// it is. Missing and null mean unknown (0). Zero is unknown too: x/oauth2
// would read it that way.
func expirySeconds(v any) (int64, error) {
	var f float64
	switch x := v.(type) {
	case nil:
		return 0, nil
	case json.Number:
		var err error
		if f, err = strconv.ParseFloat(string(x), 64); err != nil {
			return 0, fmt.Errorf("is not a number of seconds.")
		}
	case string:
		s := strings.TrimSpace(x)
		if s == "" {
			return 0, nil
		}
		var err error
		if f, err = strconv.ParseFloat(s, 64); err != nil {
			// Never quoted: a wrong key could point at the token itself.
			return 0, fmt.Errorf("is text that is not a number of seconds.")
		}
	default:
		return 0, fmt.Errorf("is a %s, not a number of seconds.", jsonKind(v))
	}
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		return 0, fmt.Errorf("is not a finite number of seconds.")
	case f < 0:
		return 0, fmt.Errorf("is negative (%s seconds); a token cannot expire in the past. The vendor's token endpoint is misbehaving, or the key names another field.", strconv.FormatFloat(f, 'f', -1, 64))
	case f > math.MaxInt32:
		f = math.MaxInt32 // x/oauth2 keeps an int32
	}
	return int64(math.Floor(f)), nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case bool:
		return "boolean"
	case map[string]any:
		return "object"
	case []any:
		return "list"
	}
	return "value"
}
