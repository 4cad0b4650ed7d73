package main_test

// End-to-end tests of adoption on an existing codebase: the baseline and
// SARIF fingerprints (issue #19).

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// adoptModule writes a scratch module with files and returns its
// directory.
func adoptModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	files["go.mod"] = "module example.com/adopt\n\ngo 1.26\n"
	writeFiles(t, dir, files)
	return dir
}

// legacy has three timeout findings: two identical ones in Fetch and one
// in Serve.
const legacy = `package svc

import "net/http"

func Fetch(url string) {
	http.Get(url)
	http.Get(url)
}

func Serve(h http.Handler) error {
	srv := &http.Server{Addr: ":8080", Handler: h}
	return srv.ListenAndServe()
}
`

func TestBaseline(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, map[string]string{"svc/svc.go": legacy})
	base := filepath.Join(dir, "distlint-baseline.json")

	stdout, stderr, code := run(t, dir, binary, "-baseline-write", base, "./...")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "wrote 3 findings to ") {
		t.Fatalf("-baseline-write: exit %d, stdout %q, stderr %q; want 0 and the count", code, stdout, stderr)
	}
	first, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Version  int
		Findings []struct {
			File, Function, Analyzer, Hash, Message string
			Count                                   int
		}
	}
	if err := json.Unmarshal(first, &file); err != nil {
		t.Fatalf("baseline is not JSON: %v\n%s", err, first)
	}
	if file.Version != 1 || len(file.Findings) != 2 {
		t.Fatalf("baseline has version %d and %d entries, want 1 and 2 (the identical findings counted):\n%s", file.Version, len(file.Findings), first)
	}
	if f := file.Findings[0]; f.File != "svc/svc.go" || f.Function != "Fetch" || f.Count != 2 || f.Analyzer != "timeout" || !strings.Contains(f.Message, "http.Get") {
		t.Errorf("first entry %+v, want svc/svc.go, Fetch, timeout, count 2 (sorted by file and function)", f)
	}
	if strings.Contains(string(first), `"line"`) || !strings.Contains(string(first), "\n      \"file\": ") {
		t.Errorf("baseline records lines or is not indented for diffs:\n%s", first)
	}
	// Stable: a second run writes the same bytes.
	run(t, dir, binary, "-baseline-write", base, "./...")
	if again, _ := os.ReadFile(base); string(again) != string(first) {
		t.Errorf("a second -baseline-write changed the file:\n%s\nthen\n%s", first, again)
	}

	// Three lines inserted at the top: every finding moves and still matches.
	shifted := "// Package svc serves.\n//\n// It is old.\n" + legacy
	writeFiles(t, dir, map[string]string{"svc/svc.go": shifted})
	for _, format := range [][]string{nil, {"-json"}, {"-sarif"}} {
		args := append(append([]string{"-baseline", base}, format...), "./...")
		stdout, stderr, code = run(t, dir, binary, args...)
		// Text findings end in "(timeout)", JSON ones have a "posn" and
		// SARIF results a "ruleId" (SARIF's rule texts may say anything).
		leaked := strings.Contains(stdout, `"ruleId"`)
		if len(format) == 0 || format[0] != "-sarif" {
			leaked = leaked || strings.Contains(stdout, "(timeout)") || strings.Contains(stdout, `"posn"`)
		}
		if code != 0 || leaked {
			t.Errorf("%v after a shift: exit %d, stdout %q; want 0 and no findings", args, code, stdout)
		}
		if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "3 known findings hidden, 0 recorded no longer found") {
			t.Errorf("%v after a shift: stderr %q; want one line: 3 hidden, 0 stale", args, stderr)
		}
	}

	// A new finding in the same file, including a third copy of a
	// counted one, is reported alone.
	grown := strings.Replace(shifted, "\thttp.Get(url)\n}", "\thttp.Get(url)\n\thttp.Get(url)\n}\n\nfunc Ping(url string) {\n\thttp.Head(url)\n}", 1)
	writeFiles(t, dir, map[string]string{"svc/svc.go": grown})
	stdout, stderr, code = run(t, dir, binary, "-baseline", base, "./...")
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != 1 || len(lines) != 2 || !strings.Contains(lines[0], "svc/svc.go:11:") || !strings.Contains(lines[1], "http.Head") {
		t.Errorf("new findings: exit %d, stdout:\n%s\nwant exit 1 and only the third http.Get (line 11) and http.Head", code, stdout)
	}
	stdout, _, code = run(t, dir, binary, "-baseline", base, "-json", "./...")
	if code != 1 || strings.Count(stdout, `"posn"`) != 2 {
		t.Errorf("-json with a baseline: exit %d, output %s; want the two new findings", code, stdout)
	}
	stdout, _, code = run(t, dir, binary, "-baseline", base, "-sarif", "./...")
	if code != 1 || strings.Count(stdout, `"ruleId"`) != 2 {
		t.Errorf("-sarif with a baseline: exit %d, output %s; want the two new findings", code, stdout)
	}

	// Fixed: Serve's finding and one http.Get are gone; the baseline
	// counts them stale.
	fixed := strings.Replace(strings.Replace(shifted, "Handler: h}", "Handler: h, ReadHeaderTimeout: 10}", 1), "\thttp.Get(url)\n", "", 1)
	writeFiles(t, dir, map[string]string{"svc/svc.go": fixed})
	stdout, stderr, code = run(t, dir, binary, "-baseline", base, "./...")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "1 known finding hidden, 2 recorded no longer found") || !strings.Contains(stderr, "-baseline-write") {
		t.Errorf("after fixes: exit %d, stdout %q, stderr %q; want 0 and 2 stale with the way to refresh", code, stdout, stderr)
	}
}

