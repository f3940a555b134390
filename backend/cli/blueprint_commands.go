package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/blueprint"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/playbook"
	"integrationstudio/backend/runner"
)

// Workspace is what the blueprint and playbook commands need.
type Workspace interface {
	Blueprints() *blueprint.Service
	Playbooks() *playbook.Service
	// ProposeBlueprint drafts a blueprint from INTEGRATION/ACTION, where
	// ACTION is an id, operationId or name.
	ProposeBlueprint(ctx context.Context, integrationID, actionRef string) (blueprint.Proposal, error)
}

func (inv *invocation) withWorkspace(ctx context.Context, args int, f func(w Workspace) int) int {
	if len(inv.args) != args {
		return inv.cli.usageError("%s: expected %d argument(s), got %d (see `help %s`)", inv.commandName, args, len(inv.args), inv.commandName)
	}
	if inv.cli.deps.OpenWorkspace == nil {
		return inv.fail(apperr.Errorf(apperr.Unavailable, "%s: not available in this build.", inv.commandName))
	}
	w, closer, err := inv.cli.deps.OpenWorkspace(ctx, inv.dataDir)
	if err != nil {
		return inv.fail(err)
	}
	defer closer.Close()
	return f(w)
}

func jsonFlag(fs *flag.FlagSet, inv *invocation) {
	fs.BoolVar(&inv.json, "json", false, "print JSON")
}

func blueprintCommand() *command {
	return &command{
		name: "blueprint", summary: "manage blueprints: containers of data fields that playbooks fill",
		subcommands: []*command{
			{name: "blueprint list", summary: "list the blueprints", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withWorkspace(ctx, 0, func(w Workspace) int {
						list, err := w.Blueprints().List(ctx)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(list)
						}
						tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
						fmt.Fprintln(tw, "NAME\tFIELDS\tID")
						for _, b := range list {
							fmt.Fprintf(tw, "%s\t%d\t%s\n", b.Name, len(b.Fields), b.ID)
						}
						tw.Flush()
						return ExitOK
					})
				}},
			{name: "blueprint show", summary: "show a blueprint and its fields", usage: "NAME|ID [--json]", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withWorkspace(ctx, 1, func(w Workspace) int {
						b, err := w.Blueprints().FindByName(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(b)
						}
						printBlueprint(inv, b)
						return ExitOK
					})
				}},
			{name: "blueprint create", summary: "create a blueprint", usage: "NAME --description D [--field name:description[:required]]... [--json]",
				flags: func(fs *flag.FlagSet, inv *invocation) {
					fs.StringVar(&inv.description, "description", "", "what the blueprint's records are (required)")
					fs.Var(&inv.sets, "field", "a field `name:description[:required]` (repeat, in order)")
					jsonFlag(fs, inv)
				},
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withWorkspace(ctx, 1, func(w Workspace) int {
						in := blueprint.Input{Name: inv.args[0], Description: inv.description}
						for _, spec := range inv.sets {
							f, err := parseField(spec)
							if err != nil {
								return inv.fail(err)
							}
							in.Fields = append(in.Fields, f)
						}
						b, err := w.Blueprints().Create(ctx, in)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(b)
						}
						fmt.Fprintf(inv.cli.deps.Stdout, "Created blueprint %q (%d fields, id %s).\n", b.Name, len(b.Fields), b.ID)
						return ExitOK
					})
				}},
			{name: "blueprint generate", summary: "create a blueprint with a field per property of an action's response items",
				usage: "--from INTEGRATION_ID/ACTION [--name NAME] [--json]   (ACTION: id, operationId or name)",
				flags: func(fs *flag.FlagSet, inv *invocation) {
					fs.StringVar(&inv.from, "from", "", "the `INTEGRATION_ID/ACTION` whose response items give the fields")
					fs.StringVar(&inv.name, "name", "", "the blueprint's name (default: the action's name)")
					jsonFlag(fs, inv)
				},
				run: func(ctx context.Context, inv *invocation) int {
					id, action, ok := strings.Cut(inv.from, "/")
					if !ok || id == "" || action == "" {
						return inv.cli.usageError("blueprint generate: --from must be INTEGRATION_ID/ACTION, got %q", inv.from)
					}
					return inv.withWorkspace(ctx, 0, func(w Workspace) int {
						p, err := w.ProposeBlueprint(ctx, id, action)
						if err != nil {
							return inv.fail(err)
						}
						if inv.name != "" {
							p.Name = inv.name
						}
						b, err := w.Blueprints().Create(ctx, p.Input)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(b)
						}
						fmt.Fprintf(inv.cli.deps.Stdout, "Created blueprint %q with %d fields from %s.\n", b.Name, len(b.Fields), p.Source)
						if p.Truncated {
							fmt.Fprintln(inv.cli.deps.Stdout, "Some deeply nested or surplus properties were left out; add them with the app if needed.")
						}
						printBlueprint(inv, b)
						return ExitOK
					})
				}},
			{name: "blueprint delete", summary: "delete a blueprint (refused while a playbook uses it)", usage: "NAME|ID [--json]", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withWorkspace(ctx, 1, func(w Workspace) int {
						b, err := w.Blueprints().FindByName(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						if err := w.Blueprints().Delete(ctx, b.ID, w.Playbooks().UsingBlueprint); err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(map[string]string{"deleted": b.ID, "name": b.Name})
						}
						fmt.Fprintf(inv.cli.deps.Stdout, "Deleted blueprint %q.\n", b.Name)
						return ExitOK
					})
				}},
		},
	}
}

