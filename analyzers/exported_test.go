package analyzers_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/analyzers/boundary"
	"github.com/distlint/distlint/analyzers/ctxdeadline"
	"github.com/distlint/distlint/analyzers/dualwrite"
	"github.com/distlint/distlint/analyzers/idempotency"
	"github.com/distlint/distlint/analyzers/latency"
	"github.com/distlint/distlint/analyzers/lostcontext"
	"github.com/distlint/distlint/analyzers/retrystorm"
	"github.com/distlint/distlint/analyzers/timeout"
	"github.com/distlint/distlint/analyzers/unboundedqueue"
	"github.com/distlint/distlint/analyzers/wallclock"
)

// exported is each analyzer package's ready Analyzer, the value that
// drivers such as Bazel's nogo import by name.
var exported = map[string]*analysis.Analyzer{
	timeout.Name:        timeout.Analyzer,
	unboundedqueue.Name: unboundedqueue.Analyzer,
	lostcontext.Name:    lostcontext.Analyzer,
	retrystorm.Name:     retrystorm.Analyzer,
	ctxdeadline.Name:    ctxdeadline.Analyzer,
	idempotency.Name:    idempotency.Analyzer,
	latency.Name:        latency.Analyzer,
	dualwrite.Name:      dualwrite.Analyzer,
	wallclock.Name:      wallclock.Analyzer,
	boundary.Name:       boundary.Analyzer,
}

// TestExportedAnalyzers checks that every analyzer package exports an
// Analyzer with the suite's defaults, that it is its own instance (nogo
// sets its flags from analyzer_flags; they must not reach other
// instances), and that the README's nogo example lists it.
func TestExportedAnalyzers(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var all []*analysis.Analyzer
	for _, a := range analyzers.All() {
		e := exported[a.Name]
		if e == nil {
			t.Errorf("package analyzers/%s exports no Analyzer (nogo needs one)", a.Name)
			continue
		}
		all = append(all, e)
		if e == a || e.Name != a.Name || e.Doc != a.Doc || e.URL != a.URL {
			t.Errorf("%s.Analyzer is not a separate instance with the suite's name, doc and URL", a.Name)
		}
		if got, want := flagDefaults(&e.Flags), flagDefaults(&a.Flags); got != want {
			t.Errorf("%s.Analyzer flags %q, want the defaults %q", a.Name, got, want)
		}
		if !strings.Contains(string(readme), `"@com_github_distlint_distlint//analyzers/`+a.Name+`"`) {
			t.Errorf("the README's nogo target does not list analyzers/%s", a.Name)
		}
	}
	if err := analysis.Validate(all); err != nil {
		t.Fatal(err)
	}
	if len(exported) != len(all) {
		t.Errorf("%d exported analyzers, %d in the suite", len(exported), len(all))
	}
}

// flagDefaults describes a flag set: each flag's name and default value.
func flagDefaults(fs *flag.FlagSet) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) { b.WriteString(f.Name + "=" + f.DefValue + " ") })
	return b.String()
}
