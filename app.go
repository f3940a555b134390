package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/fix"
	"integrationstudio/backend/importer"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/localapi"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/settings"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/version"
)

// App is the facade the frontend calls. Every method is a thin call into a
// backend service; errors become coded, user-safe values in publicError.
type App struct {
	ctx     context.Context
	svc     *services
	log     *slog.Logger
	imports *importer.Service
	runner  *runner.Service
	dialogs Dialogs

	localAPIMu     sync.Mutex
	localAPI       *localapi.Server
	localAPIStatus LocalAPIStatus
	// startupProblem is set when the data dir could not be opened (a newer
	// or foreign database, an unwritable folder). The window still opens and
	// shows it, rather than the app vanishing with a line on a terminal
	// nobody sees.
	startupProblem *apperr.Error
}

// AppInfo tells the UI which build it talks to and where its data lives.
type AppInfo struct {
	Version string `json:"version"`
	DataDir string `json:"dataDir"`
	LogFile string `json:"logFile"`
}

// NewApp binds to svc, or, when openErr is set, to nothing but the problem.
func NewApp(svc *services, openErr error) *App {
	if openErr != nil {
		return &App{log: slog.New(slog.NewTextHandler(os.Stderr, nil)), startupProblem: apperr.Public(openErr)}
	}
	a := &App{svc: svc, log: svc.log}
	a.dialogs = nativeDialogs{a}
	if dir := os.Getenv(scriptedDialogsEnv); dir != "" {
		a.dialogs = scriptedDialogs{dir: dir}
	}
	a.imports = importer.New(specWorker(), svc.integrations, wailsEmitter{a}, a.importLimits)
	a.runner = svc.newRunner(wailsEmitter{a})
	return a
}

// Dialogs are the native file dialogs; each returns "" when cancelled.
type Dialogs interface {
	SaveFile(title, defaultName, filterName, pattern string) (string, error)
	OpenFile(title, filterName, pattern string) (string, error)
}

type nativeDialogs struct{ app *App }

func (d nativeDialogs) SaveFile(title, defaultName, filterName, pattern string) (string, error) {
	return runtime.SaveFileDialog(d.app.ctx, runtime.SaveDialogOptions{Title: title, DefaultFilename: defaultName,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}}, CanCreateDirectories: true})
}

func (d nativeDialogs) OpenFile(title, filterName, pattern string) (string, error) {
	return runtime.OpenFileDialog(d.app.ctx, runtime.OpenDialogOptions{Title: title,
		Filters: []runtime.FileFilter{{DisplayName: filterName, Pattern: pattern}, {DisplayName: "All files", Pattern: "*"}}})
}

// scriptedDialogsEnv names a folder whose files "save" and "open" hold
// the paths the dialogs answer with: end-to-end tests cannot click a
// native GTK dialog. Unset in normal use.
const scriptedDialogsEnv = "INTEGRATION_STUDIO_SCRIPTED_DIALOGS"

type scriptedDialogs struct{ dir string }

func (d scriptedDialogs) answer(name string) (string, error) {
	b, err := os.ReadFile(filepath.Join(d.dir, name))
	if os.IsNotExist(err) {
		return "", nil
	}
	return strings.TrimSpace(string(b)), err
}

func (d scriptedDialogs) SaveFile(_, _, _, _ string) (string, error) { return d.answer("save") }
func (d scriptedDialogs) OpenFile(_, _, _ string) (string, error)    { return d.answer("open") }

// wailsEmitter sends backend events to the window.
type wailsEmitter struct{ app *App }

func (e wailsEmitter) Emit(name string, payload any) {
	if e.app.ctx != nil {
		runtime.EventsEmit(e.app.ctx, name, payload)
	}
}

// importLimits reads the size cap from Settings at each import.
func (a *App) importLimits() spec.Limits {
	s, err := a.svc.settings.Get(a.ctx)
	if err != nil {
		return settings.Defaults.Limits()
	}
	return s.Limits()
}

// ready fails every data call with the start-up problem, if there was one.
func (a *App) ready() error {
	if a.startupProblem != nil {
		return a.startupProblem
	}
	return nil
}

// StartupProblem returns why the data dir could not be opened, or null.
func (a *App) StartupProblem() (*apperr.Error, error) { return a.startupProblem, nil }

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	if a.svc != nil {
		// Renew OAuth 2.0 tokens in the background, before they are needed.
		go a.svc.configurations.RunRefresher(ctx, time.Minute, func(err error) {
			a.log.Warn("token refresh", slog.String("reason", apperr.Public(err).Message))
		})
		a.applyLocalAPI()
		// Deliver webhook events, starting with any a quit left pending.
		go a.svc.webhooks.RunWorker(ctx, 15*time.Second, func(err error) {
			a.log.Warn("webhook delivery", slog.String("reason", apperr.Public(err).Message))
		})
	}
}

