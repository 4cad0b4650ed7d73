package main

import (
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

// Two package trees as go vet -json prints them: one clean, one with a
// diagnostic (its message carrying the analyzer's name, as under go vet)
// and an analyzer that failed.
const vetJSON = `{}
{
	"example.com/p [example.com/p.test]": {
		"timeout": [
			{
				"category": "server",
				"posn": "/src/c:d/p.go:13:10",
				"end": "/src/c:d/p.go:13:21",
				"message": "http.Server has no ReadHeaderTimeout (timeout)",
				"suggested_fixes": [{"message": "Add it", "edits": [{"filename": "/src/c:d/p.go", "start": 3, "end": 3, "new": "x"}]}]
			}
		],
		"dualwrite": {"error": "boom\nat line 2"}
	}
}
`

func TestParseVetJSON(t *testing.T) {
	res, err := parseVetJSON(strings.NewReader(vetJSON))
	if err != nil {
		t.Fatal(err)
	}
	if res.packages != 2 {
		t.Errorf("packages = %d, want 2 (a clean package counts too)", res.packages)
	}
	diags := res.tree["example.com/p [example.com/p.test]"]["timeout"]
	if len(diags) != 1 || diags[0].Message != "http.Server has no ReadHeaderTimeout" || len(diags[0].SuggestedFixes) != 1 {
		t.Errorf("timeout diagnostics = %+v; want one, without the name suffix, with its fix", diags)
	}
	if want := []string{"analyzer dualwrite failed on example.com/p [example.com/p.test]: boom at line 2"}; !slices.Equal(res.failures, want) {
		t.Errorf("failures = %q, want %q", res.failures, want)
	}
	if _, err := parseVetJSON(strings.NewReader(`{"p": {"timeout": 3}}`)); err == nil {
		t.Error("a malformed tree was accepted")
	}
}

func TestParsePosn(t *testing.T) {
	p := parsePosn("/src/c:d/p.go:13:10")
	if p.Filename != "/src/c:d/p.go" || p.Line != 13 || p.Column != 10 {
		t.Errorf("parsePosn = %+v", p)
	}
	if p := parsePosn("p.go"); p.Filename != "p.go" || p.Line != 0 {
		t.Errorf("parsePosn without line = %+v", p)
	}
	if p := parsePosn("a:b:c"); p.Filename != "a:b:c" || p.Line != 0 {
		t.Errorf("parsePosn with non-numeric line = %+v", p)
	}
}

func TestLineIndex(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f.go")
	if err := os.WriteFile(file, []byte("ab\ncd\n\nef"), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := make(lineIndex)
	for _, tc := range []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {4, 2, 2}, {6, 3, 1}, {7, 4, 1}, {9, 4, 3},
	} {
		if p := idx.position(file, tc.off); p.Line != tc.line || p.Column != tc.col {
			t.Errorf("offset %d: %d:%d, want %d:%d", tc.off, p.Line, p.Column, tc.line, tc.col)
		}
	}
}

func TestGoErrorLines(t *testing.T) {
	stderr := "# example.com/broken\nbroken/b.go:5:9: undefined: x\nvet: broken/c.go:1:1: expected 'package'\n" +
		"no required module provides package example.com/nope; to add it:\n\tgo get example.com/nope\n" +
		"go: warning: \"./none/...\" matched no packages\nno packages to vet\n"
	want := []string{
		"broken/b.go:5:9: undefined: x",
		"broken/c.go:1:1: expected 'package'",
		"no required module provides package example.com/nope; to add it: go get example.com/nope",
		`"./none/..." matched no packages`,
	}
	if got := goErrorLines(stderr); !slices.Equal(got, want) {
		t.Errorf("goErrorLines:\n%q\nwant\n%q", got, want)
	}
	if got := goErrorLines("no packages to vet\n"); !slices.Equal(got, []string{"no packages to vet"}) {
		t.Errorf("alone, %q is kept: %q", "no packages to vet", got)
	}
}

func TestVetFlags(t *testing.T) {
	policy := new(report.Policy)
	suite := analyzers.New(policy)
	fs := flag.NewFlagSet("distlint", flag.ContinueOnError)
	fs.Bool("json", false, "")
	policyFlags(fs, policy)
	sel := newSelection(fs, suite)
	if err := fs.Parse([]string{"-json", "-tests", "-idempotency.headers=X-Key,X-Other", "./..."}); err != nil {
		t.Fatal(err)
	}
	got := vetFlags(fs, suite, sel.active(suite))
	want := []string{"-idempotency.headers=X-Key,X-Other", "-tests=true"}
	if !slices.Equal(got, want) {
		t.Errorf("all analyzers: vetFlags = %q, want %q (no selection, only the set options and policy)", got, want)
	}
	if err := fs.Parse([]string{"-enable=timeout,wallclock"}); err != nil {
		t.Fatal(err)
	}
	got = vetFlags(fs, suite, sel.active(suite))
	for _, w := range []string{"-timeout=true", "-wallclock=true"} {
		if !slices.Contains(got, w) {
			t.Errorf("vetFlags = %q, want %s", got, w)
		}
	}
	if slices.ContainsFunc(got, func(s string) bool { return strings.HasPrefix(s, "-enable") || strings.HasPrefix(s, "-json") }) {
		t.Errorf("vetFlags = %q: -enable is translated and -json is distlint's own", got)
	}
}
