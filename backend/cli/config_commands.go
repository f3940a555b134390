package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/auth"
	"integrationstudio/backend/configuration"
)

// maxStdinSecret bounds what --secret-stdin reads: a secret is one line.
const maxStdinSecret = 64 << 10

// withConfigs opens the data dir's configurations for a command that
// takes exactly one integration id and runs f.
func (inv *invocation) withConfigs(ctx context.Context, f func(cs Configs, integrationID string) int) int {
	name := inv.commandName
	if len(inv.args) != 1 {
		return inv.cli.usageError("%s: expected 1 argument, the integration's ID (see `list`), got %d", name, len(inv.args))
	}
	if inv.cli.deps.OpenConfigs == nil {
		return inv.fail(apperr.Errorf(apperr.Unavailable, "%s: configurations are not available in this build.", name))
	}
	cs, closer, err := inv.cli.deps.OpenConfigs(ctx, inv.dataDir)
	if err != nil {
		return inv.fail(err)
	}
	defer closer.Close()
	return f(cs, inv.args[0])
}

// findConfig resolves --config (a name or an id); when nothing matches it
// names the configurations there are.
func (inv *invocation) findConfig(ctx context.Context, cs Configs, integrationID string) (configuration.Configuration, error) {
	c, err := cs.FindByName(ctx, integrationID, inv.config)
	if apperr.Code(err) != apperr.NotFound {
		return c, err
	}
	list, lerr := cs.List(ctx, integrationID)
	if lerr != nil {
		return c, lerr // most likely the integration itself is unknown
	}
	names := make([]string, len(list))
	for i, l := range list {
		names[i] = strconv.Quote(l.Name)
	}
	if len(names) == 0 {
		return c, apperr.Errorf(apperr.NotFound, "This integration has no configuration named %q; it has none yet (create one with `config add %s --name NAME`).", inv.config, integrationID)
	}
	return c, apperr.Errorf(apperr.NotFound, "This integration has no configuration named %q; its configurations are %s.", inv.config, strings.Join(names, ", "))
}

// withConfig runs f on the configuration --config names (required).
func (inv *invocation) withConfig(ctx context.Context, f func(cs Configs, integrationID string, c configuration.Configuration) int) int {
	if code, ok := inv.requireConfig(); !ok {
		return code
	}
	return inv.withConfigs(ctx, func(cs Configs, id string) int {
		c, err := inv.findConfig(ctx, cs, id)
		if err != nil {
			return inv.fail(err)
		}
		return f(cs, id, c)
	})
}

func (inv *invocation) requireConfig() (int, bool) {
	if strings.TrimSpace(inv.config) == "" {
		return inv.cli.usageError("%s: --config NAME is required (see `auth status ID` for the names)", inv.commandName), false
	}
	return 0, true
}

func configFlag(fs *flag.FlagSet, inv *invocation, what string) {
	fs.StringVar(&inv.config, "config", "", what)
}

func configCommand() *command {
	return &command{
		name: "config", summary: "manage an integration's configurations (one per client organisation)",
		subcommands: []*command{configAddCommand()},
	}
}

func authCommand() *command {
	return &command{
		name: "auth", summary: "sign a configuration in and out, show its status, confirm a changed address",
		subcommands: []*command{authLoginCommand(), authStatusCommand(), authLogoutCommand(), authTrustCommand()},
	}
}

func configAddCommand() *command {
	return &command{
		name: "config add", summary: "add a configuration; secrets are prompted for without echo, never taken as flags",
		usage: "ID --name NAME [--org ORG] [--set key=value ...] [--secret-stdin api_key|password|client_secret] [--json]   " +
			"(keys: username, client_id, redirect_port, and auth default overrides such as auth.oauth2.scope=read or api_key.header_name=X-Key)",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.name, "name", "", "the configuration's `NAME`, e.g. the client organisation it is for (required)")
			fs.StringVar(&inv.org, "org", "", "the client organisation (`ORG`)")
			fs.Var(&inv.sets, "set", "set a non-secret `key=value`: username, client_id, redirect_port, or an auth default override (repeatable)")
			fs.StringVar(&inv.secretStdin, "secret-stdin", "", "read the secret `FIELD` (api_key, password or client_secret) from standard input, for scripts")
			fs.BoolVar(&inv.json, "json", false, "print the configuration as JSON")
		},
		run: func(ctx context.Context, inv *invocation) int {
			if strings.TrimSpace(inv.name) == "" {
				return inv.cli.usageError("config add: --name NAME is required")
			}
			values, code, ok := inv.parseConfigSets()
			if !ok {
				return code
			}
			if inv.secretStdin != "" && !userSecret(inv.secretStdin) {
				return inv.cli.usageError("config add: --secret-stdin takes a secret field: api_key, password or client_secret")
			}
			return inv.withConfigs(ctx, func(cs Configs, id string) int {
				return inv.configAdd(ctx, cs, id, values)
			})
		},
	}
}