// openBrowser opens the OAuth consent page in the system browser.
func (a *App) openBrowser(u string) error {
	if a.ctx == nil {
		return apperr.Errorf(apperr.Unavailable, "The window is not ready yet.")
	}
	runtime.BrowserOpenURL(a.ctx, u)
	return nil
}

// publicError is the Wails ErrorFormatter. It returns {code, message,
// field?} encoded as a JSON string: the Wails JS runtime wraps whatever it
// gets in `new Error(x)`, which turns an object into "[object Object]", so
// src/api/errors.ts parses the JSON back out of the Error's message.
// Internal failures are logged in full and reach the user only as a
// generic message.
func (a *App) publicError(err error) any {
	pub := apperr.Public(err)
	if pub.Code == apperr.Internal {
		a.log.Error("bound method failed", slog.String("error", err.Error()))
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
	info := AppInfo{Version: version.Version}
	if a.svc != nil {
		info.DataDir, info.LogFile = a.svc.dir.Root, a.svc.logFile
	}
	return info, nil
}

func (a *App) ListIntegrations() ([]integration.Summary, error) {
	if err := a.ready(); err != nil {
		return nil, err
	}
	return a.svc.integrations.List(a.ctx)
}

func (a *App) CreateIntegration(in integration.CreateInput) (integration.Integration, error) {
	if err := a.ready(); err != nil {
		return integration.Integration{}, err
	}
	return a.svc.integrations.Create(a.ctx, in)
}

// Quit closes the app (the start-up problem screen offers it).
func (a *App) Quit() { runtime.Quit(a.ctx) }

// onSecondInstance brings the running window to the front when the app is
// launched again on the same data dir.
func (a *App) onSecondInstance(options.SecondInstanceData) {
	if a.ctx == nil {
		return
	}
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

// PickSpecFile asks for a spec file; "" when the user cancels.
func (a *App) PickSpecFile() (string, error) {
	return runtime.OpenFileDialog(a.ctx, runtime.OpenDialogOptions{
		Title: "Import an OpenAPI or Swagger file",
		Filters: []runtime.FileFilter{
			{DisplayName: "API descriptions (*.json, *.yaml, *.yml)", Pattern: "*.json;*.yaml;*.yml"},
			{DisplayName: "All files", Pattern: "*"},
		},
	})
}

// ImportSpecFile reads a picked or dropped file; nothing is stored yet.
func (a *App) ImportSpecFile(path string, allowFileRefs bool) (importer.Preview, error) {
	if err := a.ready(); err != nil {
		return importer.Preview{}, err
	}
	return a.imports.StartFile(a.ctx, path, allowFileRefs)
}

// ImportSpecText reads pasted text or a file dropped in a browser.
func (a *App) ImportSpecText(name, text string) (importer.Preview, error) {
	if err := a.ready(); err != nil {
		return importer.Preview{}, err
	}
	return a.imports.StartData(a.ctx, name, text)
}

func (a *App) PreviewSpecFix(importID string, rules []string, dropUndefinedRequired bool) (importer.FixPreview, error) {
	if err := a.ready(); err != nil {
		return importer.FixPreview{}, err
	}
	return a.imports.PreviewFix(a.ctx, importID, fix.Options{Rules: rules, DropUndefinedRequired: dropUndefinedRequired})
}

func (a *App) ApplySpecFix(importID string, rules []string, dropUndefinedRequired bool) (importer.Preview, error) {
	if err := a.ready(); err != nil {
		return importer.Preview{}, err
	}
	return a.imports.ApplyFix(a.ctx, importID, fix.Options{Rules: rules, DropUndefinedRequired: dropUndefinedRequired})
}

func (a *App) SaveSpecImport(importID, name string) (integration.Imported, error) {
	if err := a.ready(); err != nil {
		return integration.Imported{}, err
	}
	return a.imports.Save(a.ctx, importID, name)
}

func (a *App) DiscardSpecImport(importID string) error {
	if err := a.ready(); err != nil {
		return err
	}
	a.imports.Discard(importID)
	return nil
}

func (a *App) GetSettings() (settings.Settings, error) {
	if err := a.ready(); err != nil {
		return settings.Settings{}, err
	}
	return a.svc.settings.Get(a.ctx)
}

func (a *App) SaveSettings(in settings.Settings) (settings.Settings, error) {
	if err := a.ready(); err != nil {
		return settings.Settings{}, err
	}
	out, err := a.svc.settings.Save(a.ctx, in)
	if err == nil {
		a.applyLocalAPI()
	}
	return out, err
}
