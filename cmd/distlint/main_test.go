package main_test

// End-to-end tests: build the distlint binary and run it, as a user
// would, on the module in ../../testdata/e2e.

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/cmd/distlint/internal/clitest"
)

// binary is the distlint binary under test, built once for the whole
// test binary by TestMain. Tests in other files use distlintBin.
var binary string

func TestMain(m *testing.M) { clitest.Main(m, &binary) }

// distlintBin returns the path of the distlint binary under test.
func distlintBin(t testing.TB) string {
	t.Helper()
	if binary == "" {
		t.Fatal("distlint was not built (TestMain)")
	}
	return binary
}

// e2eDir is the fixture module, testdata/e2e. Tests only read it: run
// them in parallel.
func e2eDir(t testing.TB) string {
	return filepath.Join(clitest.Root(), "testdata", "e2e")
}

// writeFiles writes files (path relative to dir -> content) under dir.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	clitest.WriteFiles(t, dir, files)
}

// run runs name with args in dir and returns its output and exit code.
func run(t testing.TB, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return clitest.Run(t, dir, name, args...)
}

// The findings of ./findings, in text form: sorted, relative paths,
// analyzer named on every line. Probe's finding is suppressed with a
// reason; Careless's directive has none, so it is reported and the
// finding below it stays.
var wantText = []string{
	"findings/findings.go:8:9: http.Get uses http.DefaultClient, which has no Timeout: a stalled server holds this goroutine and its connection forever; use an http.Client with Timeout, or http.NewRequestWithContext with a deadline (timeout)",
	"findings/findings.go:13:10: http.Server has neither ReadHeaderTimeout nor ReadTimeout: slow or idle clients (slowloris) hold connections and goroutines until the server runs out of them; set ReadHeaderTimeout (for example 10 * time.Second) (timeout)",
	"findings/findings.go:25:2: //distlint:ignore directive for timeout has no reason: it suppresses nothing until it says why the finding does not apply (timeout)",
	"findings/findings.go:26:2: http.Head uses http.DefaultClient, which has no Timeout: a stalled server holds this goroutine and its connection forever; use an http.Client with Timeout, or http.NewRequestWithContext with a deadline (timeout)",
}

func TestText(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, e2eDir(t), binary, "./findings", "./clean")
	if code != 1 {
		t.Errorf("exit code = %d, want 1 (findings); stderr: %s", code, stderr)
	}
	if got := strings.Split(strings.TrimSpace(stdout), "\n"); strings.Join(got, "\n") != strings.Join(wantText, "\n") {
		t.Errorf("output:\n%s\nwant:\n%s", stdout, strings.Join(wantText, "\n"))
	}
	if stderr != "" {
		t.Errorf("unexpected stderr: %s", stderr)
	}
}

func TestClean(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, e2eDir(t), binary, "./clean")
	if code != 0 || stdout != "" || stderr != "" {
		t.Errorf("clean package: exit %d, stdout %q, stderr %q; want 0 and no output", code, stdout, stderr)
	}
}

func TestFailures(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		args   []string
		stderr string // a regexp the single-line error must match
	}{
		{"broken package", []string{"./broken"}, `^distlint: broken/broken.go:5:9: undefined: undefinedThing$`},
		{"unknown flag", []string{"-nosuchflag", "./clean"}, `^distlint: flag provided but not defined: -nosuchflag \(run 'distlint -help' for usage\)$`},
		{"no such package", []string{"./nosuchdir"}, `^distlint: .*nosuchdir.*$`},
		{"unknown analyzer", []string{"-enable=nosuch", "./clean"}, `^distlint: invalid value "nosuch" for flag -enable: unknown analyzer "nosuch" \(analyzers: .*\)`},
		{"explain unknown analyzer", []string{"-explain", "nosuch"}, `^distlint: unknown analyzer "nosuch"`},
		{"json and sarif", []string{"-json", "-sarif", "./clean"}, `^distlint: -json and -sarif cannot be combined$`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			stdout, stderr, code := run(t, e2eDir(t), binary, tc.args...)
			if code != 2 {
				t.Errorf("exit code = %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing: failures are not findings", stdout)
			}
			lines := strings.Split(strings.TrimSpace(stderr), "\n")
			if len(lines) != 1 || !regexp.MustCompile(tc.stderr).MatchString(lines[0]) {
				t.Errorf("stderr = %q, want one line matching %s", stderr, tc.stderr)
			}
		})
	}
}

