package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/runner"
)

// Caller is what `call` needs: actions and configurations resolved by
// name, and the runner (a runner.Service beside a configuration.Service).
type Caller interface {
	FindAction(ctx context.Context, integrationID, ref string) (integration.Action, error)
	FindByName(ctx context.Context, integrationID, nameOrID string) (configuration.Configuration, error)
	Run(ctx context.Context, r runner.Request) (runner.Run, error)
}

// JoinCaller is the Caller of a runner and the configurations that give
// it credentials.
func JoinCaller(runs *runner.Service, configs *configuration.Service) Caller {
	return caller{runs: runs, configs: configs}
}

type caller struct {
	runs    *runner.Service
	configs *configuration.Service
}

func (c caller) FindAction(ctx context.Context, integrationID, ref string) (integration.Action, error) {
	return c.runs.FindAction(ctx, integrationID, ref)
}

func (c caller) FindByName(ctx context.Context, integrationID, nameOrID string) (configuration.Configuration, error) {
	return c.configs.FindByName(ctx, integrationID, nameOrID)
}

func (c caller) Run(ctx context.Context, r runner.Request) (runner.Run, error) {
	return c.runs.Run(ctx, r)
}

// maxBodyFile bounds --body @file.
const maxBodyFile = 16 << 20

func callCommand() *command {
	return &command{
		name: "call", summary: "call an action at the vendor with a configuration's credentials, paging through the results",
		usage: "ID ACTION [--config NAME] [--param k=v ...] [--body JSON|@file.json] [--max-pages N] [--json]   (ACTION: the action's id, operationId or name)",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			configFlag(fs, inv, "the configuration (`name` or id) whose credentials are sent; optional for No Auth")
			fs.Var(&inv.sets, "param", "a parameter `k=v` (repeat; query.k=v or header.k=v when a name is used twice)")
			fs.StringVar(&inv.body, "body", "", "the JSON request `body`, or @file.json to read it from a file")
			fs.IntVar(&inv.maxPages, "max-pages", 0, "stop after `N` pages (at most 20; default: the pagination's page limit)")
			fs.BoolVar(&inv.json, "json", false, "print an object with the items, the per-page trace and why paging stopped")
		},
		run: func(ctx context.Context, inv *invocation) int {
			if len(inv.args) != 2 {
				return inv.cli.usageError("call: expected 2 arguments, the integration's ID and the ACTION, got %d", len(inv.args))
			}
			if inv.maxPages < 0 || inv.maxPages > 20 {
				return inv.cli.usageError("call: --max-pages must be 1 to 20, got %d", inv.maxPages)
			}
			params := map[string]string{}
			for _, kv := range inv.sets {
				k, v, ok := strings.Cut(kv, "=")
				if !ok || strings.TrimSpace(k) == "" {
					return inv.cli.usageError("call: --param %q is not k=v", kv)
				}
				params[strings.TrimSpace(k)] = v
			}
			body := inv.body
			if strings.HasPrefix(body, "@") {
				b, err := readBodyFile(body[1:])
				if err != nil {
					return inv.fail(err)
				}
				body = b
			}
			if inv.cli.deps.OpenCaller == nil {
				return inv.fail(apperr.Errorf(apperr.Unavailable, "call: calling vendors is not available in this build."))
			}
			c, closer, err := inv.cli.deps.OpenCaller(ctx, inv.dataDir)
			if err != nil {
				return inv.fail(err)
			}
			defer closer.Close()
			id := inv.args[0]
			action, err := c.FindAction(ctx, id, inv.args[1])
			if err != nil {
				return inv.fail(err)
			}
			configID := ""
			if inv.config != "" {
				cfg, err := c.FindByName(ctx, id, inv.config)
				if err != nil {
					return inv.fail(err)
				}
				configID = cfg.ID
			}
			sctx, stop := signal.NotifyContext(ctx, os.Interrupt)
			defer stop()
			run, err := c.Run(sctx, runner.Request{IntegrationID: id, ActionID: action.ID, ConfigurationID: configID,
				Input: runner.Input{Params: params, Body: body}, MaxPages: inv.maxPages})
			if err != nil {
				return inv.fail(err)
			}
			return inv.printRun(run)
		},
	}
}

func readBodyFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", apperr.Wrap(err, apperr.Invalid, "--body: cannot read %s: %v", path, unwrapPathError(err))
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxBodyFile+1))
	if err != nil {
		return "", apperr.Wrap(err, apperr.Invalid, "--body: cannot read %s: %v", path, err)
	}
	if len(b) > maxBodyFile {
		return "", apperr.Errorf(apperr.Invalid, "--body: %s is larger than 16 MB.", path)
	}
	return string(b), nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// printRun writes the items (or the whole result with --json) to stdout
// and why it is incomplete to stderr; exit 1 unless complete.
func (inv *invocation) printRun(run runner.Run) int {
	out := inv.cli.deps.Stdout
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	if inv.json {
		_ = enc.Encode(struct {
			Items      []json.RawMessage `json:"items"`
			Pages      any               `json:"pages"`
			Complete   bool              `json:"complete"`
			StopReason string            `json:"stopReason"`
			Error      *apperr.Error     `json:"error,omitempty"`
			RunID      string            `json:"runId"`
		}{run.Items, run.Pages, run.Complete, run.StopReason, run.Error, run.ID})
	} else {
		_ = enc.Encode(run.Items)
	}
	if run.Complete {
		return ExitOK
	}
	reason := run.StopReason
	if run.Error != nil {
		reason = run.Error.Message
	}
	fmt.Fprintf(inv.cli.deps.Stderr, "integration-studio: incomplete result (%d items): %s\n", run.ItemCount, reason)
	return ExitFailure
}