// userSecret reports whether field is a secret the user enters (tokens
// come from `auth login`).
func userSecret(field string) bool {
	switch field {
	case configuration.SecretAPIKey, configuration.SecretPassword, configuration.SecretClientSecret:
		return true
	}
	return false
}

// parseConfigSets turns config add's --set pairs into values. A secret is
// refused without echoing what was given for it.
func (inv *invocation) parseConfigSets() (configuration.Values, int, bool) {
	var v configuration.Values
	for _, kv := range inv.sets {
		key, value, hasValue := strings.Cut(kv, "=")
		key = strings.TrimSpace(key)
		// "client_secret", "auth.oauth2.client_secret": the last part names
		// it ("api_key.header_name" is the API key's header, not the key).
		last := strings.ToLower(key[strings.LastIndex(key, ".")+1:])
		if configuration.IsSecretKey(last) {
			if !userSecret(last) {
				return v, inv.cli.usageError("config add: %s is not set by hand: `auth login` obtains tokens", last), false
			}
			return v, inv.cli.usageError("config add: --set %s is refused: secrets are never taken as flags, which shell history and process lists keep. "+
				"Use --secret-stdin %s to pipe it in, or leave it out to be prompted without echo", last, last), false
		}
		if !hasValue || key == "" {
			return v, inv.cli.usageError("config add: --set needs key=value (key %q has no \"=\")", key), false
		}
		switch key {
		case "username":
			v.Username = value
		case "client_id":
			v.ClientID = value
		case "redirect_port":
			port, err := strconv.Atoi(strings.TrimSpace(value))
			if err != nil {
				return v, inv.cli.usageError("config add: redirect_port takes a port number (1024 to 65535), not %q", value), false
			}
			v.RedirectPort = port
		case "name":
			return v, inv.cli.usageError("config add: give the name with --name, not --set"), false
		case "org", "organization":
			return v, inv.cli.usageError("config add: give the organisation with --org, not --set"), false
		default:
			// An auth default override, as edit names it: the value is
			// JSON when it parses as JSON, else text.
			var parsed any
			if err := json.Unmarshal([]byte(value), &parsed); err != nil {
				parsed = value
			}
			if v.Overrides == nil {
				v.Overrides = map[string]any{}
			}
			v.Overrides[strings.TrimPrefix(key, "auth.")] = parsed
		}
	}
	return v, ExitOK, true
}

// addedConfiguration is config add's JSON: the configuration and the
// secrets it still lacks (their names only).
type addedConfiguration struct {
	configuration.Configuration
	MissingSecrets []string `json:"missingSecrets"`
}

