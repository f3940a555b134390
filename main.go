package main

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"

	"integrationstudio/backend/apitoken"
	"integrationstudio/backend/apperr"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/bundle"
	"integrationstudio/backend/cli"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/datadir"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/localapi"
	"integrationstudio/backend/logging"
	"integrationstudio/backend/playbook"
	"integrationstudio/backend/runner"
	"integrationstudio/backend/secrets"
	"integrationstudio/backend/settings"
	"integrationstudio/backend/store"
	"integrationstudio/backend/version"
	"integrationstudio/backend/webhook"
	"integrationstudio/backend/worker"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	// The child process that parses untrusted spec files.
	if len(os.Args) > 1 && os.Args[1] == worker.Command {
		os.Exit(worker.Serve(os.Stdin, os.Stdout))
	}
	// Any argument means a headless command: no window, no display needed.
	if len(os.Args) > 1 {
		os.Exit(cli.New(cli.Deps{
			Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin, Getenv: os.Getenv,
			Open: openCatalog, OpenConfigs: openConfigs, OpenCaller: openCaller, OpenBundles: openBundles, OpenWorkspace: openWorkspace, OpenAutomation: openAutomation, ServeAPI: serveAPI, Specs: specWorker(),
			ReadSecret: cli.TerminalSecrets(os.Stdin, os.Stderr),
		}).Run(context.Background(), os.Args[1:]))
	}
	if err := runGUI(); err != nil {
		fmt.Fprintln(os.Stderr, "Integration Studio could not start:", apperr.Public(err).Message)
		os.Exit(1)
	}
}

// services is everything one data dir gives the app, wired once.
type services struct {
	dir            datadir.Dir
	log            *slog.Logger
	logFile        string
	closers        []io.Closer
	db             *store.DB
	secrets        *secrets.Store
	integrations   *integration.Service
	configurations *configuration.Service
	bundles        *bundle.Service
	settings       *settings.Service
	blueprints     *blueprint.Service
	playbooks      *playbook.Service
	webhooks       *webhook.Service
	apiTokens      *apitoken.Service
}

// openServices opens the data dir. openBrowser shows the OAuth consent
// page: Wails' BrowserOpenURL in the app, xdg-open and friends in the CLI.
func openServices(ctx context.Context, override string, openBrowser func(string) error) (*services, error) {
	dir, err := datadir.Resolve(override, os.Getenv)
	if err != nil {
		return nil, err
	}
	if err := dir.Ensure(); err != nil {
		return nil, err
	}
	logger, logFile, logCloser, err := logging.Open(dir.Logs())
	if err != nil {
		return nil, err
	}
	svc := &services{dir: dir, log: logger, logFile: logFile, closers: []io.Closer{logCloser}}
	db, err := store.Open(ctx, dir.Database(), store.Options{BackupDir: dir.Backups()})
	if err != nil {
		logger.Error("open database", slog.String("error", err.Error()))
		svc.Close()
		return nil, err
	}
	svc.db = db
	svc.closers = append([]io.Closer{db}, svc.closers...)
	svc.secrets = secrets.New(db, secrets.SystemKeyring())
	svc.integrations = integration.NewService(db)
	svc.settings = settings.New(db)
	svc.configurations = configuration.New(configuration.Deps{
		DB: db, Secrets: svc.secrets, Integrations: svc.integrations, OpenBrowser: openBrowser,
	})
	svc.blueprints = blueprint.New(db, func(ctx context.Context) (int, error) {
		st, err := svc.settings.Get(ctx)
		return st.BlueprintLimit, err
	})
	svc.bundles = bundle.New(bundle.Deps{Integrations: svc.integrations, Blueprints: svc.blueprints, Secrets: svc.secrets, Specs: specWorker()})
	svc.webhooks = webhook.New(webhook.Deps{DB: db, Secrets: svc.secrets})
	svc.apiTokens = apitoken.New(db)
	svc.playbooks = playbook.New(db, svc.blueprints, svc.newRunner(nil), svc.webhooks)
	// A crash between a keyring write and its commit leaves a journalled key
	// behind; sweep those now. An unreachable keyring must not stop the app
	// from opening: only features that need a secret fail, with a message.
	if n, err := svc.secrets.Recover(ctx); err != nil {
		logger.Warn("keyring recovery skipped", slog.String("reason", apperr.Public(err).Message))
	} else if n > 0 {
		logger.Info("removed orphaned keyring entries", slog.Int("count", n))
	}
	logger.Info("data dir opened", slog.String("dir", dir.Root), slog.String("version", version.Version))
	return svc, nil
}

// newRunner is a runner on these services; emit (nil: none) receives its
// page events.
func (s *services) newRunner(emit runner.Emitter) *runner.Service {
	return runner.New(runner.Deps{DB: s.db, Integrations: s.integrations, Auth: s.configurations, Emit: emit, Events: s.webhooks})
}

// localAPIDeps wires the local API to these services and a runner.
func (s *services) localAPIDeps(runs *runner.Service) localapi.Deps {
	return localapi.Deps{Tokens: s.apiTokens, Integrations: s.integrations, Runs: runs, Configs: s.configurations, Playbooks: s.playbooks}
}

