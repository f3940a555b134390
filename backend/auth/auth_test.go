package auth

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	"integrationstudio/backend/apperr"
)

// Fresh valid defaults per method; each case mutates its own copy.
func validAPIKey() Defaults {
	return Defaults{APIKey: &APIKeyDefaults{HeaderName: "X-API-Key"}}
}

func validAC() Defaults {
	d := DefaultsFor(MethodOAuth2, GrantAuthorizationCode)
	d.OAuth2.AuthorizationURL = "https://login.example.com/oauth/authorize"
	d.OAuth2.TokenURL = "https://login.example.com/oauth/token"
	return d
}

func validCC() Defaults {
	d := DefaultsFor(MethodOAuth2, GrantClientCredentials)
	d.OAuth2.TokenURL = "https://login.example.com/oauth/token"
	return d
}

type validateCase struct {
	name  string
	m     Method
	base  func() Defaults
	edit  func(d *Defaults)
	field string // "" means valid
	msg   string // a substring the message must contain
}

func hdr(name, value string) func(d *Defaults) {
	return func(d *Defaults) { d.ExtraHeaders = []Header{{Name: name, Value: value}} }
}

func params(ps ...Param) func(d *Defaults) {
	return func(d *Defaults) { d.OAuth2.AuthorizationExtraParams = ps }
}

func tokenURL(u string) func(d *Defaults) { return func(d *Defaults) { d.OAuth2.TokenURL = u } }

func none(*Defaults) {}

func runValidate(t *testing.T, cases []validateCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := c.base()
			c.edit(&d)
			errs := ValidateAll(c.m, d)
			first := Validate(c.m, d)
			if c.field == "" {
				if len(errs) != 0 || first != nil {
					t.Fatalf("want valid, got %v (Validate: %v)", errs, first)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("want exactly one error on %s, got %d: %v", c.field, len(errs), errs)
			}
			var e *apperr.Error
			if !errors.As(errs[0], &e) {
				t.Fatalf("error %T is not *apperr.Error", errs[0])
			}
			if e.Code != apperr.Invalid || e.Field != c.field {
				t.Fatalf("got code %q field %q, want invalid %q (%s)", e.Code, e.Field, c.field, e.Message)
			}
			if !strings.Contains(e.Message, c.msg) {
				t.Fatalf("message %q does not contain %q", e.Message, c.msg)
			}
			var f *apperr.Error
			if !errors.As(first, &f) || f.Field != e.Field || f.Message != e.Message {
				t.Fatalf("Validate returned %v, want ValidateAll's first %v", first, errs[0])
			}
		})
	}
}

func TestValidateMethod(t *testing.T) {
	junk := func() Defaults {
		// Foreign parts full of problems: ignored for methods without defaults.
		return Defaults{
			APIKey:       &APIKeyDefaults{HeaderName: "bad name"},
			OAuth2:       &OAuth2Defaults{TokenURL: "http://example.com"},
			ExtraHeaders: []Header{{Name: "Authorization", Value: "Bearer x"}},
		}
	}
	runValidate(t, []validateCase{
		{"unknown method", "digest", validAPIKey, none, "auth.method", `"digest"`},
		{"empty method", "", validAPIKey, none, "auth.method", "not one of"},
		{"method is case-sensitive", "API_KEY", validAPIKey, none, "auth.method", "not one of"},
		{"none ignores foreign parts", MethodNone, junk, none, "", ""},
		{"basic ignores foreign parts", MethodBasic, junk, none, "", ""},
		{"none with nothing", MethodNone, func() Defaults { return Defaults{} }, none, "", ""},
		{"api_key ignores oauth2 part", MethodAPIKey, validAPIKey, func(d *Defaults) { d.OAuth2 = junk().OAuth2 }, "", ""},
		{"oauth2 ignores api_key part", MethodOAuth2, validAC, func(d *Defaults) { d.APIKey = junk().APIKey }, "", ""},
	})
}

func TestValidateAPIKey(t *testing.T) {
	const f = "auth.api_key.header_name"
	const p = "auth.api_key.preamble"
	name := func(n string) func(*Defaults) { return func(d *Defaults) { d.APIKey.HeaderName = n } }
	pre := func(s string) func(*Defaults) { return func(d *Defaults) { d.APIKey.Preamble = s } }
	runValidate(t, []validateCase{
		{"X-API-Key", MethodAPIKey, validAPIKey, none, "", ""},
		{"Authorization with Bearer", MethodAPIKey, validAPIKey, func(d *Defaults) { *d.APIKey = APIKeyDefaults{"Authorization", "Bearer"} }, "", ""},
		{"every tchar", MethodAPIKey, validAPIKey, name("!#$%&'*+-.^_`|~09azAZ"), "", ""},
		{"surrounding spaces trimmed", MethodAPIKey, validAPIKey, name("  X-Key \t"), "", ""},
		{"empty", MethodAPIKey, validAPIKey, name(""), f, "is required"},
		{"blank", MethodAPIKey, validAPIKey, name("   "), f, "is required"},
		{"nil part", MethodAPIKey, func() Defaults { return Defaults{} }, none, f, "is required"},
		{"space inside", MethodAPIKey, validAPIKey, name("X Key"), f, "not a valid header name"},
		{"colon", MethodAPIKey, validAPIKey, name("X-Key:"), f, "not a valid header name"},
		{"separator", MethodAPIKey, validAPIKey, name("X(Key)"), f, "not a valid header name"},
		{"non-ASCII", MethodAPIKey, validAPIKey, name("X-Schlüssel"), f, "not a valid header name"},
		{"newline", MethodAPIKey, validAPIKey, name("X-Key\nEvil: 1"), f, "not a valid header name"},
		{"Host", MethodAPIKey, validAPIKey, name("Host"), f, "set by the HTTP client"},
		{"content-length", MethodAPIKey, validAPIKey, name("content-length"), f, "set by the HTTP client"},
		{"Transfer-Encoding", MethodAPIKey, validAPIKey, name("Transfer-Encoding"), f, "set by the HTTP client"},
		{"preamble empty", MethodAPIKey, validAPIKey, pre(""), "", ""},
		{"preamble two words", MethodAPIKey, validAPIKey, pre("Token token="), "", ""},
		{"preamble with tab", MethodAPIKey, validAPIKey, pre("Token\ttoken="), "", ""},
		{"preamble LF", MethodAPIKey, validAPIKey, pre("Bearer\nX-Evil: 1"), p, "header injection"},
		{"preamble CR", MethodAPIKey, validAPIKey, pre("Bearer\r" + "x"), p, "header injection"},
		{"preamble NUL", MethodAPIKey, validAPIKey, pre("Bea\x00rer"), p, "control characters"},
		{"preamble DEL", MethodAPIKey, validAPIKey, pre("Bea\x7frer"), p, "control characters"},
		{"preamble word of 24", MethodAPIKey, validAPIKey, pre(strings.Repeat("a", 24)), "", ""},
		{"preamble word of 25 looks like a key", MethodAPIKey, validAPIKey, pre("Bearer " + strings.Repeat("a", 25)), p, "OS keyring"},
	})
}

