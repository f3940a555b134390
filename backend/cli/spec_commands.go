package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/finding"
	"integrationstudio/backend/fix"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/spec"
	"integrationstudio/backend/worker"
)

// importSpec runs the one SPEC argument of a spec command through the worker.
func (inv *invocation) importSpec(ctx context.Context, command string) (*worker.Imported, string, int) {
	if len(inv.args) != 1 {
		return nil, "", inv.cli.usageError("%s: give exactly one SPEC file (got %d arguments)", command, len(inv.args))
	}
	path := inv.args[0]
	res, err := inv.cli.deps.Specs.Import(ctx, worker.ImportRequest{Path: path, AllowFileRefs: inv.allowFileRefs}, nil)
	if err != nil {
		return nil, "", inv.fail(err)
	}
	return res, path, ExitOK
}

func specFlags(fs *flag.FlagSet, inv *invocation) {
	fs.BoolVar(&inv.allowFileRefs, "allow-file-refs", false, "read $ref'd files inside the spec's folder (never outside it; remote refs are never fetched)")
}

func lintCommand() *command {
	return &command{
		name: "lint", summary: "report problems in a spec; exit 1 if any is an error", usage: "SPEC [--format text|json]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.format, "format", "text", "output `FORMAT`: text or json")
			specFlags(fs, inv)
		},
		run: func(ctx context.Context, inv *invocation) int {
			if inv.format != "text" && inv.format != "json" {
				return inv.cli.usageError("lint: --format must be text or json, not %q", inv.format)
			}
			res, path, code := inv.importSpec(ctx, "lint")
			if res == nil {
				return code
			}
			if inv.format == "json" {
				if c := inv.writeJSON(map[string]any{"file": path, "counts": res.Counts, "findings": res.Findings, "rules": res.Rules}); c != ExitOK {
					return c
				}
			} else {
				printFindings(inv.cli.deps.Stdout, path, res.Findings)
				fmt.Fprintf(inv.cli.deps.Stdout, "%s: %d errors, %d warnings, %d info (%s).\n", path, res.Counts.Errors, res.Counts.Warnings, res.Counts.Infos, describeSource(res))
			}
			if res.Counts.Errors > 0 {
				return ExitFailure
			}
			return ExitOK
		},
	}
}

func printFindings(w io.Writer, path string, fs []finding.Finding) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, f := range fs {
		fixable := ""
		if f.Fixable {
			fixable = "fixable"
		}
		fmt.Fprintf(tw, "%s:%d:%d\t%s\t%s\t%s\t%s\n", path, f.Line, f.Column, f.Severity, f.RuleID, f.Message, fixable)
	}
	tw.Flush()
}

func convertCommand() *command {
	return &command{
		name: "convert", summary: "convert any JSON/YAML OpenAPI 3 or Swagger 2.0 file to OpenAPI 3 JSON", usage: "SPEC -o OUT.json",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.output, "o", "", "write the OpenAPI 3 JSON to `FILE` (- for standard output)")
			specFlags(fs, inv)
		},
		run: func(ctx context.Context, inv *invocation) int {
			if inv.output == "" {
				return inv.cli.usageError("convert: -o OUT.json is required")
			}
			res, path, code := inv.importSpec(ctx, "convert")
			if res == nil {
				return code
			}
			if err := writeOutput(inv.output, path, fix.Pretty(res.Document), inv.cli.deps.Stdout); err != nil {
				return inv.fail(err)
			}
			if inv.output != "-" {
				fmt.Fprintf(inv.cli.deps.Stdout, "Converted %s to OpenAPI %s: %s (%d operations).\n", describeSource(res), documentVersion(res.Document), inv.output, len(res.Actions))
			}
			reportFindingCounts(inv.cli.deps.Stderr, res.Counts)
			return ExitOK
		},
	}
}

