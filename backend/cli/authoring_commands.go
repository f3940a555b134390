package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/integration"
)

// withCatalog opens the data dir for a command that takes exactly one
// integration id (plus want more arguments) and runs f.
func (inv *invocation) withCatalog(ctx context.Context, name string, more int, f func(c Catalog, id string, rest []string) int) int {
	if len(inv.args) != 1+more {
		return inv.cli.usageError("%s: expected %d argument(s) (see `help`), got %d", name, 1+more, len(inv.args))
	}
	catalog, closer, err := inv.cli.deps.Open(ctx, inv.dataDir)
	if err != nil {
		return inv.fail(err)
	}
	defer closer.Close()
	return f(catalog, inv.args[0], inv.args[1:])
}

func showCommand() *command {
	return &command{
		name: "show", summary: "show one integration", usage: "ID [--json]",
		flags: func(fs *flag.FlagSet, inv *invocation) { fs.BoolVar(&inv.json, "json", false, "print JSON") },
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withCatalog(ctx, "show", 0, func(c Catalog, id string, _ []string) int {
				it, err := c.Get(ctx, id)
				if err != nil {
					return inv.fail(err)
				}
				if inv.json {
					return inv.writeJSON(it)
				}
				printIntegration(inv, it)
				return ExitOK
			})
		},
	}
}

func printIntegration(inv *invocation, it integration.Integration) {
	tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
	finalized := "no"
	if it.FinalizedAt != nil {
		finalized = it.FinalizedAt.Local().Format(time.DateTime)
	}
	for _, row := range [][2]string{
		{"Name", it.Name}, {"ID", it.ID}, {"Status", string(it.Status)}, {"Finalized", finalized},
		{"Hostname", orDash(it.Hostname)}, {"Auth method", string(it.AuthMethod)},
		{"Actions", fmt.Sprint(it.ActionCount)}, {"Description", it.Description},
	} {
		fmt.Fprintf(tw, "%s:\t%s\n", row[0], row[1])
	}
	tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func editCommand() *command {
	return &command{
		name: "edit", summary: "change fields of an integration, validated as in the app",
		usage: "ID [--action ACTION] --set key=value [--set key=value ...] [--json]   (keys: name, hostname, auth.method, auth.api_key.header_name, pagination.type, pagination.after_param, …; for an action: name, description, method, path, paginated, pagination.type, …)",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.Var(&inv.sets, "set", "set `key=value` (dotted names of `show ID --json`'s fields; repeatable)")
			fs.StringVar(&inv.action, "action", "", "edit this action (its id or its name) instead of the integration")
			fs.BoolVar(&inv.json, "json", false, "print the result as JSON")
		},
		run: func(ctx context.Context, inv *invocation) int {
			if len(inv.sets) == 0 {
				return inv.cli.usageError("edit: nothing to change; give --set key=value")
			}
			return inv.withCatalog(ctx, "edit", 0, func(c Catalog, id string, _ []string) int {
				if inv.action != "" {
					return inv.editAction(ctx, c, id)
				}
				it, err := c.Get(ctx, id)
				if err != nil {
					return inv.fail(err)
				}
				form := integration.FormOf(it)
				for _, kv := range inv.sets {
					key, value, ok := strings.Cut(kv, "=")
					if !ok {
						return inv.cli.usageError("edit: --set %q is not key=value", kv)
					}
					if form, err = integration.SetField(form, strings.TrimSpace(key), value); err != nil {
						return inv.fail(err)
					}
				}
				if it, err = c.Update(ctx, id, form); err != nil {
					return inv.fail(err)
				}
				if inv.json {
					return inv.writeJSON(it)
				}
				printIntegration(inv, it)
				return ExitOK
			})
		},
	}
}

func finalizeCommand() *command {
	return &command{
		name: "finalize", summary: "finalize a draft: " + strings.Join(integration.ReadOnlyAfterFinalize(), ", ") + " become read-only", usage: "ID",
		flags: func(*flag.FlagSet, *invocation) {},
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withCatalog(ctx, "finalize", 0, func(c Catalog, id string, _ []string) int {
				it, err := c.Finalize(ctx, id)
				if err != nil {
					return inv.fail(err)
				}
				fmt.Fprintf(inv.cli.deps.Stdout, "Finalized %q: %s are now read-only. Status: %s (publish it with `status %s published`).\n",
					it.Name, strings.Join(integration.ReadOnlyAfterFinalize(), ", "), it.Status, it.ID)
				return ExitOK
			})
		},
	}
}