func TestValidateExtraHeaders(t *testing.T) {
	n0, v0 := "auth.extra_headers[0].name", "auth.extra_headers[0].value"
	const secret = "OS keyring"
	cases := []validateCase{
		{"plain header", MethodAPIKey, validAPIKey, hdr("X-Tenant-Id", "acme"), "", ""},
		{"Accept", MethodAPIKey, validAPIKey, hdr("Accept", "application/json"), "", ""},
		{"value with tab", MethodAPIKey, validAPIKey, hdr("X-Note", "a\tb"), "", ""},
		{"value non-ASCII", MethodAPIKey, validAPIKey, hdr("X-Region", "Zürich"), "", ""},
		{"blank row skipped", MethodAPIKey, validAPIKey, func(d *Defaults) { d.ExtraHeaders = []Header{{" ", ""}, {"X-A", "1"}} }, "", ""},
		{"index counts blank rows", MethodAPIKey, validAPIKey, func(d *Defaults) { d.ExtraHeaders = []Header{{"", ""}, {"Cookie", "1"}} }, "auth.extra_headers[1].name", secret},
		{"name missing", MethodAPIKey, validAPIKey, hdr("", "x"), n0, "name is required"},
		{"name invalid", MethodAPIKey, validAPIKey, hdr("X Tenant", "x"), n0, "not a valid header name"},
		{"name managed", MethodAPIKey, validAPIKey, hdr("Connection", "close"), n0, "set by the HTTP client"},
		{"value missing", MethodAPIKey, validAPIKey, hdr("X-Tenant", " "), v0, "needs a value"},
		{"value LF", MethodAPIKey, validAPIKey, hdr("X-Tenant", "a\nEvil: 1"), v0, "header injection"},
		{"value CR", MethodAPIKey, validAPIKey, hdr("X-Tenant", "a\rb"), v0, "header injection"},
		{"value NUL", MethodAPIKey, validAPIKey, hdr("X-Tenant", "a\x00b"), v0, "control characters"},
		{"duplicate ignoring case", MethodAPIKey, validAPIKey, func(d *Defaults) { d.ExtraHeaders = []Header{{"X-A", "1"}, {"x-a", "2"}} }, "auth.extra_headers[1].name", "more than once"},
		{"duplicate ignoring case, upper second", MethodAPIKey, validAPIKey, func(d *Defaults) { d.ExtraHeaders = []Header{{"x-a", "1"}, {"X-A", "2"}} }, "auth.extra_headers[1].name", "more than once"},
		{"clashes with API key header", MethodAPIKey, validAPIKey, func(d *Defaults) {
			d.APIKey.HeaderName = "X-Custom"
			d.ExtraHeaders = []Header{{"x-custom", "1"}}
		}, n0, "already the API Key Header Name"},
		{"oauth2 plain header", MethodOAuth2, validAC, hdr("X-Tenant-Id", "acme"), "", ""},
		{"oauth2 Authorization", MethodOAuth2, validAC, hdr("Authorization", "Bearer abc"), n0, secret},
	}
	for _, name := range []string{
		"Authorization", "authorization", "Proxy-Authorization", "Cookie", "X-API-Key", "X-Api-Key", "Api_Key", "APIKey",
		"X-Auth-Token", "X-Access-Token", "Private-Token", "X-Client-Secret", "X-Password", "X-Passwd", "X-Pwd",
		"X-Session-Id", "X-Credentials", "Ocp-Apim-Subscription-Key", "X-Auth-Key", "X-Functions-Key", "X-ApiKeys",
		"X-Auth", "X-Bearer", "X-Amz-Security-Token", "X-Secret-Key", "X-Access-Key", "X-Private-Key",
	} {
		cases = append(cases, validateCase{"secret " + name, MethodAPIKey, validAPIKey, hdr(name, "v"), n0, "looks like it carries a credential"})
	}
	for _, name := range []string{"X-Tenant-Id", "User-Agent", "X-Requested-With", "X-Keyboard", "X-Author", "X-Api-Version", "Ocp-Apim-Trace", "Content-Type"} {
		cases = append(cases, validateCase{"not secret " + name, MethodAPIKey, validAPIKey, hdr(name, "v"), "", ""})
	}
	runValidate(t, cases)
}