func (inv *invocation) configAdd(ctx context.Context, cs Configs, integrationID string, values configuration.Values) int {
	deps := inv.cli.deps
	fields, err := cs.SecretFields(ctx, integrationID)
	if err != nil {
		return inv.fail(err)
	}
	// A clash is reported before anyone types a secret for nothing.
	if existing, err := cs.FindByName(ctx, integrationID, inv.name); err == nil && strings.EqualFold(existing.Name, strings.TrimSpace(inv.name)) {
		return inv.fail(apperr.Errorf(apperr.Conflict, "This integration already has a configuration named %q.", existing.Name))
	}
	in := configuration.Input{Name: inv.name, Organization: inv.org, Values: values, Secrets: map[string]string{}}
	if inv.secretStdin != "" {
		if !contains(fields, inv.secretStdin) {
			return inv.fail(apperr.Errorf(apperr.Invalid, "--secret-stdin %s: this integration's configurations take %s.", inv.secretStdin, listOrNone(fields)))
		}
		secret, code, ok := inv.readStdinSecret()
		if !ok {
			return code
		}
		in.Secrets[inv.secretStdin] = secret
	}
	var missing []string
	for _, f := range fields {
		if in.Secrets[f] != "" {
			continue
		}
		if deps.ReadSecret != nil && inv.secretStdin == "" {
			v, err := deps.ReadSecret(fmt.Sprintf("%s for %q (input hidden; Enter to leave it empty): ", secretLabel(f), strings.TrimSpace(inv.name)))
			if err != nil {
				return inv.fail(apperr.Wrap(err, apperr.Unavailable, "Cannot read the %s from the terminal.", secretLabel(f)))
			}
			if v = strings.TrimRight(v, "\r\n"); v != "" {
				in.Secrets[f] = v
				continue
			}
		}
		missing = append(missing, f)
	}
	c, err := cs.Create(ctx, integrationID, in)
	if err != nil {
		return inv.fail(err)
	}
	if len(missing) > 0 {
		why := "it was left empty"
		if deps.ReadSecret == nil && inv.secretStdin == "" {
			why = "standard input is not a terminal, so nothing was prompted for"
		}
		fmt.Fprintf(deps.Stderr, "integration-studio: %s not saved yet (%s). Enter it in the app's configuration editor.\n", strings.Join(missing, ", "), why)
	}
	if inv.json {
		return inv.writeJSON(addedConfiguration{Configuration: c, MissingSecrets: append([]string{}, missing...)})
	}
	fmt.Fprintf(deps.Stdout, "Created configuration %q (id %s). Status: %s.\n", c.Name, c.ID, stateLabel(c.Status))
	return ExitOK
}

// readStdinSecret reads exactly one value: all of standard input, less one
// trailing newline.
func (inv *invocation) readStdinSecret() (string, int, bool) {
	if inv.cli.deps.Stdin == nil {
		return "", inv.cli.usageError("config add: --secret-stdin: no standard input"), false
	}
	b, err := io.ReadAll(io.LimitReader(inv.cli.deps.Stdin, maxStdinSecret+1))
	if err != nil {
		return "", inv.fail(apperr.Wrap(err, apperr.Unavailable, "Cannot read standard input.")), false
	}
	if len(b) > maxStdinSecret {
		return "", inv.cli.usageError("config add: --secret-stdin: standard input is over %d KiB; a secret is one line", maxStdinSecret>>10), false
	}
	s := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
	if s == "" {
		return "", inv.cli.usageError("config add: --secret-stdin %s: standard input was empty", inv.secretStdin), false
	}
	return s, ExitOK, true
}

func secretLabel(field string) string {
	switch field {
	case configuration.SecretAPIKey:
		return "API key"
	case configuration.SecretPassword:
		return "Password"
	case configuration.SecretClientSecret:
		return "Client secret"
	}
	return field
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

func listOrNone(list []string) string {
	if len(list) == 0 {
		return "no secrets"
	}
	return strings.Join(list, ", ")
}

func authLoginCommand() *command {
	return &command{
		name: "auth login", summary: "sign a configuration in: the browser sign-in (authorization code) or a token (client credentials)",
		usage: "ID --config NAME [--no-browser]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			configFlag(fs, inv, "the configuration's `name` or id (required)")
			fs.BoolVar(&inv.noBrowser, "no-browser", false, "print the sign-in address instead of opening the browser")
		},
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withConfig(ctx, func(cs Configs, id string, c configuration.Configuration) int {
				var err error
				out := inv.cli.deps.Stdout
				// Ctrl-C ends the wait cleanly: the loopback listener closes.
				sctx, stop := signal.NotifyContext(ctx, os.Interrupt)
				defer stop()
				c, err = cs.Login(sctx, id, c.ID, configuration.LoginOptions{NoBrowser: inv.noBrowser, Started: func(s configuration.SignInStarted) {
					switch {
					case s.BrowserError != "":
						fmt.Fprintf(out, "%s\n\n", s.BrowserError)
						fmt.Fprintf(out, "Open this address in your browser to sign in:\n  %s\n", s.URL)
					case inv.noBrowser:
						fmt.Fprintf(out, "Open this address in your browser to sign in:\n  %s\n", s.URL)
					default:
						fmt.Fprintf(out, "Your browser is opening the sign-in page. If it does not, open:\n  %s\n", s.URL)
					}
					fmt.Fprintf(out, "The vendor must have this redirect URI registered: %s\n", s.RedirectURI)
					fmt.Fprintln(out, "Waiting for the sign-in to finish (up to 5 minutes; Ctrl-C cancels)…")
					fmt.Fprintln(out, "If the browser runs on another machine, paste the address it ended on (or the code it shows) here and press Enter.")
					go inv.readPastedCodes(cs, c.ID)
				}})
				if err != nil {
					if sctx.Err() != nil && ctx.Err() == nil {
						fmt.Fprintln(inv.cli.deps.Stderr, "integration-studio: The sign-in was cancelled.")
						return ExitFailure
					}
					return inv.fail(err)
				}
				fmt.Fprintf(out, "%s: %s%s.\n", c.Name, stateLabel(c.Status), expiresSuffix(c.Status, time.Now()))
				return ExitOK
			})
		},
	}
}

