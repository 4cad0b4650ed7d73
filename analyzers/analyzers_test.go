package analyzers_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/docs"
)

// publicNames are the analyzer names users write in flags, configuration
// and suppression directives: a public contract.
var publicNames = []string{
	"idempotency", "wallclock", "dualwrite", "unboundedqueue", "timeout",
	"ctxdeadline", "latency", "retrystorm", "lostcontext", "boundary",
}

func TestSuite(t *testing.T) {
	suite := analyzers.All()
	if err := analysis.Validate(suite); err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	seen := make(map[string]bool)
	for _, a := range suite {
		t.Run(a.Name, func(t *testing.T) {
			if !slices.Contains(publicNames, a.Name) {
				t.Errorf("analyzer %q is not one of the public names %v", a.Name, publicNames)
			}
			if seen[a.Name] {
				t.Errorf("analyzer %q listed twice", a.Name)
			}
			seen[a.Name] = true
			if want := "https://pkg.go.dev/github.com/distlint/distlint/analyzers/" + a.Name; a.URL != want {
				t.Errorf("URL = %q, want %q", a.URL, want)
			}
			if !strings.HasPrefix(a.Doc, a.Name+": ") {
				t.Errorf("Doc does not start with a %q title line", a.Name+": ")
			}
			for _, section := range []string{"Mental model:", "Bad:", "Good:", "Options:"} {
				if !strings.Contains(a.Doc, section) {
					t.Errorf("Doc lacks %q", section)
				}
			}
			// The README lists every analyzer with its one-line purpose.
			if !strings.Contains(string(readme), "`"+a.Name+"`") || !strings.Contains(string(readme), docs.Title(a.Doc)) {
				t.Errorf("README.md does not list `%s` with its title %q", a.Name, docs.Title(a.Doc))
			}
			positives, negatives := testdataCases(t, filepath.Join(a.Name, "testdata", "src"))
			if positives == 0 || negatives == 0 {
				t.Errorf("testdata has %d functions with findings and %d without; want both", positives, negatives)
			}
		})
	}
}

// Each call builds new analyzers: configuration never leaks between two
// suites (a test and the plugin, two golangci-lint runs).
func TestFreshInstances(t *testing.T) {
	a, b := analyzers.All(), analyzers.All()
	for i := range a {
		if a[i] == b[i] {
			t.Errorf("analyzer %s is shared between suites", a[i].Name)
		}
	}
}

// testdataCases counts the functions in the Go files under dir that
// expect a finding (a // want comment inside them) and those that do not.
func testdataCases(t *testing.T, dir string) (positives, negatives int) {
	t.Helper()
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			wants := false
			for _, cg := range f.Comments {
				if cg.Pos() >= fn.Pos() && cg.End() <= fn.End() && strings.Contains(cg.Text(), "want ") {
					wants = true
				}
			}
			if wants {
				positives++
			} else {
				negatives++
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("reading testdata: %v", err)
	}
	return positives, negatives
}