func TestValidateOAuth2(t *testing.T) {
	const f = "auth.oauth2."
	set := func(fn func(o *OAuth2Defaults)) func(*Defaults) { return func(d *Defaults) { fn(d.OAuth2) } }
	runValidate(t, []validateCase{
		{"authorization code", MethodOAuth2, validAC, none, "", ""},
		{"client credentials", MethodOAuth2, validCC, none, "", ""},
		{"grant case folded", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.GrantType = " Authorization_Code " }), "", ""},
		{"grant empty", MethodOAuth2, validCC, set(func(o *OAuth2Defaults) { o.GrantType = "" }), f + "grant_type", "is required"},
		{"grant implicit", MethodOAuth2, validCC, set(func(o *OAuth2Defaults) { o.GrantType = "implicit" }), f + "grant_type", `"implicit"`},
		{"nil part reports grant first", MethodOAuth2, func() Defaults { return Defaults{} }, func(d *Defaults) {
			d.OAuth2 = &OAuth2Defaults{GrantType: GrantClientCredentials, TokenURL: "https://a.example/t", TokenExpirationKey: "e",
				TokenKey: "t", TokenRequestContentType: ContentTypeForm, TokenRequestMethod: "POST", RefreshStrategy: RefreshCustomInterval}
		}, f + "custom_refresh_interval_seconds", "is required"},

		{"scheme empty", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.AccessTokenScheme = "" }), "", ""},
		{"scheme vendor word", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.AccessTokenScheme = "Zoho-oauthtoken" }), "", ""},
		{"scheme two words", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.AccessTokenScheme = "Bearer abc" }), f + "access_token_scheme", "single word"},
		{"scheme separator", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.AccessTokenScheme = "Bearer:" }), f + "access_token_scheme", "single word"},

		{"authorization URL required for code", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.AuthorizationURL = "" }), f + "authorization_url", "is required"},
		{"authorization URL http", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.AuthorizationURL = "http://login.example.com/authorize" }), f + "authorization_url", "must use https"},
		{"authorization URL relative", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.AuthorizationURL = "/authorize" }), f + "authorization_url", "absolute URL"},
		{"authorization URL ignored for client credentials", MethodOAuth2, validCC, set(func(o *OAuth2Defaults) { o.AuthorizationURL = "not a url" }), "", ""},
		{"authorization URL may be empty for client credentials", MethodOAuth2, validCC, set(func(o *OAuth2Defaults) { o.AuthorizationURL = "" }), "", ""},

		{"token URL empty", MethodOAuth2, validCC, tokenURL(""), f + "token_url", "is required"},
		{"token URL with query", MethodOAuth2, validCC, tokenURL("https://login.example.com/token?tenant=acme"), "", ""},
		{"token URL with port", MethodOAuth2, validCC, tokenURL("https://login.example.com:8443/token"), "", ""},
		{"token URL scheme case", MethodOAuth2, validCC, tokenURL("HTTPS://login.example.com/token"), "", ""},
		{"token URL relative", MethodOAuth2, validCC, tokenURL("/oauth/token"), f + "token_url", "absolute URL starting with https://"},
		{"token URL without scheme", MethodOAuth2, validCC, tokenURL("login.example.com/oauth/token"), f + "token_url", "absolute URL starting with https://"},
		{"token URL host:port without scheme", MethodOAuth2, validCC, tokenURL("login.example.com:443/token"), f + "token_url", "absolute URL"},
		{"token URL ftp", MethodOAuth2, validCC, tokenURL("ftp://login.example.com/token"), f + "token_url", "starting with https://"},
		{"token URL no host", MethodOAuth2, validCC, tokenURL("https:///token"), f + "token_url", "with a host"},
		{"token URL port only", MethodOAuth2, validCC, tokenURL("https://:443/token"), f + "token_url", "with a host"},
		{"token URL template host", MethodOAuth2, validCC, tokenURL("https://{tenant}.example.com/token"), f + "token_url", "not a valid URL"},
		{"token URL space", MethodOAuth2, validCC, tokenURL("https://login.example.com/o auth/token"), f + "token_url", "spaces"},
		{"token URL fragment", MethodOAuth2, validCC, tokenURL("https://login.example.com/token#x"), f + "token_url", "fragment"},
		{"token URL empty fragment", MethodOAuth2, validCC, tokenURL("https://login.example.com/token#"), f + "token_url", "fragment"},
		{"token URL user info", MethodOAuth2, validCC, tokenURL("https://me:pw@login.example.com/token"), f + "token_url", "user name or password"},
		{"token URL secret in query", MethodOAuth2, validCC, tokenURL("https://login.example.com/token?a=1&client_secret=x"), f + "token_url", `"client_secret"`},
		{"token URL http", MethodOAuth2, validCC, tokenURL("http://login.example.com/token"), f + "token_url", "localhost, 127.0.0.1 and [::1]"},
		{"token URL http localhost", MethodOAuth2, validCC, tokenURL("http://localhost:8080/token"), "", ""},
		{"token URL http LOCALHOST", MethodOAuth2, validCC, tokenURL("http://LocalHost/token"), "", ""},
		{"token URL http 127.0.0.1", MethodOAuth2, validCC, tokenURL("http://127.0.0.1/token"), "", ""},
		{"token URL http [::1]", MethodOAuth2, validCC, tokenURL("http://[::1]:9000/token"), "", ""},
		{"token URL http 127.0.0.2", MethodOAuth2, validCC, tokenURL("http://127.0.0.2/token"), f + "token_url", "must use https"},
		{"token URL http localhost suffix", MethodOAuth2, validCC, tokenURL("http://localhost.example.com/token"), f + "token_url", "must use https"},
		{"token URL http 0.0.0.0", MethodOAuth2, validCC, tokenURL("http://0.0.0.0/token"), f + "token_url", "must use https"},

		{"expiration key empty", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenExpirationKey = " " }), f + "token_expiration_key", "expires_in"},
		{"expiration key newline", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenExpirationKey = "a\nb" }), f + "token_expiration_key", "no line breaks"},
		{"token key empty", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenKey = "" }), f + "token_key", "access_token"},
		{"token key dotted", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenKey = "data.token" }), "", ""},
		{"refresh key empty for code", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.RefreshTokenKey = "" }), f + "refresh_token_key", "refresh_token"},
		{"refresh key empty for client credentials", MethodOAuth2, validCC, set(func(o *OAuth2Defaults) { o.RefreshTokenKey = "" }), "", ""},
		{"refresh key control char for client credentials", MethodOAuth2, validCC, set(func(o *OAuth2Defaults) { o.RefreshTokenKey = "a\x01" }), f + "refresh_token_key", "control characters"},

		{"content type json", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestContentType = ContentTypeJSON }), "", ""},
		{"content type case", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestContentType = "Application/X-WWW-Form-Urlencoded" }), "", ""},
		{"content type text", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestContentType = "text/plain" }), f + "token_request_content_type", ContentTypeForm},
		{"content type with charset", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestContentType = ContentTypeJSON + "; charset=utf-8" }), f + "token_request_content_type", ContentTypeJSON},
		{"content type empty", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestContentType = "" }), f + "token_request_content_type", ContentTypeForm},
		{"method GET", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestMethod = "GET" }), "", ""},
		{"method lower post", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestMethod = "post" }), "", ""},
		{"method PUT", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestMethod = "PUT" }), f + "token_request_method", "POST"},
		{"method empty", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.TokenRequestMethod = "" }), f + "token_request_method", "POST"},

		{"scope list", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.Scope = "openid offline_access https://graph.microsoft.com/.default" }), "", ""},
		{"scope commas", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.Scope = "read,write" }), "", ""},
		{"scope pasted lines", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.Scope = "read\nwrite\n" }), "", ""},
		{"scope quote", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.Scope = `read "all"` }), f + "scope", `'"'`},
		{"scope backslash", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.Scope = `a\b` }), f + "scope", "RFC 6749"},
		{"scope non-ASCII", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.Scope = "lesen é" }), f + "scope", "RFC 6749"},
		{"scope NUL", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.Scope = "a\x00" }), f + "scope", "RFC 6749"},

		{"strategy case folded", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.RefreshStrategy = "Automatic" }), "", ""},
		{"strategy empty", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.RefreshStrategy = "" }), f + "refresh_strategy", "is required"},
		{"strategy unknown", MethodOAuth2, validAC, set(func(o *OAuth2Defaults) { o.RefreshStrategy = "manual" }), f + "refresh_strategy", `"manual"`},
	})
}

