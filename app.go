package main

import (
	"context"
	"encoding/json"
	"log/slog"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/version"
)

// App is the facade the frontend calls. Every method is a thin call into a
// backend service; errors become coded, user-safe values in publicError.
type App struct {
	ctx context.Context
	svc *services
}

// AppInfo tells the UI which build it talks to and where its data lives.
type AppInfo struct {
	Version string `json:"version"`
	DataDir string `json:"dataDir"`
	LogFile string `json:"logFile"`
}

func NewApp(svc *services) *App { return &App{svc: svc} }

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// publicError is the Wails ErrorFormatter. It returns {code, message,
// field?} encoded as a JSON string: the Wails JS runtime wraps whatever it
// gets in `new Error(x)`, which turns an object into "[object Object]", so
// src/api/errors.ts parses the JSON back out of the Error's message.
// Internal failures are logged in full and reach the user only as a
// generic message.
func (a *App) publicError(err error) any {
	pub := apperr.Public(err)
	if pub.Code == apperr.Internal {
		a.svc.log.Error("bound method failed", slog.String("error", err.Error()))
	}
	encoded, jerr := json.Marshal(pub)
	if jerr != nil {
		return pub.Message
	}
	return string(encoded)
}

// OpenExternal opens an http(s) link in the system browser; the webview
// itself never navigates away from the app.
func (a *App) OpenExternal(url string) error {
	if err := validateExternalURL(url); err != nil {
		return err
	}
	runtime.BrowserOpenURL(a.ctx, url)
	return nil
}

func (a *App) AppInfo() (AppInfo, error) {
	return AppInfo{Version: version.Version, DataDir: a.svc.dir.Root, LogFile: a.svc.logFile}, nil
}

func (a *App) ListIntegrations() ([]integration.Summary, error) {
	return a.svc.integrations.List(a.ctx)
}

func (a *App) CreateIntegration(in integration.CreateInput) (integration.Integration, error) {
	return a.svc.integrations.Create(a.ctx, in)
}

// onSecondInstance brings the running window to the front when the app is
// launched again on the same data dir.
func (a *App) onSecondInstance(options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}