// A package that does not compile fails the run, but the packages that
// did are still reported: exit 2, their findings on stdout, the error on
// stderr.
func TestPartialFailure(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, e2eDir(t), binary, "./findings", "./broken")
	if code != 2 {
		t.Errorf("exit code = %d, want 2: a package failed", code)
	}
	if got := strings.TrimSpace(stdout); got != strings.Join(wantText, "\n") {
		t.Errorf("stdout:\n%s\nwant the findings of ./findings:\n%s", stdout, strings.Join(wantText, "\n"))
	}
	if stderr != "distlint: broken/broken.go:5:9: undefined: undefinedThing\n" {
		t.Errorf("stderr = %q, want the one type error", stderr)
	}
}

// go vet caches a package's output under one key whether it analyzed the
// package as a dependency (facts only, no output) or vetted it; distlint
// must still report a package vetted after it was a dependency, and not
// report a dependency vetted before. The nonce makes the packages new to
// the build cache on every run of the test.
func TestDependencyThenRoot(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := map[string]string{
		"go.mod": "module cachet\n\ngo 1.26\n",
		"b/b.go": "package b\n\nimport \"net/http\"\n\n// " + strconv.FormatInt(time.Now().UnixNano(), 10) + "\nfunc Probe(u string) { http.Get(u) }\n",
		"a/a.go": "package a\n\nimport \"cachet/b\"\n\nfunc A() { b.Probe(\"x\") }\n",
	}
	writeFiles(t, dir, files)
	if stdout, stderr, code := run(t, dir, binary, "./a"); code != 0 || stdout != "" {
		t.Errorf("./a: exit %d, stdout %q, stderr %q; want 0 and nothing: b's finding is not a's", code, stdout, stderr)
	}
	for range 2 { // the second run replays the cached output
		stdout, stderr, code := run(t, dir, binary, "./b")
		if code != 1 || !strings.HasPrefix(stdout, "b/b.go:6:24: http.Get uses http.DefaultClient") {
			t.Errorf("./b after ./a: exit %d, stdout %q, stderr %q; want b's finding", code, stdout, stderr)
		}
	}
	if stdout, _, code := run(t, dir, binary, "./a"); code != 0 || stdout != "" {
		t.Errorf("./a after ./b: exit %d, stdout %q; want 0 and nothing", code, stdout)
	}
}

// A GOFLAGS meant for go test (-timeout) names distlint's timeout
// analyzer flag under go vet: distlint keeps it from the tool.
func TestGOFLAGS(t *testing.T) {
	t.Parallel()
	cmd := exec.Command(binary, "./findings")
	cmd.Dir = e2eDir(t)
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod -timeout=20m")
	out, err := cmd.Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 || strings.Count(string(out), "(timeout)") != len(wantText) {
		t.Errorf("GOFLAGS=-timeout=20m: %v, output %q; want exit 1 and the timeout findings", err, out)
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, e2eDir(t), binary, "-json", "./findings")
	if code != 1 {
		t.Errorf("exit code = %d, want 1; stderr: %s", code, stderr)
	}
	// The go vet -json form: package -> analyzer -> diagnostics.
	var tree map[string]map[string][]struct {
		Category       string `json:"category"`
		Posn           string `json:"posn"`
		End            string `json:"end"`
		Message        string `json:"message"`
		SuggestedFixes []struct {
			Message string `json:"message"`
			Edits   []struct {
				Filename string `json:"filename"`
				Start    int    `json:"start"`
				End      int    `json:"end"`
				New      string `json:"new"`
			} `json:"edits"`
		} `json:"suggested_fixes"`
	}
	if err := json.Unmarshal([]byte(stdout), &tree); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, stdout)
	}
	diags := tree["example.com/e2e/findings"]["timeout"]
	if len(diags) != len(wantText) {
		t.Fatalf("got %d timeout diagnostics, want %d:\n%s", len(diags), len(wantText), stdout)
	}
	fixes := 0
	for _, d := range diags {
		if !strings.HasSuffix(d.Posn, ".go:"+strings.Split(d.Posn, ".go:")[1]) || d.End == "" || d.Message == "" || d.Category == "" {
			t.Errorf("incomplete diagnostic: %+v", d)
		}
		for _, f := range d.SuggestedFixes {
			fixes++
			if f.Message != "Add ReadHeaderTimeout: 10 * time.Second" || len(f.Edits) != 2 {
				t.Errorf("server fix = %+v, want the field and the time import", f)
			}
		}
	}
	if fixes != 1 {
		t.Errorf("got %d suggested fixes, want 1 (the http.Server literal)", fixes)
	}
}