func TestValidateRefreshRanges(t *testing.T) {
	const buf = "auth.oauth2.refresh_buffer_seconds"
	const iv = "auth.oauth2.custom_refresh_interval_seconds"
	auto := func(n int) func(*Defaults) {
		return func(d *Defaults) { d.OAuth2.RefreshStrategy, d.OAuth2.RefreshBufferSeconds = RefreshAutomatic, n }
	}
	custom := func(n int) func(*Defaults) {
		return func(d *Defaults) {
			d.OAuth2.RefreshStrategy, d.OAuth2.CustomRefreshIntervalSeconds = RefreshCustomInterval, n
		}
	}
	runValidate(t, []validateCase{
		{"buffer 29", MethodOAuth2, validAC, auto(29), buf, "it is 29"},
		{"buffer 30", MethodOAuth2, validAC, auto(30), "", ""},
		{"buffer 3600", MethodOAuth2, validAC, auto(3600), "", ""},
		{"buffer 3601", MethodOAuth2, validAC, auto(3601), buf, "30 to 3600 seconds"},
		{"buffer 0 is missing", MethodOAuth2, validAC, auto(0), buf, "is required with the Automatic strategy"},
		{"buffer negative", MethodOAuth2, validAC, auto(-30), buf, "it is -30"},
		{"interval 299", MethodOAuth2, validAC, custom(299), iv, "it is 299"},
		{"interval 300", MethodOAuth2, validAC, custom(300), "", ""},
		{"interval 86400", MethodOAuth2, validAC, custom(86400), "", ""},
		{"interval 86401", MethodOAuth2, validAC, custom(86401), iv, "300 to 86400 seconds"},
		{"interval 0 is missing", MethodOAuth2, validAC, custom(0), iv, "is required with the Custom Interval strategy"},
		{"client credentials interval 86401", MethodOAuth2, validCC, custom(86401), iv, "5 minutes to 24 hours"},
		{"automatic ignores interval", MethodOAuth2, validAC, func(d *Defaults) { auto(300)(d); d.OAuth2.CustomRefreshIntervalSeconds = 1 }, "", ""},
		{"custom ignores buffer", MethodOAuth2, validAC, func(d *Defaults) { custom(300)(d); d.OAuth2.RefreshBufferSeconds = 99999 }, "", ""},
	})
}