// parseField reads name:description[:required].
func parseField(spec string) (blueprint.Field, error) {
	parts := strings.Split(spec, ":")
	f := blueprint.Field{Name: parts[0]}
	switch {
	case len(parts) == 2:
		f.Description = parts[1]
	case len(parts) == 3 && parts[2] == "required":
		f.Description, f.MappingRequired = parts[1], true
	default:
		return f, apperr.FieldErrorf("field", "--field %q is not name:description or name:description:required.", spec)
	}
	return f, nil
}

func printBlueprint(inv *invocation, b blueprint.Blueprint) {
	out := inv.cli.deps.Stdout
	fmt.Fprintf(out, "%s — %s\n", b.Name, b.Description)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, f := range b.Fields {
		req := ""
		if f.MappingRequired {
			req = "required"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\n", f.Name, req, f.Description)
	}
	tw.Flush()
}

func playbookCommand() *command {
	return &command{
		name: "playbook", summary: "list, show and run playbooks",
		subcommands: []*command{
			{name: "playbook list", summary: "list the playbooks", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withWorkspace(ctx, 0, func(w Workspace) int {
						list, err := w.Playbooks().List(ctx)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(list)
						}
						tw := tabwriter.NewWriter(inv.cli.deps.Stdout, 0, 4, 2, ' ', 0)
						fmt.Fprintln(tw, "NAME\tENABLED\tBLUEPRINTS\tID")
						for _, p := range list {
							fmt.Fprintf(tw, "%s\t%v\t%d\t%s\n", p.Name, p.Enabled, len(p.Blueprints), p.ID)
						}
						tw.Flush()
						return ExitOK
					})
				}},
			{name: "playbook show", summary: "show a playbook", usage: "NAME|ID [--json]", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withWorkspace(ctx, 1, func(w Workspace) int {
						p, err := w.Playbooks().FindByName(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							return inv.writeJSON(p)
						}
						n := 0
						for _, m := range p.Mappings {
							n += len(m)
						}
						fmt.Fprintf(inv.cli.deps.Stdout, "%s — enabled: %v, %d blueprints, %d data fields, action %s of integration %s\n",
							p.Name, p.Enabled, len(p.Blueprints), n, p.ActionID, p.IntegrationID)
						return ExitOK
					})
				}},
			{name: "playbook run", summary: "run a playbook now: call the action, map every item, keep the run", usage: "NAME|ID [--json]", flags: jsonFlag,
				run: func(ctx context.Context, inv *invocation) int {
					return inv.withWorkspace(ctx, 1, func(w Workspace) int {
						p, err := w.Playbooks().FindByName(ctx, inv.args[0])
						if err != nil {
							return inv.fail(err)
						}
						res, err := w.Playbooks().Run(ctx, p.ID)
						if err != nil {
							return inv.fail(err)
						}
						if inv.json {
							inv.writeJSON(res)
						} else {
							fmt.Fprintf(inv.cli.deps.Stdout, "%s: %s — %d items, %d records, %d field errors, %d ms\n", p.Name, res.Status, res.Items, len(res.Records), res.ErrorCount, res.DurationMs)
						}
						if res.Status != "complete" {
							fmt.Fprintf(inv.cli.deps.Stderr, "integration-studio: %s\n", res.Message)
							return ExitFailure
						}
						return ExitOK
					})
				}},
		},
	}
}

// NewWorkspace joins the services the blueprint and playbook commands use.
func NewWorkspace(bps *blueprint.Service, pbs *playbook.Service, runs *runner.Service, its *integration.Service) Workspace {
	return workspace{bps: bps, pbs: pbs, runs: runs, its: its}
}

type workspace struct {
	bps  *blueprint.Service
	pbs  *playbook.Service
	runs *runner.Service
	its  *integration.Service
}

func (w workspace) Blueprints() *blueprint.Service { return w.bps }
func (w workspace) Playbooks() *playbook.Service   { return w.pbs }

func (w workspace) ProposeBlueprint(ctx context.Context, integrationID, actionRef string) (blueprint.Proposal, error) {
	a, err := w.runs.FindAction(ctx, integrationID, actionRef)
	if err != nil {
		return blueprint.Proposal{}, err
	}
	return w.bps.ProposeFrom(ctx, w.its, integrationID, a.ID)
}