func (s *services) Close() error {
	var errs []error
	for _, c := range s.closers {
		errs = append(errs, c.Close())
	}
	return errors.Join(errs...)
}

// openCatalog adapts services to what the CLI needs.
func openCatalog(ctx context.Context, override string) (cli.Catalog, io.Closer, error) {
	svc, err := openServices(ctx, override, cli.OpenBrowser)
	if err != nil {
		return nil, nil, err
	}
	return svc.integrations, svc, nil
}

// openConfigs gives the CLI's config and auth commands the
// configurations; sign-in opens the system browser.
func openConfigs(ctx context.Context, override string) (cli.Configs, io.Closer, error) {
	svc, err := openServices(ctx, override, cli.OpenBrowser)
	if err != nil {
		return nil, nil, err
	}
	return svc.configurations, svc, nil
}

// openBundles gives the CLI's export and import-bundle the bundles.
func openBundles(ctx context.Context, override string) (cli.Bundles, io.Closer, error) {
	svc, err := openServices(ctx, override, cli.OpenBrowser)
	if err != nil {
		return nil, nil, err
	}
	return svc.bundles, svc, nil
}

// openWorkspace gives the CLI's blueprint and playbook commands their services.
func openWorkspace(ctx context.Context, override string) (cli.Workspace, io.Closer, error) {
	svc, err := openServices(ctx, override, cli.OpenBrowser)
	if err != nil {
		return nil, nil, err
	}
	return cli.NewWorkspace(svc.blueprints, svc.playbooks, svc.newRunner(nil), svc.integrations), svc, nil
}

// openAutomation gives the CLI's token and webhook commands their services.
func openAutomation(ctx context.Context, override string) (cli.Automation, io.Closer, error) {
	svc, err := openServices(ctx, override, cli.OpenBrowser)
	if err != nil {
		return nil, nil, err
	}
	return svc, svc, nil
}

func (s *services) Tokens() *apitoken.Service  { return s.apiTokens }
func (s *services) Webhooks() *webhook.Service { return s.webhooks }

// serveAPI runs the local API headless for `serve-api`, with webhook
// deliveries going out meanwhile.
func serveAPI(ctx context.Context, override string, port int, ready func(addr string)) error {
	svc, err := openServices(ctx, override, cli.OpenBrowser)
	if err != nil {
		return err
	}
	defer svc.Close()
	if port == 0 {
		st, err := svc.settings.Get(ctx)
		if err != nil {
			return err
		}
		port = st.LocalAPIPort
	}
	srv, err := localapi.Listen(svc.localAPIDeps(svc.newRunner(nil)), port)
	if err != nil {
		return err
	}
	go svc.webhooks.RunWorker(ctx, 15*time.Second, nil)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
	}()
	ready(srv.Addr())
	return srv.Serve()
}

// openCaller gives the CLI's call command the runner.
func openCaller(ctx context.Context, override string) (cli.Caller, io.Closer, error) {
	svc, err := openServices(ctx, override, cli.OpenBrowser)
	if err != nil {
		return nil, nil, err
	}
	return cli.JoinCaller(svc.newRunner(nil), svc.configurations), svc, nil
}

func runGUI() error {
	ctx := context.Background()
	var app *App
	svc, openErr := openServices(ctx, "", func(u string) error { return app.openBrowser(u) })
	if openErr == nil {
		defer svc.Close()
	} else {
		fmt.Fprintln(os.Stderr, "Integration Studio cannot open its data:", apperr.Public(openErr).Message)
	}
	app = NewApp(svc, openErr)
	lockID := "default"
	if dir, err := datadir.Resolve("", os.Getenv); err == nil {
		lockID = singleInstanceID(dir.Root)
	}
	return wails.Run(&options.App{
		Title:     version.Name,
		Width:     1200,
		Height:    780,
		MinWidth:  880,
		MinHeight: 560,
		AssetServer: &assetserver.Options{
			Assets:     assets,
			Middleware: securityHeaders,
		},
		OnStartup:      app.startup,
		ErrorFormatter: app.publicError,
		Bind:           []interface{}{app},
		// Files dropped on the window arrive as paths (runtime OnFileDrop in the UI).
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		// A second launch on the same data dir focuses the first window.
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "integration-studio-" + lockID,
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Linux: &linux.Options{
			Icon:             icon,
			ProgramName:      "integration-studio",
			WebviewGpuPolicy: linux.WebviewGpuPolicyOnDemand,
		},
	})
}

// specWorker runs spec work in a child process of this binary.
func specWorker() worker.Runner {
	exe, err := os.Executable()
	if err != nil {
		return worker.InProcess{} // cannot find ourselves: still work, without isolation
	}
	return worker.Child{Exe: exe}
}

// validateExternalURL allows only absolute http(s) links out of the app.
func validateExternalURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return apperr.FieldErrorf("url", "Only http and https links can be opened; %q is not one.", raw)
	}
	return nil
}