func TestValidateAuthorizationExtraParams(t *testing.T) {
	n0, v0 := "auth.oauth2.authorization_extra_params[0].name", "auth.oauth2.authorization_extra_params[0].value"
	cases := []validateCase{
		{"prompt", MethodOAuth2, validAC, params(Param{"prompt", "consent"}), "", ""},
		{"every name char", MethodOAuth2, validAC, params(Param{"a-Z.0_9", "x"}), "", ""},
		{"names are case-sensitive", MethodOAuth2, validAC, params(Param{"Prompt", "a"}, Param{"prompt", "b"}), "", ""},
		{"blank row skipped", MethodOAuth2, validAC, params(Param{}, Param{"access_type", "offline"}), "", ""},
		{"index counts blank rows", MethodOAuth2, validAC, params(Param{}, Param{"bad name", "x"}), "auth.oauth2.authorization_extra_params[1].name", "RFC 6749 §8.2"},
		{"ignored for client credentials", MethodOAuth2, validCC, func(d *Defaults) { d.OAuth2.AuthorizationExtraParams = []Param{{"client_secret", "x"}} }, "", ""},
		{"name missing", MethodOAuth2, validAC, params(Param{"", "x"}), n0, "name is required"},
		{"name with brackets", MethodOAuth2, validAC, params(Param{"resource[]", "x"}), n0, "RFC 6749 §8.2"},
		{"name non-ASCII", MethodOAuth2, validAC, params(Param{"größe", "x"}), n0, "RFC 6749 §8.2"},
		{"duplicate", MethodOAuth2, validAC, params(Param{"prompt", "a"}, Param{"prompt", "b"}), "auth.oauth2.authorization_extra_params[1].name", "more than once"},
		{"value missing", MethodOAuth2, validAC, params(Param{"prompt", ""}), v0, "needs a value"},
		{"value newline", MethodOAuth2, validAC, params(Param{"prompt", "a\nb"}), v0, "no line breaks"},
		{"scope reserved", MethodOAuth2, validAC, params(Param{"scope", "x"}), n0, "OAuth Scope field"},
		{"client_id reserved", MethodOAuth2, validAC, params(Param{"client_id", "x"}), n0, "each configuration supplies it"},
	}
	for _, name := range []string{"response_type", "Redirect_URI", "state", "nonce", "code", "code_challenge", "code_challenge_method", "grant_type"} {
		cases = append(cases, validateCase{"reserved " + name, MethodOAuth2, validAC, params(Param{name, "x"}), n0, "set by Integration Studio itself"})
	}
	for _, name := range []string{"client_secret", "password", "token", "access_token", "refresh_token", "id_token_hint", "client_assertion", "api_key", "apiKey", "Client-Secret", "key"} {
		cases = append(cases, validateCase{"secret " + name, MethodOAuth2, validAC, params(Param{name, "x"}), n0, "looks like it carries a credential"})
	}
	for _, name := range []string{"audience", "resource", "access_type", "login_hint", "tenant", "duration"} {
		cases = append(cases, validateCase{"allowed " + name, MethodOAuth2, validAC, params(Param{name, "x"}), "", ""})
	}
	runValidate(t, cases)
}

func TestValidateAllReportsEveryProblemInFormOrder(t *testing.T) {
	d := validAC()
	d.OAuth2.AuthorizationURL = ""
	d.OAuth2.TokenURL = "http://example.com/token"
	d.OAuth2.RefreshBufferSeconds = 5
	d.OAuth2.AuthorizationExtraParams = []Param{{"password", ""}}
	d.ExtraHeaders = []Header{{"Cookie", "a\nb"}}
	var got []string
	for _, err := range ValidateAll(MethodOAuth2, d) {
		got = append(got, err.(*apperr.Error).Field)
	}
	want := []string{
		"auth.oauth2.authorization_url",
		"auth.oauth2.token_url",
		"auth.oauth2.refresh_buffer_seconds",
		"auth.oauth2.authorization_extra_params[0].name",
		"auth.oauth2.authorization_extra_params[0].value",
		"auth.extra_headers[0].name",
		"auth.extra_headers[0].value",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fields\n got %q\nwant %q", got, want)
	}
	if err := Validate(MethodOAuth2, d); err.(*apperr.Error).Field != want[0] {
		t.Fatalf("Validate returned %v, want the error on %s", err, want[0])
	}
}

// Messages reach logs and the UI; they must not echo what might be a secret.
func TestMessagesDoNotEchoSecrets(t *testing.T) {
	const s = "hunter2hunter2"
	d := validAC()
	d.OAuth2.TokenURL = "https://me:" + s + "@login.example.com/token"
	d.OAuth2.AuthorizationURL = "https://login.example.com/authorize?x=" + s + "#frag"
	d.OAuth2.AuthorizationExtraParams = []Param{{"prompt", s + "\n"}, {"bad name", s + "\x00"}}
	d.ExtraHeaders = []Header{{"X-Tenant", s + "\r\n"}}
	errs := ValidateAll(MethodOAuth2, d)
	if len(errs) != 4 {
		t.Fatalf("want 4 errors, got %d: %v", len(errs), errs)
	}
	for _, err := range errs {
		if strings.Contains(err.Error(), s) {
			t.Errorf("message echoes the value: %q", err.Error())
		}
	}
	k := Defaults{APIKey: &APIKeyDefaults{HeaderName: "Authorization", Preamble: "Bearer " + s + s}}
	if err := Validate(MethodAPIKey, k); err == nil || strings.Contains(err.Error(), s) {
		t.Errorf("preamble error missing or echoes the key: %v", err)
	}
}

func TestClean(t *testing.T) {
	d := validAC()
	d.APIKey = &APIKeyDefaults{HeaderName: "X-Key"}
	d.OAuth2.TokenURL = "  " + d.OAuth2.TokenURL + " "
	got, err := Clean(MethodOAuth2, d)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d.Normalized(MethodOAuth2)) || got.APIKey != nil || got.OAuth2.TokenURL != "https://login.example.com/oauth/token" {
		t.Fatalf("Clean = %+v, want the normalized defaults", got)
	}
	d.OAuth2.TokenURL = ""
	got, err = Clean(MethodOAuth2, d)
	if err == nil || !reflect.DeepEqual(got, Defaults{}) {
		t.Fatalf("Clean of invalid defaults = %+v, %v; want zero and an error", got, err)
	}
}

