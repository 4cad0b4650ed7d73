package report_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/internal/report"
)

// demo reports every call of a function named bad through a Reporter.
func demo(policy *report.Policy) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: "demo",
		Doc:  "demo: report calls of bad",
		URL:  "https://example.com/demo",
		Run: func(pass *analysis.Pass) (any, error) {
			rep := report.New(pass, policy)
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					if call, ok := n.(*ast.CallExpr); ok {
						if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "bad" {
							rep.Reportf(call, "demo", "call of bad")
						}
					}
					return true
				})
			}
			return nil, nil
		},
	}
}

func TestDirectives(t *testing.T) {
	results := analysistest.Run(t, analysistest.TestData(), demo(nil), "directives")
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.URL != "https://example.com/demo" {
				t.Errorf("diagnostic %q has URL %q, want the analyzer's", d.Message, d.URL)
			}
		}
	}
}

// recorder collects analysistest's complaints instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// A directive without a reason is reported and suppresses nothing. The
// report lands on the directive's own line, where no // want comment can
// go without becoming its reason, so the expectations are checked here.
func TestDirectiveWithoutReason(t *testing.T) {
	rec := new(recorder)
	results := analysistest.Run(rec, analysistest.TestData(), demo(nil), "noreason")
	var msgs []string
	for _, r := range results {
		for _, d := range r.Diagnostics {
			msgs = append(msgs, fmt.Sprintf("%d: %s", r.Pass.Fset.Position(d.Pos).Line, d.Message))
		}
	}
	want := []string{
		"6: //distlint:ignore directive for demo has no reason: it suppresses nothing until it says why the finding does not apply",
		"7: call of bad",
	}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if len(rec.errs) != 2 {
		t.Errorf("analysistest complaints = %q, want the two unexpected diagnostics", rec.errs)
	}
}

func TestNameInMessage(t *testing.T) {
	rec := new(recorder)
	results := analysistest.Run(rec, analysistest.TestData(), demo(&report.Policy{NameInMessage: true}), "noreason")
	found := false
	for _, r := range results {
		for _, d := range r.Diagnostics {
			if d.Message == "call of bad (demo)" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no diagnostic named its analyzer; complaints: %q", rec.errs)
	}
}

func TestParseDirective(t *testing.T) {
	for _, tc := range []struct {
		text   string
		names  string
		reason string
		ok     bool
	}{
		{"//distlint:ignore timeout why not", "timeout", "why not", true},
		{"//distlint:ignore timeout,idempotency  two  spaces", "idempotency,timeout", "two spaces", true},
		{"//distlint:ignore timeout", "timeout", "", true},
		{"//distlint:ignore", "", "", true},
		{"//distlint:ignored timeout x", "", "", false},
		{"// distlint:ignore timeout x", "", "", false},
		{"//nolint:distlint", "", "", false},
	} {
		names, reason, ok := report.ParseDirective(tc.text)
		var got []string
		for _, n := range []string{"idempotency", "timeout"} {
			if names[n] {
				got = append(got, n)
			}
		}
		if strings.Join(got, ",") != tc.names || reason != tc.reason || ok != tc.ok {
			t.Errorf("ParseDirective(%q) = %v, %q, %v; want %s, %q, %v", tc.text, got, reason, ok, tc.names, tc.reason, tc.ok)
		}
	}
}

func TestProtect(t *testing.T) {
	a := &analysis.Analyzer{
		Name: "boom",
		Doc:  "boom: panic",
		Run: report.Protect(func(*analysis.Pass) (any, error) {
			var m map[string]int
			m["x"]++ // assignment to entry in nil map
			return nil, nil
		}),
	}
	rec := new(recorder)
	analysistest.Run(rec, analysistest.TestData(), a, "panics")
	joined := strings.Join(rec.errs, "\n")
	for _, want := range []string{"internal error in analyzer boom on package panics", "assignment to entry in nil map", "report_test.go:"} {
		if !strings.Contains(joined, want) {
			t.Errorf("error %q does not contain %q", joined, want)
		}
	}
}

func TestIsTestPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/nats-io/nats-server/v2/test":         true,
		"github.com/stripe/stripe-go/v85/testing":        true,
		"github.com/prometheus/prometheus/util/testutil": true,
		"example.com/svc/internal/testhelpers/fixtures":  true,
		"github.com/prometheus/prometheus/notifier":      false,
		"example.com/latest":                             false,
		"example.com/contest/testimony":                  false,
		"k8s.io/client-go/rest":                          false,
	} {
		if got := report.IsTestPackage(path); got != want {
			t.Errorf("IsTestPackage(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestIsTestFile(t *testing.T) {
	for src, want := range map[string]bool{
		`package x; import "testing"`:                                        true,
		`package x; import "github.com/ory/dockertest/v3"`:                   true,
		`package x; import ( "fmt"; "github.com/stretchr/testify/require" )`: true,
		`package x; import "net/http/httptest"`:                              true,
		`package x; import "net/http"`:                                       false,
		`package x; import "github.com/stretchr/testifyish"`:                 false,
		`package x; import "example.com/testingtools"`:                       false,
	} {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		if got := report.IsTestFile(f); got != want {
			t.Errorf("IsTestFile(%s) = %v, want %v", src, got, want)
		}
	}
}

// Under the facts-only policy (a dependency analyzed for its facts, whose
// findings nobody keeps) the reporter drops every finding; the same
// package reports its call of bad under the default policy.
func TestFactsOnlyDropsFindings(t *testing.T) {
	for _, tc := range []struct {
		policy *report.Policy
		want   int
	}{{nil, 1}, {&report.Policy{FactsOnly: true}, 0}} {
		rec := new(recorder)
		results := analysistest.Run(rec, analysistest.TestData(), demo(tc.policy), "factsonly")
		n := 0
		for _, r := range results {
			n += len(r.Diagnostics)
		}
		if n != tc.want {
			t.Errorf("policy %+v: %d findings, want %d", tc.policy, n, tc.want)
		}
	}
}

// Findings inside test doubles (functions and methods whose name or
// receiver type names a mock, fake or stub) are dropped by default, and
// kept under -tests; look-alike names are real code.
func TestTestDoubles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), demo(nil), "doubles")
	rec := new(recorder)
	results := analysistest.Run(rec, analysistest.TestData(), demo(&report.Policy{Tests: true}), "doubles")
	n := 0
	for _, r := range results {
		n += len(r.Diagnostics)
	}
	if want := 19; n != want {
		t.Errorf("under -tests: %d findings, want %d", n, want)
	}
}
