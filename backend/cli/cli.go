// Package cli is the headless side of the binary: `integration-studio
// <command>` runs without a window or a display. Commands register in
// New; a group such as auth is a command whose subcommands (auth login,
// auth status…) are commands in their own right.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/configuration"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/worker"
)

// Exit codes are API for scripts.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // the command ran and found problems or failed
	ExitUsage   = 2 // bad usage or bad input
)

// Catalog is what the CLI reads and writes integrations through.
type Catalog interface {
	List(ctx context.Context) ([]integration.Summary, error)
	Get(ctx context.Context, id string) (integration.Integration, error)
	Import(ctx context.Context, in integration.ImportInput) (integration.Imported, error)
	Finalize(ctx context.Context, id string) (integration.Integration, error)
	SetStatus(ctx context.Context, id string, to integration.Status) (integration.Integration, error)
	PreviewRename(ctx context.Context, id string, r integration.Rename) ([]integration.RenameChange, error)
	ApplyRename(ctx context.Context, id string, r integration.Rename) ([]integration.RenameChange, error)
	Update(ctx context.Context, id string, form integration.EditForm) (integration.Integration, error)
	AcceptSuggestions(ctx context.Context, id string, s spec.Suggestions) ([]string, error)
	ListActions(ctx context.Context, id string, q integration.ActionQuery) (integration.ActionPage, error)
	UpdateAction(ctx context.Context, id string, a integration.Action) (integration.Action, error)
}

// Configs is what the CLI manages configurations and their sign-in
// through (a *configuration.Service). Nothing here returns a secret.
type Configs interface {
	SecretFields(ctx context.Context, integrationID string) ([]string, error)
	Create(ctx context.Context, integrationID string, in configuration.Input) (configuration.Configuration, error)
	List(ctx context.Context, integrationID string) ([]configuration.Configuration, error)
	FindByName(ctx context.Context, integrationID, nameOrID string) (configuration.Configuration, error)
	Login(ctx context.Context, integrationID, id string, opts configuration.LoginOptions) (configuration.Configuration, error)
	Logout(ctx context.Context, integrationID, id string) (configuration.Configuration, error)
	Trust(ctx context.Context, integrationID, id string) (configuration.Configuration, error)
	SubmitSignInCode(id, pasted string) error
	DeleteIntegration(ctx context.Context, integrationID string) error
}

// Deps are the CLI's connections to the outside, injected by main.go.
type Deps struct {
	Stdout, Stderr io.Writer
	// Stdin feeds `config add --secret-stdin` and the address pasted
	// during `auth login`.
	Stdin  io.Reader
	Getenv func(string) string
	// Open opens the data dir (override "" means the default) and returns
	// the catalog and a Closer for everything it opened.
	Open func(ctx context.Context, dataDirOverride string) (Catalog, io.Closer, error)
	// OpenConfigs opens the data dir for the configuration and auth
	// commands, with the keyring behind it.
	OpenConfigs func(ctx context.Context, dataDirOverride string) (Configs, io.Closer, error)
	// ServeAPI runs the local API on port (0: the one in Settings) until
	// ctx ends, calling ready with its address once it listens.
	ServeAPI func(ctx context.Context, dataDirOverride string, port int, ready func(addr string)) error
	// OpenAutomation opens the data dir for the token and webhook commands.
	OpenAutomation func(ctx context.Context, dataDirOverride string) (Automation, io.Closer, error)
	// OpenWorkspace opens the data dir for the blueprint and playbook commands.
	OpenWorkspace func(ctx context.Context, dataDirOverride string) (Workspace, io.Closer, error)
	// OpenBundles opens the data dir for export and import-bundle.
	OpenBundles func(ctx context.Context, dataDirOverride string) (Bundles, io.Closer, error)
	// OpenCaller opens the data dir for `call`.
	OpenCaller func(ctx context.Context, dataDirOverride string) (Caller, io.Closer, error)
	// ReadSecret prompts for a secret and reads it without echo; nil when
	// standard input is not a terminal (then nothing is prompted for).
	ReadSecret func(prompt string) (string, error)
	// Specs reads, lints and fixes spec files (a child process in the app).
	Specs worker.Runner
}

