// Package localapi is the local automation API: JSON over HTTP on
// 127.0.0.1 only, every request with an API token, for scripts and other
// tools on the consultant's computer.
package localapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"integrationstudio/backend/apitoken"
	"integrationstudio/backend/apperr"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/playbook"
	"integrationstudio/backend/runner"
)

// DefaultPort is where the API listens unless Settings says otherwise.
const DefaultPort = 8765

// maxBody caps a request body.
const maxBody = 1 << 20

// Runs is what the API runs actions through (a *runner.Service).
type Runs interface {
	FindAction(ctx context.Context, integrationID, ref string) (integration.Action, error)
	Run(ctx context.Context, r runner.Request) (runner.Run, error)
	GetRun(ctx context.Context, integrationID, runID string) (runner.Run, error)
}

// Configs resolves a configuration by name or id (a *configuration.Service).
type Configs interface {
	FindByName(ctx context.Context, integrationID, nameOrID string) (configuration.Configuration, error)
}

// Deps are the API's collaborators.
type Deps struct {
	Tokens       *apitoken.Service
	Integrations *integration.Service
	Runs         Runs
	Configs      Configs
	Playbooks    *playbook.Service
}

// Server is the API bound to one port.
type Server struct {
	deps Deps
	port int
	srv  *http.Server
	ln   net.Listener
}

// Listen binds 127.0.0.1:port (0 picks a free one); it never listens on
// another interface.
func Listen(d Deps, port int) (*Server, error) {
	if port < 0 || port > 65535 {
		return nil, apperr.FieldErrorf("localApiPort", "The port must be 1 to 65535; it is %d.", port)
	}
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
	if err != nil {
		return nil, apperr.Wrap(err, apperr.Unavailable, "The local API cannot listen on 127.0.0.1:%d (%v); pick another port in Settings.", port, err)
	}
	s := &Server{deps: d, port: ln.Addr().(*net.TCPAddr).Port, ln: ln}
	s.srv = &http.Server{Handler: s.handler(), ReadHeaderTimeout: 10 * time.Second}
	return s, nil
}

// Addr is the listening address, 127.0.0.1:port.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Serve answers requests until Shutdown.
func (s *Server) Serve() error {
	err := s.srv.Serve(s.ln)
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops the server, letting requests in flight finish briefly.
func (s *Server) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

func (s *Server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(openAPI(s.port))
	})
	mux.Handle("GET /v1/integrations", s.auth(s.listIntegrations))
	mux.Handle("GET /v1/integrations/{id}/actions", s.auth(s.listActions))
	mux.Handle("POST /v1/integrations/{id}/actions/{action}/run", s.auth(s.runAction))
	mux.Handle("GET /v1/integrations/{id}/runs/{run}", s.auth(s.getRun))
	mux.Handle("POST /v1/playbooks/{id}/run", s.auth(s.runPlaybook))
	return s.guard(mux)
}

// guard refuses what a browser page could send: a Host other than the
// loopback address (DNS rebinding) and any cross-origin request.
func (s *Server) guard(next http.Handler) http.Handler {
	allowedHosts := map[string]bool{
		fmt.Sprintf("127.0.0.1:%d", s.port): true,
		fmt.Sprintf("localhost:%d", s.port): true,
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedHosts[strings.ToLower(r.Host)] {
			writeError(w, http.StatusForbidden, "forbidden", "The Host header must be the loopback address this API listens on (127.0.0.1:"+strconv.Itoa(s.port)+").")
			return
		}
		if origin := r.Header.Get("Origin"); origin != "" {
			writeError(w, http.StatusForbidden, "forbidden", "Browser requests from other origins are refused; call this API from a script or tool.")
			return
		}
		if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			writeError(w, http.StatusForbidden, "forbidden", "Cross-site browser requests are refused.")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		next.ServeHTTP(w, r)
	})
}

type handlerFunc func(w http.ResponseWriter, r *http.Request) (any, error)