func TestSARIF(t *testing.T) {
	t.Parallel()
	stdout, stderr, code := run(t, e2eDir(t), binary, "-sarif", "./findings")
	if code != 1 {
		t.Errorf("exit code = %d, want 1; stderr: %s", code, stderr)
	}
	var log struct {
		Version string `json:"version"`
		Schema  string `json:"$schema"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Name  string `json:"name"`
					Rules []struct {
						ID               string `json:"id"`
						HelpURI          string `json:"helpUri"`
						ShortDescription struct{ Text string }
						FullDescription  struct{ Text string }
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Message   struct{ Text string }
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI       string `json:"uri"`
							URIBaseID string `json:"uriBaseId"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine   int `json:"startLine"`
							StartColumn int `json:"startColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []any `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatalf("invalid JSON: %v\n%s", err, stdout)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-schema-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("not a SARIF 2.1.0 log with one run: %s", stdout)
	}
	r := log.Runs[0]
	if r.Tool.Driver.Name != "distlint" || len(r.Tool.Driver.Rules) == 0 {
		t.Fatalf("driver = %+v", r.Tool.Driver)
	}
	rule := r.Tool.Driver.Rules[0]
	if rule.ID != "timeout" || !strings.HasPrefix(rule.HelpURI, "https://pkg.go.dev/github.com/distlint/distlint/analyzers/timeout") ||
		rule.ShortDescription.Text == "" || !strings.Contains(rule.FullDescription.Text, "Mental model") {
		t.Errorf("rule = %+v", rule)
	}
	if len(r.Results) != len(wantText) {
		t.Fatalf("got %d results, want %d", len(r.Results), len(wantText))
	}
	for i, res := range r.Results {
		loc := res.Locations[0].PhysicalLocation
		got := loc.ArtifactLocation.URI + ":" + strconv.Itoa(loc.Region.StartLine) + ":" + strconv.Itoa(loc.Region.StartColumn) + ": " + res.Message.Text + " (" + res.RuleID + ")"
		if got != wantText[i] || res.Level != "warning" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || res.Suppressions == nil {
			t.Errorf("result %d = %s (level %q, base %q, suppressions %v); want %s", i, got, res.Level, loc.ArtifactLocation.URIBaseID, res.Suppressions, wantText[i])
		}
	}
}

func TestTestsFlag(t *testing.T) {
	t.Parallel()
	dir := e2eDir(t)
	if stdout, _, code := run(t, dir, binary, "./withtests"); code != 0 || stdout != "" {
		t.Errorf("without -tests: exit %d, output %q; want 0 and nothing (test files are skipped)", code, stdout)
	}
	stdout, stderr, code := run(t, dir, binary, "-tests", "./withtests")
	if code != 1 || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, "withtests/lib_test.go:9:2: http.Get uses http.DefaultClient") {
		t.Errorf("with -tests: exit %d, output %q, stderr %q; want the one finding in lib_test.go, once", code, stdout, stderr)
	}
}

func TestSelection(t *testing.T) {
	t.Parallel()
	dir := e2eDir(t)
	// ./findings has timeout findings only.
	for _, args := range [][]string{{"-timeout=false"}, {"-disable=timeout"}, {"-unboundedqueue"}} {
		stdout, stderr, code := run(t, dir, binary, append(args, "./findings")...)
		if code != 0 || stdout != "" || stderr != "" {
			t.Errorf("%v: exit %d, output %q, stderr %q; want 0 and nothing: timeout is off", args, code, stdout, stderr)
		}
	}
	all := strings.Join(analyzers.Names(analyzers.All()), ",")
	_, stderr, code := run(t, dir, binary, "-disable="+all, "./findings")
	if code != 2 || !strings.Contains(stderr, "every analyzer is disabled") {
		t.Errorf("disabling all: exit %d, stderr %q; want 2: nothing left to run", code, stderr)
	}
	for _, args := range [][]string{{"-timeout"}, {"-enable=timeout"}} {
		stdout, _, code := run(t, dir, binary, append(args, "./findings")...)
		if code != 1 || strings.Count(stdout, "(timeout)") != len(wantText) {
			t.Errorf("%v: exit %d, output %q; want the timeout findings", args, code, stdout)
		}
	}
}

