package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/bundle"
	"integrationstudio/backend/spec"
)

// Bundles is what export and import-bundle need (a *bundle.Service).
type Bundles interface {
	Export(ctx context.Context, id string, o bundle.ExportOptions) (bundle.Exported, error)
	Inspect(ctx context.Context, data []byte) (bundle.Preview, error)
	Import(ctx context.Context, data []byte, on bundle.OnConflict) (bundle.Imported, error)
}

func (inv *invocation) withBundles(ctx context.Context, f func(b Bundles) int) int {
	if inv.cli.deps.OpenBundles == nil {
		return inv.fail(apperr.Errorf(apperr.Unavailable, "%s: bundles are not available in this build.", inv.commandName))
	}
	b, closer, err := inv.cli.deps.OpenBundles(ctx, inv.dataDir)
	if err != nil {
		return inv.fail(err)
	}
	defer closer.Close()
	return f(b)
}

func exportCommand() *command {
	return &command{
		name: "export", summary: "write an integration as a bundle to share (never with a secret)",
		usage: "ID -o FILE" + bundle.Extension + " [--sign]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.output, "o", "", "the bundle `file` to write (default: <name>"+bundle.Extension+" in the current folder)")
			fs.BoolVar(&inv.sign, "sign", false, "sign the bundle with this installation's ed25519 key (kept in the OS keyring)")
		},
		run: func(ctx context.Context, inv *invocation) int {
			if len(inv.args) != 1 {
				return inv.cli.usageError("export: expected 1 argument, the integration's ID, got %d", len(inv.args))
			}
			return inv.withBundles(ctx, func(b Bundles) int {
				exp, err := b.Export(ctx, inv.args[0], bundle.ExportOptions{Sign: inv.sign})
				if err != nil {
					return inv.fail(err)
				}
				out := inv.output
				if out == "" {
					out = exp.FileName
				}
				if err := bundle.WriteFile(out, exp.Data); err != nil {
					return inv.fail(apperr.Wrap(err, apperr.Invalid, "export: cannot write %s: %v", out, unwrapPathError(err)))
				}
				signed := "unsigned"
				if inv.sign {
					signed = "signed"
				}
				fmt.Fprintf(inv.cli.deps.Stdout, "Wrote %s (%s, %s). It holds no secrets: whoever imports it enters their own.\n", out, spec.HumanBytes(int64(len(exp.Data))), signed)
				return ExitOK
			})
		},
	}
}

func importBundleCommand() *command {
	return &command{
		name: "import-bundle", summary: "import a bundle; shows what it holds and which secrets to supply",
		usage: "FILE [--on-conflict replace|keep-both|fail] [--dry-run] [--json]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.onConflict, "on-conflict", "fail", "when the integration exists: replace (keeps its configurations and secrets), keep-both (the import is renamed) or fail")
			fs.BoolVar(&inv.dryRun, "dry-run", false, "show the preview without importing")
			fs.BoolVar(&inv.json, "json", false, "print JSON")
		},
		run: func(ctx context.Context, inv *invocation) int {
			if len(inv.args) != 1 {
				return inv.cli.usageError("import-bundle: expected 1 argument, the bundle file, got %d", len(inv.args))
			}
			on := bundle.OnConflict(inv.onConflict)
			switch on {
			case bundle.ConflictFail, bundle.ConflictReplace, bundle.ConflictKeepBoth:
			default:
				return inv.cli.usageError("import-bundle: --on-conflict must be replace, keep-both or fail, not %q", inv.onConflict)
			}
			data, err := bundle.ReadFile(inv.args[0])
			if err != nil {
				return inv.fail(err)
			}
			return inv.withBundles(ctx, func(b Bundles) int {
				if inv.dryRun {
					p, err := b.Inspect(ctx, data)
					if err != nil {
						return inv.fail(err)
					}
					if inv.json {
						return inv.writeJSON(p)
					}
					printPreview(inv.cli.deps.Stdout, p)
					return ExitOK
				}
				res, err := b.Import(ctx, data, on)
				if err != nil {
					return inv.fail(err)
				}
				if inv.json {
					return inv.writeJSON(res)
				}
				printPreview(inv.cli.deps.Stdout, res.Preview)
				fmt.Fprintf(inv.cli.deps.Stdout, "Imported as %q (%s, id %s).\n", res.Name, res.Mode, res.ID)
				return ExitOK
			})
		},
	}
}

func printPreview(w io.Writer, p bundle.Preview) {
	signer := "unsigned"
	if p.SignedBy != "" {
		signer = "signed by " + p.SignedBy
	}
	auth := p.AuthMethod
	if p.GrantType != "" {
		auth += " (" + p.GrantType + ")"
	}
	fmt.Fprintf(w, "%s — %d actions, auth %s, pagination %s, %s, %s\n", p.Name, p.Actions, auth, p.Pagination, p.Status, signer)
	if p.Hostname != "" {
		fmt.Fprintf(w, "  Hostname: %s\n", p.Hostname)
	}
	fmt.Fprintf(w, "  Spec lint: %d errors, %d warnings\n", p.Lint.Errors, p.Lint.Warnings)
	for _, c := range p.Configurations {
		need := "no secrets"
		if len(c.SecretsNeeded) > 0 {
			need = "needs " + strings.Join(c.SecretsNeeded, ", ")
		}
		fmt.Fprintf(w, "  Configuration %q: %s\n", c.Name, need)
	}
	for _, i := range p.Ignored {
		fmt.Fprintf(w, "  Ignored (never imported): %s\n", i)
	}
	if p.Conflict != nil {
		fmt.Fprintf(w, "  Conflicts with the existing integration %q (id %s)\n", p.Conflict.Name, p.Conflict.ID)
	}
}