func statusCommand() *command {
	return &command{
		name: "status", summary: "set an integration's status", usage: "ID draft|published|hidden",
		flags: func(*flag.FlagSet, *invocation) {},
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withCatalog(ctx, "status", 1, func(c Catalog, id string, rest []string) int {
				it, err := c.SetStatus(ctx, id, integration.Status(rest[0]))
				if err != nil {
					return inv.fail(err)
				}
				fmt.Fprintf(inv.cli.deps.Stdout, "%s is %s.\n", it.Name, it.Status)
				return ExitOK
			})
		},
	}
}

func renameActionsCommand() *command {
	return &command{
		name: "rename-actions", summary: "regex replace in action names or descriptions",
		usage: "ID --pattern P --replace R [--target name|description|both] [--ignore-case] [--dry-run]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.pattern, "pattern", "", "regular `expression` to match (RE2 syntax; groups with ( ))")
			fs.StringVar(&inv.replace, "replace", "", "`replacement`; $1, $2… insert the groups")
			fs.StringVar(&inv.target, "target", "name", "what to rewrite: name, description or both")
			fs.BoolVar(&inv.ignoreCase, "ignore-case", false, "match regardless of case")
			fs.BoolVar(&inv.dryRun, "dry-run", false, "show the changes without applying them")
			fs.BoolVar(&inv.json, "json", false, "print the changes as JSON")
		},
		run: func(ctx context.Context, inv *invocation) int {
			return inv.withCatalog(ctx, "rename-actions", 0, func(c Catalog, id string, _ []string) int {
				r := integration.Rename{Pattern: inv.pattern, Replacement: inv.replace,
					Target: integration.RenameTarget(inv.target), IgnoreCase: inv.ignoreCase}
				apply := c.ApplyRename
				if inv.dryRun {
					apply = c.PreviewRename
				}
				changes, err := apply(ctx, id, r)
				if err != nil {
					return inv.fail(err)
				}
				if inv.json {
					return inv.writeJSON(changes)
				}
				tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, "FIELD\tBEFORE\tAFTER")
				for _, ch := range changes {
					fmt.Fprintf(tw, "%s\t%s\t%s\n", ch.Field, ch.Before, ch.After)
				}
				tw.Flush()
				verb := "Changed"
				if inv.dryRun {
					verb = "Would change (dry run, nothing written)"
				}
				fmt.Fprintf(inv.cli.deps.Stdout, "%s %d field(s).\n", verb, len(changes))
				return ExitOK
			})
		},
	}
}

// editAction applies edit's --set pairs to one action, found by id or by
// name (case-insensitive; an ambiguous name is refused, listing the ids).
func (inv *invocation) editAction(ctx context.Context, c Catalog, integrationID string) int {
	all, err := c.ListActions(ctx, integrationID, integration.ActionQuery{Limit: 1000})
	if err != nil {
		return inv.fail(err)
	}
	for offset := len(all.Actions); offset < all.Total; offset = len(all.Actions) {
		more, err := c.ListActions(ctx, integrationID, integration.ActionQuery{Offset: offset, Limit: 1000})
		if err != nil {
			return inv.fail(err)
		}
		if len(more.Actions) == 0 {
			break
		}
		all.Actions = append(all.Actions, more.Actions...)
	}
	var matches []integration.Action
	for _, a := range all.Actions {
		if a.ID == inv.action {
			matches = []integration.Action{a}
			break
		}
		if strings.EqualFold(a.Name, inv.action) {
			matches = append(matches, a)
		}
	}
	switch len(matches) {
	case 0:
		return inv.fail(apperr.Errorf(apperr.NotFound, "No action with id or name %q in this integration (see `show %s --json` and the app's actions list).", inv.action, integrationID))
	case 1:
	default:
		ids := make([]string, len(matches))
		for i, m := range matches {
			ids[i] = m.ID
		}
		return inv.fail(apperr.Errorf(apperr.Invalid, "%d actions are named %q; give one of their ids: %s.", len(matches), inv.action, strings.Join(ids, ", ")))
	}
	a := matches[0]
	var err2 error
	for _, kv := range inv.sets {
		key, value, ok := strings.Cut(kv, "=")
		if !ok {
			return inv.cli.usageError("edit: --set %q is not key=value", kv)
		}
		if a, err2 = integration.SetActionField(a, strings.TrimSpace(key), value); err2 != nil {
			return inv.fail(err2)
		}
	}
	a.ID = matches[0].ID // the id names the action; it is not editable
	updated, err := c.UpdateAction(ctx, integrationID, a)
	if err != nil {
		return inv.fail(err)
	}
	if inv.json {
		return inv.writeJSON(updated)
	}
	fmt.Fprintf(inv.cli.deps.Stdout, "Updated action %q: %s %s (paginated: %v).\n", updated.Name, updated.Method, updated.Path, updated.Paginated)
	return ExitOK
}