func authStatusCommand() *command {
	return &command{
		name: "auth status", summary: "show the sign-in status of one configuration, or of all of an integration's",
		usage: "ID [--config NAME] [--json]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			configFlag(fs, inv, "only this configuration (its `name` or id)")
			fs.BoolVar(&inv.json, "json", false, "print JSON (an object with --config, else an array)")
		},
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withConfigs(ctx, func(cs Configs, id string) int {
				now := time.Now()
				if inv.config != "" {
					c, err := inv.findConfig(ctx, cs, id)
					if err != nil {
						return inv.fail(err)
					}
					if inv.json {
						return inv.writeJSON(c)
					}
					printConfigStatus(inv, c, now)
					return ExitOK
				}
				list, err := cs.List(ctx, id)
				if err != nil {
					return inv.fail(err)
				}
				if inv.json {
					return inv.writeJSON(list)
				}
				out := inv.cli.deps.Stdout
				if len(list) == 0 {
					fmt.Fprintf(out, "No configurations yet. Add one with `config add %s --name NAME`.\n", id)
					return ExitOK
				}
				tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "NAME\tSTATE\tEXPIRES\tLAST ERROR\tID")
				for _, c := range list {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", c.Name, stateWithOrigin(c), expiresLabel(c.Status, now), orDash(oneLine(c.Status.LastError)), c.ID)
				}
				tw.Flush()
				return ExitOK
			})
		},
	}
}

func printConfigStatus(inv *invocation, c configuration.Configuration, now time.Time) {
	tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
	rows := [][2]string{
		{"Name", c.Name}, {"ID", c.ID}, {"Organisation", orDash(c.Organization)},
		{"Method", string(c.Status.Method)}, {"State", stateLabel(c.Status)}, {"Expires", expiresLabel(c.Status, now)},
		{"Last error", orDash(oneLine(c.Status.LastError))}, {"Secrets saved", listOrNone(c.SecretFields)},
	}
	if o := c.OriginChange; o != nil {
		rows = append(rows, [2]string{"Address changed", fmt.Sprintf("secrets were saved for %s, the integration now uses %s; run `auth trust %s --config %q` to confirm",
			o.TrustedHostname, o.Hostname, c.IntegrationID, c.Name)})
	}
	for _, row := range rows {
		fmt.Fprintf(tw, "%s:\t%s\n", row[0], row[1])
	}
	tw.Flush()
}

func authLogoutCommand() *command {
	return &command{
		name: "auth logout", summary: "sign a configuration out: its tokens leave the keyring, the client secret stays",
		usage: "ID --config NAME",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			configFlag(fs, inv, "the configuration's `name` or id (required)")
		},
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withConfig(ctx, func(cs Configs, id string, c configuration.Configuration) int {
				var err error
				if c.Status.Method != auth.MethodOAuth2 {
					fmt.Fprintf(inv.cli.deps.Stdout, "%s has nothing to sign out of: its credentials are sent as saved (%s).\n", c.Name, c.Status.Method)
					return ExitOK
				}
				if c, err = cs.Logout(ctx, id, c.ID); err != nil {
					return inv.fail(err)
				}
				fmt.Fprintf(inv.cli.deps.Stdout, "%s: %s. Its tokens were removed from the keyring; the client secret stays.\n", c.Name, stateLabel(c.Status))
				return ExitOK
			})
		},
	}
}