func fixCommand() *command {
	return &command{
		name: "fix", summary: "apply fixes to a spec and write the fixed OpenAPI 3 JSON", usage: "SPEC -o OUT.json [--rules id,id]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.output, "o", "", "write the fixed OpenAPI 3 JSON to `FILE` (- for standard output)")
			fs.StringVar(&inv.rules, "rules", "", "only these comma-separated rule `ids` (default: every fixer but slim; fixable: "+strings.Join(fix.Rules(), ", ")+")")
			specFlags(fs, inv)
		},
		run: func(ctx context.Context, inv *invocation) int {
			if inv.output == "" {
				return inv.cli.usageError("fix: -o OUT.json is required")
			}
			var rules []string
			for _, r := range strings.Split(inv.rules, ",") {
				if r = strings.TrimSpace(r); r != "" {
					rules = append(rules, r)
				}
			}
			res, path, code := inv.importSpec(ctx, "fix")
			if res == nil {
				return code
			}
			fixed, err := inv.cli.deps.Specs.Fix(ctx, worker.FixRequest{Name: filepath.Base(path), Document: res.Document, Options: fix.Options{Rules: rules}}, nil)
			if err != nil {
				return inv.fail(err)
			}
			if err := writeOutput(inv.output, path, fix.Pretty(fixed.Document), inv.cli.deps.Stdout); err != nil {
				return inv.fail(err)
			}
			report := inv.cli.deps.Stdout
			if inv.output == "-" {
				report = inv.cli.deps.Stderr
			}
			for _, c := range fixed.Changes {
				fmt.Fprintf(report, "fixed    %-28s %s\n", c.RuleID, c.Message)
			}
			for _, u := range fixed.Unfixed {
				fmt.Fprintf(report, "unfixed  %-28s %s\n", u.RuleID, u.Message)
			}
			fmt.Fprintf(report, "%d changes. Before: %d errors, %d warnings. After: %d errors, %d warnings.\n",
				len(fixed.Changes), res.Counts.Errors, res.Counts.Warnings, fixed.Counts.Errors, fixed.Counts.Warnings)
			if fixed.Counts.Errors > 0 {
				return ExitFailure
			}
			return ExitOK
		},
	}
}

func importCommand() *command {
	return &command{
		name: "import", summary: "store a spec as a draft integration with its actions and suggestions", usage: "SPEC [--name NAME] [--accept-suggestions] [--json]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.name, "name", "", "integration `NAME` (default: the spec's title)")
			fs.BoolVar(&inv.acceptSuggestions, "accept-suggestions", false, "apply the inferred auth and pagination (the hostname is always taken)")
			fs.BoolVar(&inv.json, "json", false, "print JSON")
			specFlags(fs, inv)
		},
		run: func(ctx context.Context, inv *invocation) int {
			res, path, code := inv.importSpec(ctx, "import")
			if res == nil {
				return code
			}
			original, err := spec.ReadFile(path, spec.DefaultLimits)
			if err != nil {
				return inv.fail(err)
			}
			catalog, closer, err := inv.cli.deps.Open(ctx, inv.dataDir)
			if err != nil {
				return inv.fail(err)
			}
			defer closer.Close()
			imported, err := catalog.Import(ctx, integration.ImportInput{
				Name: inv.name, FileName: filepath.Base(path), Original: original, Spec: res.Result(),
			})
			if err != nil {
				return inv.fail(err)
			}
			var applied []string
			if inv.acceptSuggestions {
				if applied, err = catalog.AcceptSuggestions(ctx, imported.Integration.ID, res.Suggestions); err != nil {
					return inv.fail(err)
				}
			}
			summary := importSummary{
				ID: imported.Integration.ID, Name: imported.Integration.Name, Applied: applied,
				Version: res.Version, Format: res.Format, Converted: res.Converted,
				Operations: len(res.Actions), Actions: imported.Actions,
				Findings: res.Counts, Suggestions: res.Suggestions,
			}
			if inv.json {
				return inv.writeJSON(summary)
			}
			summary.print(inv.cli.deps.Stdout, describeSource(res))
			return ExitOK
		},
	}
}

type importSummary struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Version     string           `json:"version"`
	Format      spec.Format      `json:"format"`
	Converted   bool             `json:"converted"`
	Operations  int              `json:"operations"`
	Actions     int              `json:"actions"`
	Findings    finding.Counts   `json:"findings"`
	Suggestions spec.Suggestions `json:"suggestions"`
	// Applied says what --accept-suggestions applied, or could not.
	Applied []string `json:"applied,omitempty"`
}