// CLI dispatches subcommands.
type CLI struct {
	deps     Deps
	commands map[string]*command
}

type command struct {
	name    string // a subcommand's is its full name: "auth login"
	summary string
	usage   string // arguments after the command name
	// flags registers the command's own flags; run gets the parsed rest.
	flags func(fs *flag.FlagSet, c *invocation)
	run   func(ctx context.Context, c *invocation) int
	// subcommands make a group ("auth login", "auth status"): the group
	// itself has no flags and no run.
	subcommands []*command
}

// sub finds a group's subcommand by its last word.
func (cmd *command) sub(word string) *command {
	for _, s := range cmd.subcommands {
		if s.name == cmd.name+" "+word {
			return s
		}
	}
	return nil
}

func (cmd *command) subNames() string {
	names := make([]string, len(cmd.subcommands))
	for i, s := range cmd.subcommands {
		names[i] = strings.TrimPrefix(s.name, cmd.name+" ")
	}
	return strings.Join(names, ", ")
}

// invocation is one run of one command: its parsed flags and arguments.
type invocation struct {
	cli         *CLI
	commandName string // "list", "auth login"
	args        []string
	dataDir     string
	json        bool
	// Spec commands.
	output        string
	name          string
	allowFileRefs bool
	format        string
	rules         string
	// Authoring commands.
	pattern, replace, target string
	ignoreCase, dryRun       bool
	sets                     stringList // edit --set key=value, repeated
	acceptSuggestions        bool
	action                   string     // edit --action: an action's id or name
	body                     string     // call --body
	maxPages                 int        // call --max-pages
	yes                      bool       // delete --yes
	sign                     bool       // export --sign
	onConflict               string     // import-bundle --on-conflict
	description              string     // blueprint create --description
	from                     string     // blueprint generate --from
	events                   stringList // webhook add --event
	keyStdin, generateKey    bool       // webhook add
	port                     int        // serve-api --port
	// Configuration and auth commands.
	config      string // --config: a configuration's name or id
	org         string
	secretStdin string // config add --secret-stdin: the secret field read from stdin
	noBrowser   bool
}

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ", ") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// New returns a CLI with every command registered.
func New(deps Deps) *CLI {
	c := &CLI{deps: deps, commands: map[string]*command{}}
	for _, cmd := range []*command{helpCommand(), versionCommand(), listCommand(), lintCommand(), convertCommand(), fixCommand(), importCommand(),
		showCommand(), editCommand(), finalizeCommand(), statusCommand(), renameActionsCommand(), configCommand(), authCommand(), callCommand(), deleteCommand(), exportCommand(), importBundleCommand(), blueprintCommand(), playbookCommand(), tokenCommand(), webhookCommand(), serveAPICommand()} {
		c.commands[cmd.name] = cmd
	}
	return c
}

