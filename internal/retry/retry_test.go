package retry

import (
	"fmt"
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

var delayNames = map[Delay]string{DelayNone: "none", DelayFixed: "fixed", DelayVarying: "varying", DelayUnknown: "unknown"}

// probe reports what the Finder and the helpers say, for the tests.
var probe = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "report retry loops and calls of retry helpers",
	Requires: []*analysis.Analyzer{Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		h := pass.ResultOf[Analyzer].(*Helpers)
		f := NewFinder(pass.TypesInfo, pass.Pkg, pass.Files, nil, nil)
		counts := func(call *ast.CallExpr) bool {
			fn := match.Callee(pass.TypesInfo, call)
			return fn != nil && fn.Name() == "attempt"
		}
		labels := make(map[ast.Stmt]*ast.Ident)
		for _, file := range pass.Files {
			ast.Inspect(file, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.LabeledStmt:
					labels[n.Stmt] = n.Label
				case *ast.ForStmt, *ast.RangeStmt:
					l := f.NewLoop(n.(ast.Stmt), labels[n.(ast.Stmt)])
					if l == nil {
						return true
					}
					if _, ok := f.Retried(l, counts); ok {
						msg := fmt.Sprintf("retries attempt delay=%s bounded=%v", delayNames[f.Delay(l)], f.Bounded(l))
						if f.Jitter(l) {
							msg += " jitter"
						}
						pass.Reportf(n.Pos(), "%s", msg)
					}
				case *ast.CallExpr:
					for i := range n.Args {
						if name, ok := h.Retries(n, i, nil); ok {
							pass.Reportf(n.Pos(), "retries argument %d via %s", i, name)
						}
					}
				}
				return true
			})
		}
		return nil, nil
	},
}

func TestLoops(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probe, "loops", "user")
}

func TestHelperFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), Analyzer, "helpers")
}

func TestLibraries(t *testing.T) {
	var l Libraries
	if err := l.Set("example.com/retry, [example.com/other]"); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"github.com/cenkalti/backoff/v4": true,
		"example.com/retry":              true,
		"example.com/retry/sub":          true,
		"example.com/retryer":            false,
		"example.com/other":              true,
		"net/http":                       false,
	} {
		if got := l.Has(path); got != want {
			t.Errorf("Has(%q) = %v, want %v", path, got, want)
		}
	}
	if got := (*Libraries)(nil).Has("k8s.io/client-go/util/retry"); !got {
		t.Error("nil Libraries lack the defaults")
	}
	if s := l.String(); !strings.Contains(s, "example.com/retry") {
		t.Errorf("String() = %q", s)
	}
}

func TestHelperString(t *testing.T) {
	if got, want := (&Helper{Params: []int{0, 2}}).String(), "retries its func parameters [0 2]"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// A Finder given the suite's inspector answers cursors from it and builds
// no second one (an inspector of a large package is hundreds of MB).
func TestFinderSharesInspector(t *testing.T) {
	a := &analysis.Analyzer{
		Name:     "shared",
		Doc:      "check that cursors come from the pass's inspector",
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: func(pass *analysis.Pass) (any, error) {
			insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
			f := NewFinder(pass.TypesInfo, pass.Pkg, pass.Files, insp, nil)
			loops := 0
			for n := range insp.PreorderSeq((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
				l := f.NewLoop(n.(ast.Stmt), nil)
				if l == nil {
					continue
				}
				cur, ok := f.Cursor(l)
				if !ok {
					t.Errorf("no cursor for the loop at %v", pass.Fset.Position(n.Pos()))
					continue
				}
				loops++
				if cur.Inspector() != insp {
					t.Errorf("the cursor of the loop at %v comes from another inspector", pass.Fset.Position(n.Pos()))
				}
			}
			if f.insp != insp {
				t.Error("the Finder replaced the inspector it was given")
			}
			if loops == 0 {
				t.Error("no loop in the test package")
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), a, "shared")
}