func TestNormalized(t *testing.T) {
	full := func() Defaults {
		return Defaults{
			APIKey: &APIKeyDefaults{HeaderName: " X-Key ", Preamble: " Bearer "},
			OAuth2: &OAuth2Defaults{
				GrantType: " Client_Credentials ", AccessTokenScheme: " Bearer ",
				AuthorizationURL: " https://a.example/authorize ", TokenURL: " https://a.example/token ",
				TokenExpirationKey: " expires_in ", TokenKey: " access_token ",
				TokenRequestContentType: " Application/JSON ", TokenRequestMethod: " get ",
				Scope: "  read \n write\t", BasicAuthOnExchange: true, RefreshTokenKey: " refresh_token ",
				IncludeClientConfigOnRefresh: true, IncludeRedirectURIOnRefresh: true,
				RefreshStrategy: " AUTOMATIC ", CustomRefreshIntervalSeconds: 600, RefreshBufferSeconds: 60,
				AuthorizationExtraParams: []Param{{" prompt ", " consent "}, {" ", " "}},
			},
			ExtraHeaders: []Header{{"", ""}, {" X-Tenant ", " acme "}, {" ", "\t"}},
		}
	}
	oauthCC := &OAuth2Defaults{
		GrantType: GrantClientCredentials, AccessTokenScheme: "Bearer", TokenURL: "https://a.example/token",
		TokenExpirationKey: "expires_in", TokenKey: "access_token", TokenRequestContentType: ContentTypeJSON,
		TokenRequestMethod: "GET", Scope: "read write", BasicAuthOnExchange: true, RefreshTokenKey: "refresh_token",
		IncludeClientConfigOnRefresh: true, RefreshStrategy: RefreshAutomatic, RefreshBufferSeconds: 60,
	}
	headers := []Header{{"X-Tenant", "acme"}}
	tests := []struct {
		name string
		m    Method
		edit func(d *Defaults)
		want Defaults
	}{
		{"none drops everything", MethodNone, nil, Defaults{}},
		{"basic drops everything", MethodBasic, nil, Defaults{}},
		{"unknown drops everything", "digest", nil, Defaults{}},
		{"api_key keeps its part and headers", MethodAPIKey, nil,
			Defaults{APIKey: &APIKeyDefaults{HeaderName: "X-Key", Preamble: "Bearer"}, ExtraHeaders: headers}},
		{"api_key fills a missing part", MethodAPIKey, func(d *Defaults) { d.APIKey = nil; d.ExtraHeaders = nil },
			Defaults{APIKey: &APIKeyDefaults{}}},
		{"client credentials drops authorization step and interval", MethodOAuth2, nil,
			Defaults{OAuth2: oauthCC, ExtraHeaders: headers}},
		{"authorization code keeps authorization step", MethodOAuth2, func(d *Defaults) {
			d.OAuth2.GrantType = "authorization_code"
			d.OAuth2.RefreshStrategy = "custom_interval"
		}, Defaults{OAuth2: func() *OAuth2Defaults {
			o := *oauthCC
			o.GrantType = GrantAuthorizationCode
			o.AuthorizationURL = "https://a.example/authorize"
			o.AuthorizationExtraParams = []Param{{"prompt", "consent"}}
			o.IncludeRedirectURIOnRefresh = true
			o.RefreshStrategy = RefreshCustomInterval
			o.CustomRefreshIntervalSeconds, o.RefreshBufferSeconds = 600, 0
			return &o
		}(), ExtraHeaders: headers}},
		{"unknown strategy keeps both timings", MethodOAuth2, func(d *Defaults) { d.OAuth2.RefreshStrategy = "sometimes" },
			Defaults{OAuth2: func() *OAuth2Defaults {
				o := *oauthCC
				o.RefreshStrategy = "sometimes"
				o.CustomRefreshIntervalSeconds = 600
				return &o
			}(), ExtraHeaders: headers}},
		{"oauth2 fills a missing part", MethodOAuth2, func(d *Defaults) { d.OAuth2 = nil; d.ExtraHeaders = nil },
			Defaults{OAuth2: &OAuth2Defaults{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := full()
			if tt.edit != nil {
				tt.edit(&in)
			}
			before := mustJSON(t, in)
			got := in.Normalized(tt.m)
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Normalized\n got %s\nwant %s", mustJSON(t, got), mustJSON(t, tt.want))
			}
			if after := mustJSON(t, in); after != before {
				t.Fatalf("Normalized modified its input:\n%s\n%s", before, after)
			}
			if again := got.Normalized(tt.m); !reflect.DeepEqual(again, got) {
				t.Fatalf("Normalized is not idempotent: %s", mustJSON(t, again))
			}
		})
	}
}

func TestNormalizedSharesNoMemory(t *testing.T) {
	in := validAC()
	in.APIKey = &APIKeyDefaults{HeaderName: "X"}
	in.OAuth2.AuthorizationExtraParams = []Param{{"prompt", "consent"}}
	in.ExtraHeaders = []Header{{"X-A", "1"}}
	for _, m := range []Method{MethodOAuth2, MethodAPIKey} {
		out := in.Normalized(m)
		if out.OAuth2 != nil {
			out.OAuth2.TokenURL = "changed"
			out.OAuth2.AuthorizationExtraParams[0].Value = "changed"
		}
		if out.APIKey != nil {
			out.APIKey.HeaderName = "changed"
		}
		out.ExtraHeaders[0].Value = "changed"
	}
	if in.OAuth2.TokenURL == "changed" || in.OAuth2.AuthorizationExtraParams[0].Value == "changed" ||
		in.APIKey.HeaderName == "changed" || in.ExtraHeaders[0].Value == "changed" {
		t.Fatalf("a change to Normalized's result reached the input: %s", mustJSON(t, in))
	}
}