func TestBaselineErrors(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, map[string]string{"svc/svc.go": legacy, "bad.json": `{"findings": 3}`})
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-baseline", "missing.json"}, "-baseline: open missing.json: no such file"},
		{[]string{"-baseline", "bad.json"}, "-baseline: bad.json is not a distlint baseline"},
		{[]string{"-baseline", "bad.json", "-baseline-write", "x.json"}, "cannot be combined"},
	} {
		stdout, stderr, code := run(t, dir, binary, append(tc.args, "./...")...)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line with %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
	// A package that does not type-check: no partial baseline.
	writeFiles(t, dir, map[string]string{"broken/broken.go": "package broken\n\nvar x int = \"s\"\n"})
	if _, stderr, code := run(t, dir, binary, "-baseline-write", "new.json", "./..."); code != 2 || !strings.Contains(stderr, "not writing new.json") {
		t.Errorf("-baseline-write with a broken package: exit %d, stderr %q; want 2", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "new.json")); err == nil {
		t.Error("-baseline-write wrote a baseline although a package failed")
	}
}

// sarifFingerprints runs distlint -sarif and returns each result's start
// line and partialFingerprints, by message.
func sarifFingerprints(t *testing.T, dir string) map[string][]string {
	t.Helper()
	stdout, stderr, code := run(t, dir, binary, "-sarif", "./...")
	if code != 1 {
		t.Fatalf("-sarif: exit %d, stderr %s", code, stderr)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Message             struct{ Text string }
				PartialFingerprints map[string]string
				Locations           []struct {
					PhysicalLocation struct {
						Region struct{ StartLine int }
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	out := make(map[string][]string)
	for _, r := range log.Runs[0].Results {
		fp := r.PartialFingerprints["distlint/v1"]
		if fp == "" {
			t.Errorf("result %q has no distlint/v1 partial fingerprint", r.Message.Text)
		}
		out[fp] = append(out[fp], r.Message.Text)
	}
	return out
}

func TestSARIFFingerprints(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, map[string]string{"svc/svc.go": legacy})
	before := sarifFingerprints(t, dir)
	if len(before) != 3 {
		t.Fatalf("%d distinct fingerprints, want 3 (identical findings get their rank): %v", len(before), before)
	}
	writeFiles(t, dir, map[string]string{"svc/svc.go": "// Package svc serves.\n//\n// It is old.\n" + legacy})
	stdout, _, _ := run(t, dir, binary, "-sarif", "./...")
	if !strings.Contains(stdout, `"startLine": 9`) {
		t.Fatalf("the lines did not move:\n%s", stdout)
	}
	after := sarifFingerprints(t, dir)
	for fp, msgs := range before {
		if strings.Join(after[fp], "|") != strings.Join(msgs, "|") {
			t.Errorf("fingerprint %s: %q before the shift, %q after", fp, msgs, after[fp])
		}
	}
}

// The CI gate passes distlint's flags on: with -baseline it fails only
// on new findings, and the SARIF file holds only those.
func TestCIGateBaseline(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, map[string]string{"svc/svc.go": legacy})
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "ci-gate"))
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, dir, binary, "-baseline-write", "base.json", "./..."); code != 0 {
		t.Fatalf("-baseline-write: exit %d, %s", code, stderr)
	}
	writeFiles(t, dir, map[string]string{"svc/ping.go": "package svc\n\nimport \"net/http\"\n\nfunc Ping(url string) { http.Head(url) }\n"})
	cmd := exec.Command(script, "out.sarif", "-baseline", "base.json", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "DISTLINT="+binary, "GITHUB_OUTPUT=")
	out, err := cmd.CombinedOutput()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
		t.Fatalf("ci-gate -baseline: %v, want exit 1:\n%s", err, out)
	}
	if strings.Count(string(out), "(timeout)") != 1 || !strings.Contains(string(out), "3 known findings hidden") {
		t.Errorf("ci-gate log:\n%s\nwant the one new finding and the baseline line", out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "out.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), `"ruleId"`); n != 1 {
		t.Errorf("SARIF file has %d results, want the one new finding", n)
	}

	action, err := os.ReadFile(filepath.Join("..", "..", "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"  baseline:\n", "-baseline"} {
		if !strings.Contains(string(action), want) {
			t.Errorf("action.yml does not contain %q", want)
		}
	}
}

// A run on some packages (a pre-commit hook on the changed files) counts
// stale only the entries of those packages.
func TestBaselineSubset(t *testing.T) {
	t.Parallel()
	dir := adoptModule(t, map[string]string{
		"svc/svc.go":     legacy,
		"other/other.go": "package other\n\nimport \"net/http\"\n\nfunc Ping(url string) { http.Head(url) }\n",
	})
	if _, stderr, code := run(t, dir, binary, "-baseline-write", "base.json", "./..."); code != 0 {
		t.Fatalf("-baseline-write: exit %d, %s", code, stderr)
	}
	stdout, stderr, code := run(t, dir, binary, "-baseline", "base.json", "./svc")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "3 known findings hidden, 0 recorded no longer found") {
		t.Errorf("-baseline on ./svc: exit %d, stdout %q, stderr %q; want 0, and other's entry not counted stale", code, stdout, stderr)
	}
	_, stderr, _ = run(t, dir, binary, "-baseline", "base.json", "other/other.go")
	if !strings.Contains(stderr, "1 known finding hidden, 0 recorded no longer found") {
		t.Errorf("-baseline on a file: stderr %q; want 1 hidden and 0 stale", stderr)
	}
}
