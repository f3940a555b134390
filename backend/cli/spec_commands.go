package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"integrationstudio/backend/apperr"
	"integrationstudio/backend/finding"
	"integrationstudio/backend/integration"
	"integrationstudio/backend/spec"
)

// readSpec loads and imports the one SPEC argument of a spec command.
func (inv *invocation) readSpec(command string) (*spec.Result, []byte, string, int) {
	if len(inv.args) != 1 {
		return nil, nil, "", inv.cli.usageError("%s: give exactly one SPEC file (got %d arguments)", command, len(inv.args))
	}
	path := inv.args[0]
	data, err := spec.ReadFile(path, spec.DefaultLimits)
	if err != nil {
		return nil, nil, "", inv.fail(err)
	}
	abs, _ := filepath.Abs(path)
	res, err := spec.Import(filepath.Base(path), data, spec.Options{
		Refs: spec.RefPolicy{Folder: filepath.Dir(abs), AllowFileRefs: inv.allowFileRefs},
	})
	if err != nil {
		return nil, nil, "", inv.fail(err)
	}
	return res, data, path, ExitOK
}

func specFlags(fs *flag.FlagSet, inv *invocation) {
	fs.BoolVar(&inv.allowFileRefs, "allow-file-refs", false, "read $ref'd files inside the spec's folder (never outside it; remote refs are never fetched)")
}

func convertCommand() *command {
	return &command{
		name: "convert", summary: "convert any JSON/YAML OpenAPI 3 or Swagger 2.0 file to OpenAPI 3 JSON", usage: "SPEC -o OUT.json",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.output, "o", "", "write the OpenAPI 3 JSON to `FILE` (- for standard output)")
			specFlags(fs, inv)
		},
		run: func(_ context.Context, inv *invocation) int {
			if inv.output == "" {
				return inv.cli.usageError("convert: -o OUT.json is required")
			}
			res, _, path, code := inv.readSpec("convert")
			if res == nil {
				return code
			}
			var pretty bytes.Buffer
			if err := json.Indent(&pretty, res.Document, "", "  "); err != nil {
				return inv.fail(err)
			}
			pretty.WriteByte('\n')
			if err := writeOutput(inv.output, path, pretty.Bytes(), inv.cli.deps.Stdout); err != nil {
				return inv.fail(err)
			}
			from := describeSource(res)
			if inv.output != "-" {
				fmt.Fprintf(inv.cli.deps.Stdout, "Converted %s to OpenAPI %s: %s (%d operations).\n", from, documentVersion(res), inv.output, res.Operations)
			}
			reportFindingCounts(inv.cli.deps.Stderr, res.Findings)
			return ExitOK
		},
	}
}

func importCommand() *command {
	return &command{
		name: "import", summary: "store a spec as a draft integration with its actions and suggestions", usage: "SPEC [--name NAME] [--json]",
		flags: func(fs *flag.FlagSet, inv *invocation) {
			fs.StringVar(&inv.name, "name", "", "integration `NAME` (default: the spec's title)")
			fs.BoolVar(&inv.json, "json", false, "print JSON")
			specFlags(fs, inv)
		},
		run: func(ctx context.Context, inv *invocation) int {
			res, original, path, code := inv.readSpec("import")
			if res == nil {
				return code
			}
			catalog, closer, err := inv.cli.deps.Open(ctx, inv.dataDir)
			if err != nil {
				return inv.fail(err)
			}
			defer closer.Close()
			imported, err := catalog.Import(ctx, integration.ImportInput{
				Name: inv.name, FileName: filepath.Base(path), Original: original, Spec: res,
			})
			if err != nil {
				return inv.fail(err)
			}
			summary := importSummary{
				ID: imported.Integration.ID, Name: imported.Integration.Name,
				Version: res.Version, Format: res.Format, Converted: res.Converted,
				Operations: res.Operations, Actions: imported.Actions,
				Findings: finding.Count(res.Findings), Suggestions: res.Suggestions,
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

func describeSource(res *spec.Result) string {
	kind := "OpenAPI " + res.Version
	if res.Converted {
		kind = "Swagger " + res.Version
	}
	return fmt.Sprintf("%s (%s)", kind, strings.ToUpper(string(res.Format)))
}

func documentVersion(res *spec.Result) string {
	var head struct {
		OpenAPI string `json:"openapi"`
	}
	_ = json.Unmarshal(res.Document, &head)
	return head.OpenAPI
}

func reportFindingCounts(w io.Writer, fs []finding.Finding) {
	c := finding.Count(fs)
	if c.Errors+c.Warnings+c.Infos > 0 {
		fmt.Fprintf(w, "Found %d errors, %d warnings, %d info while reading it; run 'integration-studio lint' for details.\n", c.Errors, c.Warnings, c.Infos)
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