// Run executes args (without the program name) and returns the exit code.
func (c *CLI) Run(ctx context.Context, args []string) int {
	// A leading --data-dir applies to whichever command follows.
	global := flag.NewFlagSet("integration-studio", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	var dataDir string
	global.StringVar(&dataDir, "data-dir", "", "")
	if err := global.Parse(args); err != nil {
		return c.usageError("%v", err)
	}
	args = global.Args()
	if len(args) == 0 {
		c.printHelp(c.deps.Stderr)
		return ExitUsage
	}
	name := args[0]
	if name == "-h" || name == "--help" {
		name = "help"
	}
	cmd, ok := c.commands[name]
	if !ok {
		return c.usageError("unknown command %q", name)
	}
	for cmd.subcommands != nil {
		if len(args) < 2 || strings.HasPrefix(args[1], "-") {
			if len(args) >= 2 && (args[1] == "-h" || args[1] == "-help" || args[1] == "--help") {
				c.printCommandHelp(c.deps.Stdout, cmd)
				return ExitOK
			}
			return c.usageError("%s: give a subcommand: %s", cmd.name, cmd.subNames())
		}
		sub := cmd.sub(args[1])
		if sub == nil {
			return c.usageError("%s: unknown subcommand %q (want %s)", cmd.name, args[1], cmd.subNames())
		}
		cmd, args = sub, args[1:]
	}
	name = cmd.name
	inv := &invocation{cli: c, dataDir: dataDir, commandName: name}
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&inv.dataDir, "data-dir", dataDir, "")
	if cmd.flags != nil {
		cmd.flags(fs, inv)
	}
	positional, err := parseInterspersed(fs, args[1:])
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			c.printCommandHelp(c.deps.Stdout, cmd)
			return ExitOK
		}
		return c.usageError("%s: %v", name, err)
	}
	inv.args = positional
	return cmd.run(ctx, inv)
}

func (c *CLI) usageError(format string, args ...any) int {
	fmt.Fprintf(c.deps.Stderr, "integration-studio: %s\nRun 'integration-studio help' for usage.\n", fmt.Sprintf(format, args...))
	return ExitUsage
}

// fail prints err's user-safe message and maps its code to an exit code:
// bad input is a usage error, everything else a failure.
func (inv *invocation) fail(err error) int {
	pub := apperr.Public(err)
	fmt.Fprintf(inv.cli.deps.Stderr, "integration-studio: %s\n", pub.Message)
	if pub.Code == apperr.Invalid {
		return ExitUsage
	}
	return ExitFailure
}

func (c *CLI) printHelp(w io.Writer) {
	fmt.Fprintf(w, "Integration Studio: author custom integrations for vendor APIs.\n\n")
	fmt.Fprintf(w, "Usage:\n  integration-studio                 open the app window\n  integration-studio [--data-dir DIR] <command> [flags]\n\nCommands:\n")
	names := make([]string, 0, len(c.commands))
	for n := range c.commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		cmd := c.commands[n]
		if cmd.subcommands == nil {
			fmt.Fprintf(w, "  %-15s %s\n", n, cmd.summary)
		}
		for _, sub := range cmd.subcommands {
			fmt.Fprintf(w, "  %-15s %s\n", sub.name, sub.summary)
		}
	}
	fmt.Fprintf(w, "\nGlobal flags:\n  --data-dir DIR   use DIR as the data directory for this run (default: $INTEGRATION_STUDIO_HOME, else the OS config dir)\n")
	fmt.Fprintf(w, "\nExit codes: 0 ok, 1 findings or failure, 2 usage or input error.\n")
}

func (c *CLI) printCommandHelp(w io.Writer, cmd *command) {
	if cmd.subcommands != nil {
		fmt.Fprintf(w, "Usage: integration-studio %s <subcommand> [flags]\n\n%s\n\nSubcommands:\n", cmd.name, cmd.summary)
		for _, sub := range cmd.subcommands {
			fmt.Fprintf(w, "  %-15s %s\n", sub.name, sub.summary)
		}
		fmt.Fprintf(w, "\nRun 'integration-studio help %s <subcommand>' for its flags.\n", cmd.name)
		return
	}
	fmt.Fprintf(w, "Usage: integration-studio %s %s\n\n%s\n", cmd.name, strings.TrimSpace(cmd.usage), cmd.summary)
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.String("data-dir", "", "use `DIR` as the data directory for this run")
	if cmd.flags != nil {
		cmd.flags(fs, &invocation{})
	}
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
}

// parseInterspersed lets flags come before or after arguments
// ("import spec.yaml --json" as well as "import --json spec.yaml"); a lone
// "--" ends flag parsing.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}