func authTrustCommand() *command {
	return &command{
		name: "auth trust", summary: "confirm that a changed hostname or token URL may receive a configuration's secrets",
		usage: "ID --config NAME",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			configFlag(fs, inv, "the configuration's `name` or id (required)")
		},
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withConfig(ctx, func(cs Configs, id string, c configuration.Configuration) int {
				var err error
				o := c.OriginChange
				if o == nil {
					fmt.Fprintf(inv.cli.deps.Stdout, "Nothing to confirm: the integration's address has not changed since %s's secrets were saved.\n", c.Name)
					return ExitOK
				}
				if c, err = cs.Trust(ctx, id, c.ID); err != nil {
					return inv.fail(err)
				}
				msg := fmt.Sprintf("Confirmed: %s's secrets may now be sent to %s", c.Name, o.Hostname)
				if o.TokenURL != "" && o.TokenURL != o.TrustedTokenURL {
					msg += fmt.Sprintf(" and its token URL %s", o.TokenURL)
				}
				fmt.Fprintf(inv.cli.deps.Stdout, "%s (was %s). State: %s.\n", msg, o.TrustedHostname, stateLabel(c.Status))
				return ExitOK
			})
		},
	}
}

// stateLabel is a status's state in words: "signed in", "needs sign in".
func stateLabel(st auth.Status) string {
	return strings.ReplaceAll(string(st.State), "_", " ")
}

func stateWithOrigin(c configuration.Configuration) string {
	if c.OriginChange != nil {
		return stateLabel(c.Status) + " (address changed: auth trust)"
	}
	return stateLabel(c.Status)
}

// expiresLabel is "2026-11-24 13:00:00 (in 59m)", "… (expired)" or "—".
func expiresLabel(st auth.Status, now time.Time) string {
	if st.ExpiresAt == nil {
		return "—"
	}
	at := st.ExpiresAt.Local().Format(time.DateTime)
	d := st.ExpiresAt.Sub(now)
	if d <= 0 {
		return at + " (expired)"
	}
	return at + " (in " + humanDuration(d) + ")"
}

func expiresSuffix(st auth.Status, now time.Time) string {
	if st.ExpiresAt == nil {
		return ""
	}
	return ", expires " + expiresLabel(st, now)
}

func humanDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "under a minute"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// readPastedCodes is the paste-the-code fallback of `auth login`: each
// non-empty line of standard input is offered to the waiting sign-in
// until one is accepted or input ends.
func (inv *invocation) readPastedCodes(cs Configs, id string) {
	if inv.cli.deps.Stdin == nil {
		return
	}
	sc := bufio.NewScanner(inv.cli.deps.Stdin)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		err := cs.SubmitSignInCode(id, line)
		if err == nil || apperr.Code(err) == apperr.Conflict || apperr.Code(err) == apperr.NotFound {
			return // accepted, refused for good (the wait reports why), or already over
		}
		fmt.Fprintf(inv.cli.deps.Stderr, "integration-studio: %s\n", apperr.Public(err).Message)
	}
}

func deleteCommand() *command {
	return &command{
		name: "delete", summary: "delete an integration with its actions, configurations and their keyring entries",
		usage: "ID --yes",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.BoolVar(&inv.yes, "yes", false, "confirm the deletion (it cannot be undone)")
		},
		run: func(ctx context.Context, inv *invocation) int {
			if !inv.yes && len(inv.args) == 1 {
				return inv.cli.usageError("delete: this removes the integration, its actions, its configurations and their secrets in the OS keyring, and cannot be undone; add --yes to confirm")
			}
			return inv.withConfigs(ctx, func(cs Configs, id string) int {
				if err := cs.DeleteIntegration(ctx, id); err != nil {
					return inv.fail(err)
				}
				fmt.Fprintf(inv.cli.deps.Stdout, "Deleted integration %s with its configurations and their keyring entries.\n", id)
				return ExitOK
			})
		},
	}
}
