package configuration

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/redact"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/version"
)

// ConnectionResult is what "Test connection" shows.
type ConnectionResult struct {
	OK          bool   `json:"ok"`
	Status      int    `json:"status"`
	StatusText  string `json:"statusText"`
	URL         string `json:"url"`
	DurationMs  int64  `json:"durationMs"`
	ContentType string `json:"contentType"`
	// BodyPreview is the start of the body, JSON with sensitive-looking
	// fields masked.
	BodyPreview string      `json:"bodyPreview"`
	Truncated   bool        `json:"truncated"`
	Auth        auth.Status `json:"auth"`
}

const (
	connectionTimeout = 30 * time.Second
	previewBytes      = 4 << 10
)

// ActionURL is where an action's request goes: https (http only for
// loopback hosts, where mock vendors run), the hostname, the base path
// and the action's path.
func ActionURL(hostname, basePath, path string) (string, error) {
	if hostname == "" {
		return "", apperr.FieldErrorf("hostname", "The integration has no hostname yet; set it in the editor's Hostname step.")
	}
	host := hostname
	if h, _, err := net.SplitHostPort(hostname); err == nil {
		host = h
	}
	scheme := "https"
	if auth.IsLoopback(strings.Trim(host, "[]")) {
		scheme = "http"
	}
	u, err := url.Parse(scheme + "://" + hostname + strings.TrimRight(basePath, "/") + path)
	if err != nil {
		return "", apperr.Errorf(apperr.Invalid, "The action's address is not a valid URL: %v", err)
	}
	return u.String(), nil
}

// TestConnection calls a GET action without parameters to be filled, with
// this configuration's credentials.
func (s *Service) TestConnection(ctx context.Context, integrationID, id, actionID string) (ConnectionResult, error) {
	it, err := s.deps.Integrations.Get(ctx, integrationID)
	if err != nil {
		return ConnectionResult{}, err
	}
	a, err := s.deps.Integrations.Action(ctx, integrationID, actionID)
	if err != nil {
		return ConnectionResult{}, err
	}
	if !strings.EqualFold(a.Method, http.MethodGet) {
		return ConnectionResult{}, apperr.FieldErrorf("actionId", "Test connection only sends GET requests, so it changes nothing at the vendor; %q is %s.", a.Name, strings.ToUpper(a.Method))
	}
	if i := strings.Index(a.Path, "{"); i >= 0 {
		return ConnectionResult{}, apperr.FieldErrorf("actionId", "%q needs the path parameter %s; pick an action without one (the Test page fills parameters).", a.Name, a.Path[i:strings.IndexByte(a.Path[i:], '}')+i+1])
	}
	var params []spec.Parameter
	_ = json.Unmarshal(a.Parameters, &params)
	query := url.Values{}
	for _, p := range params {
		if !p.Required {
			continue
		}
		if p.Default == nil || p.In != "query" {
			return ConnectionResult{}, apperr.FieldErrorf("actionId", "%q needs the %s parameter %q; pick an action without required parameters.", a.Name, p.In, p.Name)
		}
		query.Set(p.Name, fmt.Sprint(p.Default))
	}
	target, err := ActionURL(it.Hostname, it.BasePath, a.Path)
	if err != nil {
		return ConnectionResult{}, err
	}
	if len(query) > 0 {
		target += "?" + query.Encode()
	}
	authn, err := s.Authenticator(ctx, integrationID, id)
	if err != nil {
		return ConnectionResult{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return ConnectionResult{}, apperr.Errorf(apperr.Invalid, "The action's address is not a valid URL.")
	}
	req.Header.Set("User-Agent", version.UserAgent())
	req.Header.Set("Accept", "application/json")
	client := auth.NewHTTPClient(connectionTimeout, s.deps.Transport)
	start := time.Now()
	resp, err := auth.Do(ctx, client, authn, req)
	result := ConnectionResult{URL: redact.URL(target), Auth: authn.Status()}
	if err != nil {
		if apperr.Code(err) != apperr.Internal {
			return result, err
		}
		return result, apperr.Wrap(err, apperr.Unavailable, "The request to %s failed: %v", it.Hostname, stripURL(err))
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, previewBytes+1))
	result.DurationMs = time.Since(start).Milliseconds()
	result.Status, result.StatusText = resp.StatusCode, http.StatusText(resp.StatusCode)
	result.OK = resp.StatusCode >= 200 && resp.StatusCode < 300
	result.ContentType = resp.Header.Get("Content-Type")
	result.Auth = authn.Status()
	if len(body) > previewBytes {
		body, result.Truncated = body[:previewBytes], true
	}
	if strings.Contains(result.ContentType, "json") && !result.Truncated {
		body = redact.JSON(body)
	}
	if utf8.Valid(body) {
		result.BodyPreview = string(body)
	} else {
		result.BodyPreview = fmt.Sprintf("(%d bytes of binary data)", len(body))
	}
	return result, nil
}

// stripURL keeps a transport error's reason without the URL (with its
// query) that url.Error puts first.
func stripURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