func TestExplain(t *testing.T) {
	t.Parallel()
	stdout, _, code := run(t, e2eDir(t), binary, "-explain", "timeout")
	if code != 0 || !strings.HasPrefix(stdout, "timeout: ") || !strings.Contains(stdout, "Bad:") || !strings.Contains(stdout, "Good:") {
		t.Errorf("-explain timeout: exit %d, output %q", code, stdout)
	}
}

func TestVetTool(t *testing.T) {
	t.Parallel()
	dir := e2eDir(t)
	_, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "./findings")
	if code == 0 {
		t.Fatalf("go vet -vettool on findings: exit 0, want non-zero; stderr: %s", stderr)
	}
	// The same lines as distlint's own text output, analyzer included.
	for _, want := range wantText {
		if !strings.Contains(stderr, want+"\n") {
			t.Errorf("go vet output lacks %q:\n%s", want, stderr)
		}
	}
	if _, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "./clean"); code != 0 {
		t.Errorf("go vet -vettool on clean: exit %d, stderr %s", code, stderr)
	}
	if _, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "-disable=timeout", "./findings"); code != 0 {
		t.Errorf("go vet -vettool -disable=timeout: exit %d, stderr %s; want 0", code, stderr)
	}
	if _, stderr, code := run(t, dir, "go", "vet", "-vettool="+binary, "-tests", "./withtests"); code == 0 || !strings.Contains(stderr, "lib_test.go:9:2: http.Get uses http.DefaultClient") {
		t.Errorf("go vet -vettool -tests: exit %d, stderr %s; want the test-file finding", code, stderr)
	}
}

func TestFixTool(t *testing.T) {
	t.Parallel()
	src := e2eDir(t)
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "findings/findings.go"} {
		data, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, stderr, code := run(t, dir, "go", "fix", "-fixtool="+binary, "./..."); code != 0 {
		t.Fatalf("go fix -fixtool: exit %d, stderr %s", code, stderr)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "findings", "findings.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`ReadHeaderTimeout: 10 * time.Second}`, `"time"`} {
		if !bytes.Contains(fixed, []byte(want)) {
			t.Errorf("fixed file lacks %s:\n%s", want, fixed)
		}
	}
	if _, stderr, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("fixed module does not build: %s\n%s", stderr, fixed)
	}
	// After the fix the server finding is gone; the others remain.
	stdout, _, _ := run(t, dir, binary, "./...")
	if strings.Contains(stdout, "http.Server has neither") || !strings.Contains(stdout, "http.Get uses") {
		t.Errorf("after go fix:\n%s", stdout)
	}
}

// cgo packages are analyzed through cmd/cgo's rewrite of their files;
// findings and suppressions still refer to the user's lines.
func TestCgo(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("gcc"); err != nil {
		t.Skip("no C compiler")
	}
	stdout, stderr, code := run(t, e2eDir(t), binary, "./cgo")
	want := "cgo/cgo.go:11:16: http.Get uses http.DefaultClient"
	if code != 1 || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, want) {
		t.Errorf("exit %d, output %q, stderr %q; want the one finding %q", code, stdout, stderr, want)
	}
}

func TestBuildTags(t *testing.T) {
	t.Parallel()
	dir := e2eDir(t)
	if stdout, stderr, code := run(t, dir, binary, "./tagged"); code != 0 || stdout != "" {
		t.Errorf("without -tags: exit %d, output %q, stderr %q; want 0: the tagged file is not built", code, stdout, stderr)
	}
	stdout, stderr, code := run(t, dir, binary, "-tags=special", "./tagged")
	if code != 1 || !strings.HasPrefix(stdout, "tagged/special.go:8:18: http.Get uses http.DefaultClient") {
		t.Errorf("-tags=special: exit %d, output %q, stderr %q; want the finding in special.go", code, stdout, stderr)
	}
}

// File names (from pre-commit or an editor) stand for their packages;
// files the go command ignores are dropped.
func TestFileArguments(t *testing.T) {
	t.Parallel()
	dir := e2eDir(t)
	stdout, stderr, code := run(t, dir, binary, "findings/findings.go", "clean/clean.go", "findings/findings.go")
	if code != 1 || strings.Join(strings.Split(strings.TrimSpace(stdout), "\n"), "\n") != strings.Join(wantText, "\n") {
		t.Errorf("files of two packages: exit %d, output %q, stderr %q; want the findings of ./findings once", code, stdout, stderr)
	}
	if stdout, stderr, code := run(t, dir, binary, "testdata/ignored.go"); code != 0 || stdout != "" || stderr != "" {
		t.Errorf("only an ignored file: exit %d, output %q, stderr %q; want 0 and nothing", code, stdout, stderr)
	}
}

