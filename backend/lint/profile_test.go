package lint

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/daveshanley/vacuum/functions"

	"integrationstudio/backend/spec"
)

var profileSpecs = flag.String("vacuum-profile", "",
	"comma-separated spec files: print how long each vacuum build step and each rule takes on them")

// TestVacuumProfile prints, for each spec named by -vacuum-profile, the
// duration of each step of buildDocuments and of each rule, run one at a
// time so the numbers do not overlap. It asserts nothing about time:
//
//	go test ./backend/lint -run TestVacuumProfile -v -timeout 30m \
//	  -vacuum-profile ../spec/testdata/stripe.yaml,../spec/testdata/k8s.json
func TestVacuumProfile(t *testing.T) {
	if *profileSpecs == "" {
		t.Skip("no -vacuum-profile specs")
	}
	for _, path := range strings.Split(*profileSpecs, ",") {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		importStart := time.Now()
		res, err := spec.Import(path, data, spec.Options{})
		if err != nil {
			t.Fatal(err)
		}
		importTime := time.Since(importStart)
		var indented bytes.Buffer
		if err := json.Indent(&indented, res.Document, "", "  "); err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		b := buildDocuments(indented.Bytes(), true, nil)
		if b.err != nil {
			t.Fatal(b.err)
		}
		buildTime := time.Since(start)
		runtime.ReadMemStats(&after)
		var out strings.Builder
		fmt.Fprintf(&out, "\n%s (%d bytes as indented OpenAPI 3 JSON)\n", path, indented.Len())
		fmt.Fprintf(&out, "  %-40s %8.2fs\n", "spec.Import (ours, for reference)", importTime.Seconds())
		for _, p := range b.docs.phases {
			fmt.Fprintf(&out, "  %-40s %8.2fs\n", p.name, p.duration.Seconds())
		}
		fmt.Fprintf(&out, "  %-40s %8.2fs  (allocated %d MB, heap in use %d MB)\n", "build total (wall)",
			buildTime.Seconds(), (after.TotalAlloc-before.TotalAlloc)>>20, after.HeapInuse>>20)

		builtins := functions.MapBuiltinFunctions()
		rules := recommendedRules()
		type timing struct {
			id      string
			d       time.Duration
			results int
			reason  string
			needsDr bool
		}
		var ts []timing
		var rulesTotal time.Duration
		for _, id := range sortedKeys(rules) {
			r := rules[id]
			if !appliesTo(r, b.docs.specInfo.SpecFormat) {
				continue
			}
			s := time.Now()
			results, reason := applyRule(b.docs, r, builtins, time.Hour)
			d := time.Since(s)
			rulesTotal += d
			ts = append(ts, timing{id, d, len(results), reason, needsDoctor[id]})
		}
		sort.SliceStable(ts, func(i, j int) bool { return ts[i].d > ts[j].d })
		for _, x := range ts {
			dr := ""
			if x.needsDr {
				dr = "doctor"
			}
			fmt.Fprintf(&out, "  rule %-35s %8.3fs %6d results %-6s %s\n", x.id, x.d.Seconds(), x.results, dr, x.reason)
		}
		fmt.Fprintf(&out, "  %-40s %8.2fs\n", "rules total (one at a time)", rulesTotal.Seconds())
		t.Log(out.String())
	}
}
