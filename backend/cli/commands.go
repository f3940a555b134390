package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"runtime"
	"text/tabwriter"
	"time"

	"integrationstudio/backend/version"
)

func helpCommand() *command {
	return &command{
		name: "help", summary: "show usage, or a command's flags", usage: "[command [subcommand]]",
		run: func(_ context.Context, inv *invocation) int {
			c := inv.cli
			if len(inv.args) == 0 {
				c.printHelp(c.deps.Stdout)
				return ExitOK
			}
			cmd, ok := c.commands[inv.args[0]]
			if !ok {
				return c.usageError("help: unknown command %q", inv.args[0])
			}
			for _, word := range inv.args[1:] {
				if cmd.subcommands == nil {
					return c.usageError("help: %s has no subcommands", cmd.name)
				}
				sub := cmd.sub(word)
				if sub == nil {
					return c.usageError("help: unknown subcommand %q of %s (want %s)", word, cmd.name, cmd.subNames())
				}
				cmd = sub
			}
			c.printCommandHelp(c.deps.Stdout, cmd)
			return ExitOK
		},
	}
}

func versionCommand() *command {
	return &command{
		name: "version", summary: "print the app version", usage: "[--json]",
		flags: func(fs *flag.FlagSet, inv *invocation) { fs.BoolVar(&inv.json, "json", false, "print JSON") },
		run: func(_ context.Context, inv *invocation) int {
			out := inv.cli.deps.Stdout
			if inv.json {
				return inv.writeJSON(map[string]string{"name": version.Name, "version": version.Version, "go": runtime.Version()})
			}
			fmt.Fprintf(out, "%s %s (%s, %s/%s)\n", version.Name, version.Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return ExitOK
		},
	}
}

func listCommand() *command {
	return &command{
		name: "list", summary: "list the integrations in the data directory", usage: "[--json]",
		flags: func(fs *flag.FlagSet, inv *invocation) { fs.BoolVar(&inv.json, "json", false, "print JSON") },
		run: func(ctx context.Context, inv *invocation) int {
			if len(inv.args) > 0 {
				return inv.cli.usageError("list: unexpected argument %q", inv.args[0])
			}
			catalog, closer, err := inv.cli.deps.Open(ctx, inv.dataDir)
			if err != nil {
				return inv.fail(err)
			}
			defer closer.Close()
			items, err := catalog.List(ctx)
			if err != nil {
				return inv.fail(err)
			}
			if inv.json {
				return inv.writeJSON(items)
			}
			out := inv.cli.deps.Stdout
			if len(items) == 0 {
				fmt.Fprintln(out, "No integrations yet. Open the app to create one.")
				return ExitOK
			}
			tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "NAME\tSTATUS\tACTIONS\tUPDATED\tID")
			for _, it := range items {
				fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\n", it.Name, it.Status, it.ActionCount, it.UpdatedAt.Local().Format(time.DateTime), it.ID)
			}
			tw.Flush()
			return ExitOK
		},
	}
}

func (inv *invocation) writeJSON(v any) int {
	enc := json.NewEncoder(inv.cli.deps.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return inv.fail(err)
	}
	return ExitOK
}