func (s importSummary) print(w io.Writer, from string) {
	fmt.Fprintf(w, "Imported %q as a draft integration.\n", s.Name)
	fmt.Fprintf(w, "  id:          %s\n", s.ID)
	conv := "no conversion needed"
	if s.Converted {
		conv = "converted to OpenAPI 3.0.3"
	}
	fmt.Fprintf(w, "  source:      %s, %s\n", from, conv)
	fmt.Fprintf(w, "  operations:  %d, actions: %d\n", s.Operations, s.Actions)
	fmt.Fprintf(w, "  findings:    %d errors, %d warnings, %d info\n", s.Findings.Errors, s.Findings.Warnings, s.Findings.Infos)
	if h := s.Suggestions.Host; h != nil {
		fmt.Fprintf(w, "  host:        %s%s\n", h.Hostname, h.BasePath)
	}
	if len(s.Suggestions.Auth) == 0 {
		fmt.Fprintf(w, "  auth:        no security scheme in the spec\n")
	}
	for i, a := range s.Suggestions.Auth {
		label := "  auth:       "
		if i > 0 {
			label = "  or:         "
		}
		fmt.Fprintf(w, "%s %s (%s)\n", label, authLabel(a), a.Evidence)
	}
	if p := s.Suggestions.Pagination; p != nil {
		fmt.Fprintf(w, "  pagination:  %s (%s)\n", p.Type, p.Evidence)
	} else {
		fmt.Fprintf(w, "  pagination:  none detected\n")
	}
	for _, note := range s.Applied {
		fmt.Fprintf(w, "  applied:     %s\n", note)
	}
}

func authLabel(a spec.AuthSuggestion) string {
	switch a.Method {
	case "api_key":
		if a.Preamble != "" {
			return fmt.Sprintf("API Key in %s with preamble %q", a.HeaderName, a.Preamble)
		}
		return fmt.Sprintf("API Key in %s", a.HeaderName)
	case "basic":
		return "Basic"
	case "oauth2":
		return "OAuth 2.0 " + strings.ReplaceAll(a.GrantType, "_", " ")
	}
	return a.Method
}

func describeSource(res *worker.Imported) string {
	kind := "OpenAPI " + res.Version
	if res.Converted {
		kind = "Swagger " + res.Version
	}
	return fmt.Sprintf("%s (%s)", kind, strings.ToUpper(string(res.Format)))
}

func documentVersion(doc []byte) string {
	var head struct {
		OpenAPI string `json:"openapi"`
	}
	_ = json.Unmarshal(doc, &head)
	return head.OpenAPI
}

func reportFindingCounts(w io.Writer, c finding.Counts) {
	if c.Errors+c.Warnings+c.Infos > 0 {
		fmt.Fprintf(w, "Found %d errors, %d warnings, %d info; run 'integration-studio lint' for details.\n", c.Errors, c.Warnings, c.Infos)
	}
}

// writeOutput writes atomically (temp file + rename) and refuses to
// overwrite the input, so a typo never destroys the user's original.
func writeOutput(out, in string, data []byte, stdout io.Writer) error {
	if out == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if a, b := absPath(out), absPath(in); a == b {
		return apperr.Errorf(apperr.Invalid, "-o %s is the input file; choose another output so the original is kept.", out)
	}
	tmp, err := os.CreateTemp(filepath.Dir(absPath(out)), ".integration-studio-*")
	if err != nil {
		return apperr.Wrap(err, apperr.Invalid, "cannot write %s: %v", out, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return apperr.Wrap(err, apperr.Invalid, "cannot write %s: %v", out, err)
	}
	if err := tmp.Close(); err != nil {
		return apperr.Wrap(err, apperr.Invalid, "cannot write %s: %v", out, err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return apperr.Wrap(err, apperr.Invalid, "cannot write %s: %v", out, err)
	}
	return nil
}

func absPath(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}
