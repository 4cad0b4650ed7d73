package analyzers_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

// Under go vet a dependency is analyzed for its facts only
// (report.Policy.FactsOnly): the analyzers that stop early then must
// export the same facts as a full run, and report nothing.
func TestFactsOnly(t *testing.T) {
	for _, name := range stopEarly {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			src, err := filepath.Abs(filepath.Join(name, "testdata", "src"))
			if err != nil {
				t.Fatal(err)
			}
			entries, err := os.ReadDir(src)
			if err != nil {
				t.Fatal(err)
			}
			var patterns []string
			for _, e := range entries {
				if e.IsDir() && !strings.Contains(e.Name(), ".") {
					patterns = append(patterns, e.Name()+"/...")
				}
			}
			cfg := &packages.Config{
				Mode: packages.LoadAllSyntax,
				Dir:  src,
				Env:  append(os.Environ(), "GOPATH="+filepath.Dir(src), "GO111MODULE=off", "GOPROXY=off", "GOFLAGS="),
			}
			pkgs, err := packages.Load(cfg, patterns...)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range pkgs {
				for _, e := range p.Errors {
					t.Fatalf("loading %s: %v", p.PkgPath, e)
				}
			}
			full, fullDiags := analyze(t, pkgs, false)
			only, onlyDiags := analyze(t, pkgs, true)
			if fullDiags == 0 {
				t.Fatalf("the full run reports nothing on %v: the comparison shows nothing", patterns)
			}
			if onlyDiags != 0 {
				t.Errorf("the facts-only run reports %d findings, want none", onlyDiags)
			}
			if len(full) == 0 {
				t.Fatalf("the full run exports no facts on %v", patterns)
			}
			if !slices.Equal(full, only) {
				for _, f := range full {
					if !slices.Contains(only, f) {
						t.Errorf("facts-only run lacks %s", f)
					}
				}
				for _, f := range only {
					if !slices.Contains(full, f) {
						t.Errorf("facts-only run adds %s", f)
					}
				}
			}
		})
	}
}

// stopEarly are the analyzers that stop once their facts are exported
// in a facts-only run.
var stopEarly = []string{"ctxdeadline", "unboundedqueue", "timeout", "latency", "retrystorm", "wallclock", "dualwrite", "boundary"}

// analyze runs the suite on pkgs and returns every fact exported (one
// sorted line each) and the number of findings of the stopEarly
// analyzers.
func analyze(t *testing.T, pkgs []*packages.Package, factsOnly bool) (facts []string, diags int) {
	t.Helper()
	suite := analyzers.New(&report.Policy{Tests: true, FactsOnly: factsOnly})
	graph, err := checker.Analyze(suite, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for act := range graph.All() {
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		if slices.Contains(stopEarly, act.Analyzer.Name) {
			diags += len(act.Diagnostics)
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				facts = append(facts, fmt.Sprintf("%s %s: %T %+v", act.Analyzer.Name, f.Object, f.Fact, f.Fact))
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				facts = append(facts, fmt.Sprintf("%s %s: %T %+v", act.Analyzer.Name, f.Package.Path(), f.Fact, f.Fact))
			}
		}
	}
	slices.Sort(facts)
	return slices.Compact(facts), diags
}
