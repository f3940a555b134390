package configuration

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/redact"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/spec"
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
	var params []spec.Parameter
	_ = json.Unmarshal(a.Parameters, &params)
	req, err := runner.BuildRequest(ctx, runner.Target{Hostname: it.Hostname, BasePath: it.BasePath, Method: http.MethodGet, Path: a.Path, Parameters: params}, runner.Input{})
	if err != nil {
		if e := apperr.Public(err); strings.HasPrefix(e.Field, "params") {
			return ConnectionResult{}, apperr.FieldErrorf("actionId", "%q cannot be called without input: %s Pick an action whose parameters are optional or have defaults (the Test page fills parameters).", a.Name, e.Message)
		}
		return ConnectionResult{}, err
	}
	target := req.URL.String()
	authn, err := s.Authenticator(ctx, integrationID, id)
	if err != nil {
		return ConnectionResult{}, err
	}
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
