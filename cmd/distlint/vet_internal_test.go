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
{"example.com/p": {"timeout": [{"posn": "/src/c:d/p.go:13:10", "end": "/src/c:d/p.go:13:21", "message": "http.Server has no ReadHeaderTimeout (timeout)"}]}}
{
	"example.com/p": {
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
	all := func(string) bool { return true }
	none := func(string) bool { return false }
	res, err := parseVetJSON(strings.NewReader(vetJSON), all, none)
	if err != nil {
		t.Fatal(err)
	}
	if res.packages != 3 {
		t.Errorf("packages = %d, want 3 (a clean package counts too)", res.packages)
	}
	diags := res.tree["example.com/p"]["timeout"]
	if len(diags) != 1 || diags[0].Message != "http.Server has no ReadHeaderTimeout" {
		t.Errorf("timeout diagnostics = %+v; want one (printed twice: the package and its test variant), without the name suffix", diags)
	}
	if want := []string{"analyzer dualwrite failed on example.com/p: boom at line 2"}; !slices.Equal(res.failures, want) {
		t.Errorf("failures = %q, want %q", res.failures, want)
	}
	if _, err := parseVetJSON(strings.NewReader(`{"p": {"timeout": 3}}`), all, none); err == nil {
		t.Error("a malformed tree was accepted")
	}
	// Dependencies (not kept) give no diagnostics; their analyzer errors
	// are failures for analyzers with facts, warnings for the others.
	res, err = parseVetJSON(strings.NewReader(vetJSON), none, none)
	if err != nil {
		t.Fatal(err)
	}
	if res.packages != 3 || len(res.tree) != 0 || len(res.failures) != 0 || len(res.warnings) != 1 {
		t.Errorf("nothing kept: packages %d, tree %v, failures %q, warnings %q; want 3, none, none, the dualwrite error", res.packages, res.tree, res.failures, res.warnings)
	}
	res, err = parseVetJSON(strings.NewReader(vetJSON), none, func(a string) bool { return a == "dualwrite" })
	if err != nil || len(res.failures) != 1 {
		t.Errorf("a dependency's error in an analyzer with facts: failures %q (%v); want the dualwrite error", res.failures, err)
	}
}

func TestParsePosn(t *testing.T) {
	p := parsePosn("/src/c:d/p.go:13:10")
	if p.Filename != "/src/c:d/p.go" || p.Line != 13 || p.Column != 10 {
		t.Errorf("parsePosn = %+v", p)
	}
	if p := parsePosn("/src/p.go:12"); p.Filename != "/src/p.go" || p.Line != 12 || p.Column != 0 {
		t.Errorf("parsePosn without column = %+v", p)
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
		if p, ok := idx.position(file, tc.off); !ok || p.Line != tc.line || p.Column != tc.col {
			t.Errorf("offset %d: %d:%d (%v), want %d:%d", tc.off, p.Line, p.Column, ok, tc.line, tc.col)
		}
	}
	if _, ok := idx.position(file, 11); ok {
		t.Error("an offset past the end of the file was converted")
	}
	if _, ok := idx.position(file+".missing", 0); ok {
		t.Error("an offset in a missing file was converted")
	}
}

func TestGoErrorLines(t *testing.T) {
	stderr := "go: downloading example.com/dep v1.0.0\n# example.com/broken\nbroken/b.go:5:9: undefined: x\ndistlint: can't resolve import \"q\"\n" +
		"package example.com/a\n\timports example.com/b: cycle\npackage example.com/a\n\timports example.com/c: cycle\n" +
		"no required module provides package example.com/nope; to add it:\n\tgo get example.com/nope\n" +
		"go: warning: \"./none/...\" matched no packages\nno packages to vet\n"
	want := []string{
		"broken/b.go:5:9: undefined: x",
		`can't resolve import "q"`,
		"package example.com/a imports example.com/b: cycle",
		"package example.com/a imports example.com/c: cycle",
		"no required module provides package example.com/nope; to add it: go get example.com/nope",
		`"./none/..." matched no packages`,
	}
	if got := goErrorLines(stderr, "distlint: "); !slices.Equal(got, want) {
		t.Errorf("goErrorLines:\n%q\nwant\n%q", got, want)
	}
	if got := goErrorLines("no packages to vet\n", "distlint: "); !slices.Equal(got, []string{"no packages to vet"}) {
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

func TestVetEnv(t *testing.T) {
	suite := analyzers.New(new(report.Policy))
	env := []string{"GOFLAGS=-timeout=20m", "HOME=/root"}
	goflags := "-mod=mod -timeout=20m -tags=a,b --idempotency.headers=X -tests"
	got := vetEnv(env, goflags, toolFlags(suite))
	want := []string{"HOME=/root", "GOFLAGS=-mod=mod -tags=a,b"}
	if !slices.Equal(got, want) {
		t.Errorf("vetEnv = %q, want %q: the tool's flags leave $GOFLAGS, the go command's stay", got, want)
	}
	if got := vetEnv(env, "-mod=mod", toolFlags(suite)); !slices.Equal(got, env) {
		t.Errorf("vetEnv with nothing to remove = %q, want env unchanged", got)
	}
	if got := vetEnv(nil, "-timeout=20m", toolFlags(suite)); !slices.Equal(got, []string{"GOFLAGS=-buildvcs=auto"}) {
		t.Errorf("vetEnv with everything removed = %q; want a GOFLAGS that overrides the go env file", got)
	}
}

func TestBoolFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-report-deps", "-json", "x.cfg"}, true},
		{[]string{"--report-deps=true", "x.cfg"}, true},
		{[]string{"-report-deps=false", "x.cfg"}, false},
		{[]string{"-json", "x.cfg"}, false},
		{[]string{"x.cfg", "-report-deps"}, false}, // after the config: not a flag
	} {
		if got := boolFlag(tc.args, reportDepsFlag); got != tc.want {
			t.Errorf("boolFlag(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestFullConfig(t *testing.T) {
	dir := t.TempDir()
	dep := filepath.Join(dir, "vet.cfg")
	if err := os.WriteFile(dep, []byte(`{"ID": "p", "VetxOnly": true, "Future": [1]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	full, err := fullConfig(dep)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(full)
	if full == dep || !strings.Contains(string(data), `"VetxOnly":false`) || !strings.Contains(string(data), `"Future":[1]`) {
		t.Errorf("fullConfig wrote %s: %s; want a copy with VetxOnly false and the other fields kept", full, data)
	}
	root := filepath.Join(dir, "root.cfg")
	os.WriteFile(root, []byte(`{"ID": "p", "VetxOnly": false}`), 0o644)
	if got, err := fullConfig(root); err != nil || got != root {
		t.Errorf("fullConfig of a vetted package = %s, %v; want it unchanged", got, err)
	}
}