func TestDefaultsFor(t *testing.T) {
	oauth := func(g GrantType) Defaults {
		return Defaults{OAuth2: &OAuth2Defaults{
			GrantType: g, AccessTokenScheme: "Bearer", TokenExpirationKey: "expires_in", TokenKey: "access_token",
			TokenRequestContentType: "application/x-www-form-urlencoded", TokenRequestMethod: "POST",
			RefreshTokenKey: "refresh_token", IncludeClientConfigOnRefresh: true, RefreshStrategy: "automatic",
			CustomRefreshIntervalSeconds: 3600, RefreshBufferSeconds: 300,
		}}
	}
	tests := []struct {
		m    Method
		g    GrantType
		want Defaults
	}{
		{MethodNone, "", Defaults{}},
		{MethodBasic, "", Defaults{}},
		{MethodBasic, GrantClientCredentials, Defaults{}},
		{"digest", "", Defaults{}},
		{MethodAPIKey, "", Defaults{APIKey: &APIKeyDefaults{}}},
		{MethodAPIKey, GrantAuthorizationCode, Defaults{APIKey: &APIKeyDefaults{}}},
		{MethodOAuth2, GrantAuthorizationCode, oauth(GrantAuthorizationCode)},
		{MethodOAuth2, GrantClientCredentials, oauth(GrantClientCredentials)},
		{MethodOAuth2, "implicit", oauth("implicit")},
	}
	for _, tt := range tests {
		if got := DefaultsFor(tt.m, tt.g); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("DefaultsFor(%q, %q)\n got %s\nwant %s", tt.m, tt.g, mustJSON(t, got), mustJSON(t, tt.want))
		}
	}
	// Each call returns fresh memory, so one form cannot edit another's.
	a, b := DefaultsFor(MethodOAuth2, GrantAuthorizationCode), DefaultsFor(MethodOAuth2, GrantAuthorizationCode)
	a.OAuth2.TokenKey = "changed"
	if b.OAuth2.TokenKey != "access_token" {
		t.Fatal("DefaultsFor results share memory")
	}
}

// The prefilled defaults are complete except for what only the vendor's
// documentation can say.
func TestDefaultsForNeedsOnlyVendorFacts(t *testing.T) {
	tests := []struct {
		m      Method
		g      GrantType
		fields []string
	}{
		{MethodNone, "", nil},
		{MethodBasic, "", nil},
		{MethodAPIKey, "", []string{"auth.api_key.header_name"}},
		{MethodOAuth2, GrantAuthorizationCode, []string{"auth.oauth2.authorization_url", "auth.oauth2.token_url"}},
		{MethodOAuth2, GrantClientCredentials, []string{"auth.oauth2.token_url"}},
	}
	for _, tt := range tests {
		var got []string
		for _, err := range ValidateAll(tt.m, DefaultsFor(tt.m, tt.g)) {
			got = append(got, err.(*apperr.Error).Field)
		}
		if !reflect.DeepEqual(got, tt.fields) {
			t.Errorf("%s/%s: errors on %q, want %q", tt.m, tt.g, got, tt.fields)
		}
	}
}

// The JSON names are API: the CLI and the frontend address fields by them.
func TestJSONFieldNames(t *testing.T) {
	d := Defaults{
		APIKey: &APIKeyDefaults{HeaderName: "X-Key", Preamble: "Bearer"},
		OAuth2: &OAuth2Defaults{
			GrantType: GrantAuthorizationCode, AccessTokenScheme: "Bearer",
			AuthorizationURL: "https://a.example/authorize", TokenURL: "https://a.example/token",
			TokenExpirationKey: "expires_in", TokenKey: "access_token",
			TokenRequestContentType: ContentTypeForm, TokenRequestMethod: TokenMethodPost, Scope: "read",
			BasicAuthOnExchange: true, RefreshTokenKey: "refresh_token",
			IncludeClientConfigOnRefresh: true, IncludeRedirectURIOnRefresh: true,
			RefreshStrategy: RefreshCustomInterval, CustomRefreshIntervalSeconds: 600, RefreshBufferSeconds: 60,
			AuthorizationExtraParams: []Param{{"prompt", "consent"}},
		},
		ExtraHeaders: []Header{{"X-Tenant", "acme"}},
	}
	const want = `{"api_key":{"header_name":"X-Key","preamble":"Bearer"},` +
		`"oauth2":{"grant_type":"authorization_code","access_token_scheme":"Bearer",` +
		`"authorization_url":"https://a.example/authorize","token_url":"https://a.example/token",` +
		`"token_expiration_key":"expires_in","token_key":"access_token",` +
		`"token_request_content_type":"application/x-www-form-urlencoded","token_request_method":"POST",` +
		`"scope":"read","basic_auth_on_exchange":true,"refresh_token_key":"refresh_token",` +
		`"include_client_config_on_refresh":true,"include_redirect_uri_on_refresh":true,` +
		`"refresh_strategy":"custom_interval","custom_refresh_interval_seconds":600,"refresh_buffer_seconds":60,` +
		`"authorization_extra_params":[{"name":"prompt","value":"consent"}]},` +
		`"extra_headers":[{"name":"X-Tenant","value":"acme"}]}`
	if got := mustJSON(t, d); got != want {
		t.Fatalf("JSON\n got %s\nwant %s", got, want)
	}
	var back Defaults
	if err := json.Unmarshal([]byte(want), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, d) {
		t.Fatalf("round trip lost data: %s", mustJSON(t, back))
	}
	// Omitted parts stay omitted, so a basic integration stores "{}".
	if got := mustJSON(t, Defaults{}); got != "{}" {
		t.Fatalf("empty defaults = %s, want {}", got)
	}
	if got := mustJSON(t, Choice{Method: MethodOAuth2, GrantType: GrantClientCredentials, Label: "L"}); got != `{"method":"oauth2","grant_type":"client_credentials","label":"L"}` {
		t.Fatalf("Choice JSON = %s", got)
	}
	if got := mustJSON(t, Advice{Summary: "S", ChooseIf: []string{"a"}}); got != `{"summary":"S","choose_if":["a"]}` {
		t.Fatalf("Advice JSON = %s", got)
	}
}

