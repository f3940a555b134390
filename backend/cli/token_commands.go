package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"integrationstudio/backend/apitoken"
	"integrationstudio/backend/apperr"
	"integrationstudio/backend/webhook"
)

// Automation is what the token and webhook commands need.
type Automation interface {
	Tokens() *apitoken.Service
	Webhooks() *webhook.Service
}

func (inv *invocation) withAutomation(ctx context.Context, args int, f func(a Automation) int) int {
	if len(inv.args) != args {
		return inv.cli.usageError("%s: expected %d argument(s), got %d (see `help %s`)", inv.commandName, args, len(inv.args), inv.commandName)
	}
	if inv.cli.deps.OpenAutomation == nil {
		return inv.fail(apperr.Errorf(apperr.Unavailable, "%s: not available in this build.", inv.commandName))
	}
	a, closer, err := inv.cli.deps.OpenAutomation(ctx, inv.dataDir)
	if err != nil {
		return inv.fail(err)
	}
	defer closer.Close()
	return f(a)
}

func tokenCommand() *command {
	return &command{
		name: "token", summary: "API tokens for the local automation API",
		subcommands: []*command{
			{name: "token create", summary: "create a token; it is printed once and never again", usage: "NAME",
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withAutomation(ctx, 1, func(a Automation) int {
						c, err := a.Tokens().Create(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						fmt.Fprintln(inv.cli.deps.Stdout, c.Value)
						fmt.Fprintf(inv.cli.deps.Stderr, "Token %q created. Copy it now: it is shown only once (only its hash is kept).\n", c.Name)
						return ExitOK
					})
				}},
			{name: "token list", summary: "list the tokens (never their values)", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withAutomation(ctx, 0, func(a Automation) int {
						list, err := a.Tokens().List(ctx)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(list)
						}
						tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
						fmt.Fprintln(tw, "NAME\tTOKEN\tCREATED\tLAST USED\tSTATE")
						for _, t := range list {
							state := "active"
							if t.RevokedAt != nil {
								state = "revoked " + t.RevokedAt.Local().Format(time.DateTime)
							}
							fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Name, t.Hint, t.CreatedAt.Local().Format(time.DateTime), whenOrNever(t.LastUsedAt), state)
						}
						tw.Flush()
						return ExitOK
					})
				}},
			{name: "token revoke", summary: "revoke a token: requests with it are refused from now on", usage: "NAME|ID",
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withAutomation(ctx, 1, func(a Automation) int {
						t, err := a.Tokens().Revoke(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						fmt.Fprintf(inv.cli.deps.Stdout, "Revoked token %q (%s).\n", t.Name, t.Hint)
						return ExitOK
					})
				}},
		},
	}
}

func whenOrNever(t *time.Time) string {
	if t == nil {
		return "never"
	}
	return t.Local().Format(time.DateTime)
}

func webhookCommand() *command {
	return &command{
		name: "webhook", summary: "signed webhooks and their delivery log",
		subcommands: []*command{
			{name: "webhook add", summary: "register a receiver", usage: "URL [--event E ...] [--signing-key-stdin | --generate-key] [--json]",
				flags: func(fs *flag.FlagSet, inv *invocation) {
					fs.Var(&inv.events, "event", "an `event` to send: "+strings.Join(webhook.Events(), ", ")+" (repeat; default all)")
					fs.BoolVar(&inv.keyStdin, "signing-key-stdin", false, "read a whsec_ signing key from standard input")
					fs.BoolVar(&inv.generateKey, "generate-key", false, "generate a signing key (printed once)")
					jsonFlag(fs, inv)
				},
				run: func(ctx context.Context, inv *invocation) int {
					if inv.keyStdin && inv.generateKey {
						return inv.cli.usageError("webhook add: use --signing-key-stdin or --generate-key, not both")
					}
					in := webhook.Input{Events: inv.events, GenerateKey: inv.generateKey}
					if len(in.Events) == 0 {
						in.Events = webhook.Events()
					}
					if inv.keyStdin {
						b, err := io.ReadAll(io.LimitReader(inv.cli.deps.Stdin, 4096))
						if err != nil {
							return inv.fail(err)
						}
						in.SigningKey = strings.TrimSpace(string(b))
					}
					return inv.withAutomation(ctx, 1, func(a Automation) int {
						in.URL = inv.args[0]
						c, err := a.Webhooks().Create(ctx, in)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(c)
						}
						fmt.Fprintf(inv.cli.deps.Stdout, "Added webhook %s → %s (%s).\n", c.ID, c.URL, strings.Join(c.Events, ", "))
						if c.SigningKey != "" {
							fmt.Fprintf(inv.cli.deps.Stdout, "Signing key (shown once; give it to the receiver): %s\n", c.SigningKey)
						}
						return ExitOK
					})
				}},
			{name: "webhook list", summary: "list the webhooks", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withAutomation(ctx, 0, func(a Automation) int {
						list, err := a.Webhooks().List(ctx)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(list)
						}
						tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
						fmt.Fprintln(tw, "ID\tURL\tEVENTS\tSIGNED\tSTATE")
						for _, w := range list {
							state := "active"
							if w.DisabledReason != "" {
								state = "disabled: " + w.DisabledReason
							}
							fmt.Fprintf(tw, "%s\t%s\t%s\t%v\t%s\n", w.ID, w.URL, strings.Join(w.Events, ","), w.Signed, state)
						}
						tw.Flush()
						return ExitOK
					})
				}},
			{name: "webhook test", summary: "send a signed ping now and show the answer", usage: "ID",
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withAutomation(ctx, 1, func(a Automation) int {
						at, err := a.Webhooks().Test(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						if at.Error != "" {
							fmt.Fprintf(inv.cli.deps.Stderr, "integration-studio: %s\n", at.Error)
							return ExitFailure
						}
						fmt.Fprintf(inv.cli.deps.Stdout, "Delivered: %d in %d ms. %s\n", at.Status, at.LatencyMs, strings.TrimSpace(at.Excerpt))
						return ExitOK
					})
				}},
			{name: "webhook deliveries", summary: "the delivery log of a webhook", usage: "ID [--json]", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withAutomation(ctx, 1, func(a Automation) int {
						list, err := a.Webhooks().Deliveries(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(list)
						}
						tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
						fmt.Fprintln(tw, "EVENT\tSTATUS\tATTEMPTS\tLAST\tLATENCY\tNEXT RETRY")
						for _, d := range list {
							fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d ms\t%s\n", d.Event, d.Status, d.Attempts, d.LastStatus, d.LastLatencyMs, whenOrNever(d.NextAttemptAt))
						}
						tw.Flush()
						return ExitOK
					})
				}},
		},
	}
}