// The -sarif output validates against the SARIF 2.1.0 JSON schema
// (testdata/sarifschema, its own module; skipped if the module proxy
// cannot be reached to fetch the validator).
func TestSARIFSchema(t *testing.T) {
	t.Parallel()
	validator, err := filepath.Abs(filepath.Join("..", "..", "testdata", "sarifschema"))
	if err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run(t, validator, "go", "mod", "download"); code != 0 {
		t.Skipf("the module proxy cannot be reached: %s", stderr)
	}
	for _, pkg := range []string{"./findings", "./clean"} { // with results and fixes, and with none
		sarif, _, _ := run(t, e2eDir(t), binary, "-sarif", pkg)
		cmd := exec.Command("go", "run", ".")
		cmd.Dir = validator
		cmd.Stdin = strings.NewReader(sarif)
		if out, err := cmd.CombinedOutput(); err != nil || !strings.Contains(string(out), "valid SARIF 2.1.0") {
			t.Errorf("%s: -sarif output is not valid SARIF 2.1.0: %v\n%s", pkg, err, out)
		}
	}
}

// TestCIGate runs scripts/ci-gate, the script behind action.yml, as GitHub
// Actions would: text findings in the log, a SARIF file with paths
// relative to the repository root, step outputs, and exit statuses that
// keep findings and failures apart.
func TestCIGate(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	script := filepath.Join(root, "scripts", "ci-gate")
	for _, tc := range []struct {
		name     string
		pkg      string
		defer_   bool
		wantCode int
		wantOut  string // GITHUB_OUTPUT's exit-code
		results  int    // SARIF results; -1: no SARIF file expected
	}{
		{"findings fail the gate", "./findings", false, 1, "1", 4},
		{"findings deferred to a later step", "./findings", true, 0, "1", 4},
		{"clean", "./clean", false, 0, "0", 0},
		{"broken package", "./broken", false, 2, "2", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tmp := t.TempDir()
			sarifFile := filepath.Join(tmp, "distlint.sarif")
			outputs := filepath.Join(tmp, "github_output")
			cmd := exec.Command(script, sarifFile, "-sarif-root", root, tc.pkg)
			cmd.Dir = e2eDir(t)
			cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "DISTLINT="+binary, "GITHUB_OUTPUT="+outputs)
			if tc.defer_ {
				cmd.Env = append(cmd.Env, "DISTLINT_GATE_DEFER=1")
			}
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			err := cmd.Run()
			code := 0
			var exit *exec.ExitError
			if errors.As(err, &exit) {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			if code != tc.wantCode {
				t.Errorf("exit status %d, want %d; stderr: %s", code, tc.wantCode, stderr.String())
			}
			gh, err := os.ReadFile(outputs)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(gh), "exit-code="+tc.wantOut+"\n") {
				t.Errorf("GITHUB_OUTPUT = %q, want exit-code=%s", gh, tc.wantOut)
			}
			if tc.results < 0 {
				return
			}
			if tc.results > 0 && strings.Count(stdout.String(), " (timeout)\n") != tc.results {
				t.Errorf("text findings in the log:\n%s", stdout.String())
			}
			if !strings.Contains(string(gh), "sarif="+sarifFile+"\n") {
				t.Errorf("GITHUB_OUTPUT = %q, want sarif=%s", gh, sarifFile)
			}
			data, err := os.ReadFile(sarifFile)
			if err != nil {
				t.Fatal(err)
			}
			var log struct {
				Runs []struct {
					Results []struct {
						Locations []struct {
							PhysicalLocation struct {
								ArtifactLocation struct {
									URI string `json:"uri"`
								} `json:"artifactLocation"`
							} `json:"physicalLocation"`
						} `json:"locations"`
					} `json:"results"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(data, &log); err != nil || len(log.Runs) != 1 {
				t.Fatalf("SARIF file: %v\n%s", err, data)
			}
			if got := len(log.Runs[0].Results); got != tc.results {
				t.Fatalf("%d SARIF results, want %d", got, tc.results)
			}
			for _, r := range log.Runs[0].Results {
				if uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "testdata/e2e/findings/findings.go" {
					t.Errorf("SARIF path %q, want it relative to the repository root", uri)
				}
			}
		})
	}

	// The action runs the same script with the same flags.
	action, err := os.ReadFile(filepath.Join(root, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"scripts/ci-gate", "-sarif-root \"$GITHUB_WORKSPACE\"", "DISTLINT_GATE_DEFER", "github/codeql-action/upload-sarif", "steps.distlint.outputs.exit-code == '1'"} {
		if !strings.Contains(string(action), want) {
			t.Errorf("action.yml does not contain %q", want)
		}
	}
}

// Editors run distlint as an external linter and parse its text output
// with their own patterns. TestEditorFormats checks the output against
// the patterns of the integrations the README documents.
func TestEditorFormats(t *testing.T) {
	t.Parallel()
	patterns := []struct {
		editor string
		re     *regexp.Regexp
		file   int // submatch indexes
		line   int
		col    int
		msg    int
	}{
		// vscode-go runs go.lintTool (with go.alternateTools pointing at
		// distlint) and parses stdout with this pattern (extension/src/util.ts,
		// runTool). It drops all output when the tool fails and wrote to
		// stderr, so findings must leave stderr empty.
		{"vscode-go", regexp.MustCompile(`^([^:]*: )?((.:)?[^:]*):(\d+)(:(\d+)?)?:(?:\w+:)? (.*)$`), 2, 4, 6, 7},
		// nvim-lint and ALE: the Vim errorformat %f:%l:%c: %m.
		{"errorformat", regexp.MustCompile(`^(.+?):(\d+):(\d+): (.*)$`), 1, 2, 3, 4},
	}
	dir := e2eDir(t)
	for _, args := range [][]string{
		{"./findings"},                   // package scope
		{"findings/findings.go"},         // file scope (vscode-go passes the file's path)
		{filepath.Join(dir, "findings")}, // absolute directory
	} {
		stdout, stderr, code := run(t, dir, binary, args...)
		if code != 1 || stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q; want 1 and empty stderr (editors discard output with stderr)", args, code, stderr)
		}
		lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
		if len(lines) != len(wantText) {
			t.Fatalf("%v: %d lines, want %d:\n%s", args, len(lines), len(wantText), stdout)
		}
		for i, line := range lines {
			want := strings.SplitN(wantText[i], ":", 4)
			for _, p := range patterns {
				m := p.re.FindStringSubmatch(line)
				if m == nil {
					t.Errorf("%s cannot parse %q", p.editor, line)
					continue
				}
				if m[p.file] != want[0] || m[p.line] != want[1] || m[p.col] != want[2] || m[p.msg] != strings.TrimPrefix(want[3], " ") {
					t.Errorf("%s parsed %q as file %q line %q col %q msg %q", p.editor, line, m[p.file], m[p.line], m[p.col], m[p.msg])
				}
				if !strings.HasSuffix(m[p.msg], " (timeout)") {
					t.Errorf("%s: message %q does not name the analyzer", p.editor, m[p.msg])
				}
			}
		}
	}
}

// TestFactsAcrossPackages: a helper in one package sets the idempotency
// key for a caller in another. With both packages given, the fact crosses
// between them; with only the caller given, the CLI does not analyze the
// helper's package, and a missing fact must not turn into a finding.
// go vet computes facts for every dependency and agrees.
func TestFactsAcrossPackages(t *testing.T) {
	t.Parallel()
	want := "facts/client/client.go:41:18: POST request retried by this retry loop without an Idempotency-Key header"
	for _, pattern := range []string{"./facts/...", "./facts/client"} {
		stdout, stderr, code := run(t, e2eDir(t), binary, pattern)
		if code != 1 || strings.Count(stdout, "\n") != 1 || !strings.HasPrefix(stdout, want) {
			t.Errorf("distlint %s: exit %d, want 1 and one finding %q:\n%s%s", pattern, code, want, stdout, stderr)
		}
	}
	_, stderr, code := run(t, e2eDir(t), "go", "vet", "-vettool="+binary, "./facts/client")
	if code == 0 || strings.Count(stderr, "(idempotency)") != 1 || !strings.Contains(stderr, want) {
		t.Errorf("go vet -vettool: exit %d, want one finding %q:\n%s", code, want, stderr)
	}
}