func TestMethods(t *testing.T) {
	want := []Choice{
		{MethodAPIKey, "", "API Key"},
		{MethodBasic, "", "Basic Auth"},
		{MethodOAuth2, GrantAuthorizationCode, "OAuth 2.0 — Authorization Code"},
		{MethodOAuth2, GrantClientCredentials, "OAuth 2.0 — Client Credentials"},
		{MethodNone, "", "No Auth"},
	}
	got := Methods()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Methods() = %+v", got)
	}
	got[0].Label = "changed"
	if Methods()[0].Label != "API Key" {
		t.Fatal("Methods returns shared memory")
	}
	for _, c := range want {
		if !c.Method.Known() || (c.Method == MethodOAuth2) != c.GrantType.Known() {
			t.Errorf("choice %+v: method or grant not known", c)
		}
	}
}

func TestGuidance(t *testing.T) {
	summaries := map[string]bool{}
	for _, c := range append(Methods(), Choice{Method: MethodOAuth2}) {
		a, ok := Guidance(c.Method, c.GrantType)
		if !ok || a.Summary == "" || len(a.ChooseIf) < 3 {
			t.Errorf("Guidance(%s, %s) = %+v, %v; want a summary and at least 3 bullets", c.Method, c.GrantType, a, ok)
		}
		if summaries[a.Summary] {
			t.Errorf("Guidance(%s, %s) repeats another method's summary", c.Method, c.GrantType)
		}
		summaries[a.Summary] = true
	}
	keywords := []struct {
		m    Method
		g    GrantType
		want string
	}{
		{MethodAPIKey, "", "X-API-Key"},
		{MethodBasic, "", "username and password"},
		{MethodOAuth2, "", "refresh"},
		{MethodOAuth2, GrantAuthorizationCode, "consent screen"},
		{MethodOAuth2, GrantClientCredentials, "token endpoint"},
		{MethodNone, "", "public and read-only"},
	}
	for _, k := range keywords {
		a, _ := Guidance(k.m, k.g)
		if !strings.Contains(strings.Join(a.ChooseIf, " "), k.want) {
			t.Errorf("Guidance(%s, %s) bullets do not mention %q", k.m, k.g, k.want)
		}
	}
	apiKey, _ := Guidance(MethodAPIKey, "")
	if a, ok := Guidance(MethodAPIKey, GrantClientCredentials); !ok || !reflect.DeepEqual(a, apiKey) {
		t.Error("the grant should be ignored for API Key")
	}
	for _, bad := range []struct {
		m Method
		g GrantType
	}{{"digest", ""}, {"", ""}, {MethodOAuth2, "implicit"}} {
		if a, ok := Guidance(bad.m, bad.g); ok || a.Summary != "" || a.ChooseIf != nil {
			t.Errorf("Guidance(%q, %q) = %+v, %v; want nothing", bad.m, bad.g, a, ok)
		}
	}
}

func TestKnown(t *testing.T) {
	for m, want := range map[Method]bool{"none": true, "api_key": true, "basic": true, "oauth2": true, "": false, "OAuth2": false, "digest": false} {
		if m.Known() != want {
			t.Errorf("Method(%q).Known() = %v", m, !want)
		}
	}
	for g, want := range map[GrantType]bool{"authorization_code": true, "client_credentials": true, "": false, "implicit": false, "password": false} {
		if g.Known() != want {
			t.Errorf("GrantType(%q).Known() = %v", g, !want)
		}
	}
}

func TestSharedWarning(t *testing.T) {
	for _, want := range []string{"export", "Never", "OS keyring", "client secrets"} {
		if !strings.Contains(SharedWarning, want) {
			t.Errorf("SharedWarning does not mention %q", want)
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestWithoutSecretValues(t *testing.T) {
	d := Defaults{
		APIKey: &APIKeyDefaults{HeaderName: "X-Key", Preamble: "Bearer sk_live_0123456789abcdefghijklmnop"},
		OAuth2: &OAuth2Defaults{
			GrantType:        GrantAuthorizationCode,
			AuthorizationURL: "https://alice:hunter2@login.acme.test/authorize?prompt=consent",
			TokenURL:         "https://login.acme.test/token?client_secret=s3cr3t&tenant=t1",
			AuthorizationExtraParams: []Param{
				{Name: "prompt", Value: "consent"}, {Name: "client_secret", Value: "s3cr3t"},
			},
		},
		ExtraHeaders: []Header{{Name: "X-Tenant", Value: "t1"}, {Name: "X-Api-Key", Value: "k"}},
	}
	got := WithoutSecretValues(d)
	for _, secret := range []string{"hunter2", "s3cr3t", "sk_live", `"k"`} {
		if strings.Contains(mustJSON(t, got), secret) {
			t.Errorf("%q survived: %s", secret, mustJSON(t, got))
		}
	}
	for _, kept := range []string{"login.acme.test/authorize?prompt=consent", "tenant=t1", `"t1"`, `"consent"`, "X-Key"} {
		if !strings.Contains(mustJSON(t, got), kept) {
			t.Errorf("%q was lost: %s", kept, mustJSON(t, got))
		}
	}
	if d.OAuth2.TokenURL != "https://login.acme.test/token?client_secret=s3cr3t&tenant=t1" || d.ExtraHeaders[1].Value != "k" {
		t.Error("WithoutSecretValues changed its argument")
	}
	for in, want := range map[string]string{
		"user:pw@api.acme.test":               "api.acme.test",
		"https://u:p@api.acme.test/v1":        "https://api.acme.test/v1",
		"api.acme.test/v1?api_key=s3cr3t&x=1": "api.acme.test/v1?api_key=&x=1",
		"half typed://":                       "half typed://",
		"api.acme.test":                       "api.acme.test",
		"https://x.test/a@b":                  "https://x.test/a@b",
	} {
		if got := WithoutURLSecrets(in); got != want {
			t.Errorf("WithoutURLSecrets(%q) = %q, want %q", in, got, want)
		}
	}
}