// auth needs Authorization: Bearer <token>; a token in the query string
// is refused, since URLs end up in logs and histories.
func (s *Server) auth(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("token") || r.URL.Query().Has("access_token") {
			writeError(w, http.StatusBadRequest, apperr.Invalid, "Send the token in the Authorization header, never in the URL.")
			return
		}
		scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") {
			w.Header().Set("WWW-Authenticate", `Bearer realm="integration-studio"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", "Send Authorization: Bearer <token>; create a token in the app's API tokens page or with `integration-studio token create NAME`.")
			return
		}
		if _, err := s.deps.Tokens.Check(r.Context(), strings.TrimSpace(token)); err != nil {
			w.Header().Set("WWW-Authenticate", `Bearer realm="integration-studio", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "unauthorized", apperr.Public(err).Message)
			return
		}
		out, err := h(w, r)
		if err != nil {
			e := apperr.Public(err)
			writeJSON(w, statusOf(e.Code), e)
			return
		}
		writeJSON(w, http.StatusOK, out)
	})
}

func statusOf(code string) int {
	switch code {
	case apperr.Invalid:
		return http.StatusBadRequest
	case apperr.NotFound:
		return http.StatusNotFound
	case apperr.Conflict:
		return http.StatusConflict
	case apperr.Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // read by scripts, not pasted into HTML
	enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, message string) {
	writeJSON(w, status, apperr.Error{Code: code, Message: message})
}

func (s *Server) listIntegrations(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.deps.Integrations.List(r.Context())
}

func (s *Server) listActions(w http.ResponseWriter, r *http.Request) (any, error) {
	q := integration.ActionQuery{Search: r.URL.Query().Get("search"), Limit: 1000}
	if o, err := strconv.Atoi(r.URL.Query().Get("offset")); err == nil {
		q.Offset = o
	}
	return s.deps.Integrations.ListActions(r.Context(), r.PathValue("id"), q)
}

// RunRequest is the body of a run: the configuration by name or id,
// parameters, a JSON body and a page cap.
type RunRequest struct {
	Configuration string            `json:"configuration"`
	Params        map[string]string `json:"params"`
	Body          json.RawMessage   `json:"body"`
	MaxPages      int               `json:"maxPages"`
}

func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return apperr.Errorf(apperr.Invalid, "The request body is larger than %d bytes.", maxBody)
		}
		return apperr.Errorf(apperr.Invalid, "The request body is not valid JSON for this endpoint: %v", err)
	}
	return nil
}

func (s *Server) runAction(w http.ResponseWriter, r *http.Request) (any, error) {
	var in RunRequest
	if err := decode(r, &in); err != nil {
		return nil, err
	}
	id := r.PathValue("id")
	a, err := s.deps.Runs.FindAction(r.Context(), id, r.PathValue("action"))
	if err != nil {
		return nil, err
	}
	cfg := ""
	if in.Configuration != "" {
		c, err := s.deps.Configs.FindByName(r.Context(), id, in.Configuration)
		if err != nil {
			return nil, err
		}
		cfg = c.ID
	}
	body := ""
	if len(in.Body) > 0 && string(in.Body) != "null" {
		body = string(in.Body)
	}
	return s.deps.Runs.Run(r.Context(), runner.Request{IntegrationID: id, ActionID: a.ID, ConfigurationID: cfg,
		Input: runner.Input{Params: in.Params, Body: body}, MaxPages: in.MaxPages})
}

func (s *Server) getRun(w http.ResponseWriter, r *http.Request) (any, error) {
	return s.deps.Runs.GetRun(r.Context(), r.PathValue("id"), r.PathValue("run"))
}

func (s *Server) runPlaybook(w http.ResponseWriter, r *http.Request) (any, error) {
	p, err := s.deps.Playbooks.FindByName(r.Context(), r.PathValue("id"))
	if err != nil {
		return nil, err
	}
	return s.deps.Playbooks.Run(r.Context(), p.ID)
}
