package integration_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/distlint/distlint/cmd/distlint/internal/clitest"
)

var binary string // the distlint binary under test

func TestMain(m *testing.M) { clitest.Main(m, &binary) }

func run(t testing.TB, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return clitest.Run(t, dir, name, args...)
}

// TestSmokeRealPackages runs every analyzer over real packages fetched
// through the module proxy (testdata/smoke) and parts of the standard
// library, and fails on any analyzer panic or error. The full corpus run
// (go run ./bench/cmd/corpus) is too slow for CI; this is its stand-in.
// The standard library part is the packages whose APIs the analyzers
// model (net/http, database/sql, ...), not all of net/...: with their
// test variants those took most of the test's 570 s on an empty cache.
func TestSmokeRealPackages(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(clitest.Root(), "testdata", "smoke")
	if _, stderr, code := run(t, dir, "go", "mod", "download"); code != 0 {
		t.Skipf("the module proxy cannot be reached: %s", stderr)
	}
	stdout, stderr, code := run(t, dir, binary,
		"github.com/segmentio/kafka-go/...", "github.com/hashicorp/raft", "github.com/go-kit/kit/transport/http",
		"net/http", "net/http/httputil", "crypto/tls", "encoding/json", "database/sql")
	if code != 0 && code != 1 {
		t.Errorf("exit code %d, want 0 or 1", code)
	}
	if stderr != "" {
		t.Errorf("analyzer errors or panics:\n%s", stderr)
	}
	// net/http's ListenAndServe builds a Server without a read timeout: a
	// known finding, so the run reached the analyzers. Only the standard
	// library's lines are printed: kafka-go, raft and go-kit are in the
	// held-out half of the corpus (bench/split.txt), whose findings are
	// read once, when the rules are done.
	var std []string
	for _, line := range strings.Split(stdout, "\n") {
		if strings.Contains(line, "/src/net/") || strings.Contains(line, "/src/crypto/") || strings.Contains(line, "/src/database/") || strings.Contains(line, "/src/encoding/") {
			std = append(std, line)
		}
	}
	if !strings.Contains(strings.Join(std, "\n"), "net/http/server.go:") || !strings.Contains(strings.Join(std, "\n"), "http.Server has neither ReadHeaderTimeout nor ReadTimeout") {
		t.Errorf("the known net/http finding is missing; the standard library's findings:\n%s", strings.Join(std, "\n"))
	}
}

// TestPreCommitHooks runs scripts/test-pre-commit: both hooks of
// .pre-commit-hooks.yaml, with the real pre-commit, on a throwaway
// repository. Skipped where pre-commit is not installed (Debian package
// "pre-commit") and with -short.
func TestPreCommitHooks(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("installs distlint through pre-commit: skipped with -short")
	}
	if _, err := exec.LookPath("pre-commit"); err != nil {
		t.Skip("pre-commit is not installed: the hooks in .pre-commit-hooks.yaml are not tested (install the Debian package pre-commit, or run .ci/run with DISTLINT_CI_INSTALL=1)")
	}
	script := filepath.Join(clitest.Root(), "scripts", "test-pre-commit")
	out, err := exec.Command(script).CombinedOutput()
	if err != nil {
		t.Fatalf("scripts/test-pre-commit: %v\n%s", err, out)
	}
	if got := strings.Count(string(out), "ok   "); got != 3 {
		t.Errorf("%d checks passed, want 3:\n%s", got, out)
	}
}

// TestGoTool follows the README's `go tool` path: a scratch module adds
// distlint with a tool directive (pointed at this working tree) and runs
// it with `go tool distlint`, standalone and as go vet's tool.
func TestGoTool(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds distlint through the go command: skipped with -short")
	}
	root := clitest.Root()
	dir := t.TempDir()
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod": "module example.com/scratch\n\ngo 1.26\n\ntool github.com/distlint/distlint/cmd/distlint\n\n" +
			"require github.com/distlint/distlint v0.0.0\n\nreplace github.com/distlint/distlint => " + root + "\n",
		"go.sum": string(sum),
		// No imports: the go tool's distlint is a binary of its own, so
		// go vet analyzes everything again for it, and net/http's
		// dependencies would cost minutes on an empty cache.
		"app/app.go": "package app\n\n// Queue buffers a day of events.\nfunc Queue() chan []byte {\n\treturn make(chan []byte, 1<<20)\n}\n",
	}
	clitest.WriteFiles(t, dir, files)
	if out, _, code := run(t, dir, "go", "mod", "tidy"); code != 0 {
		t.Fatalf("go mod tidy: exit %d\n%s", code, out)
	}
	stdout, stderr, code := run(t, dir, "go", "tool", "distlint", "-unboundedqueue.strict", "./...")
	if code != 1 || !strings.HasPrefix(stdout, "app/app.go:5:9: channel buffer of 1048576") {
		t.Errorf("go tool distlint: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	toolPath, stderr, code := run(t, dir, "go", "tool", "-n", "distlint")
	if code != 0 {
		t.Fatalf("go tool -n distlint: exit %d: %s", code, stderr)
	}
	_, stderr, code = run(t, dir, "go", "vet", "-vettool="+strings.TrimSpace(toolPath), "-unboundedqueue.strict", "./...")
	if code == 0 || !strings.Contains(stderr, "app/app.go:5:9: channel buffer of 1048576") {
		t.Errorf("go vet -vettool=$(go tool -n distlint): exit %d\nstderr: %s", code, stderr)
	}
}

// TestCIRun runs .ci/run with a stand-in go command that has no cgo: the
// script names every optional tool, installs nothing when neither CI nor
// DISTLINT_CI_INSTALL is set, and runs the tests with an explicit
// timeout and without -race, saying so.
func TestCIRun(t *testing.T) {
	t.Parallel()
	bin := t.TempDir()
	record := filepath.Join(t.TempDir(), "go-args")
	fakeGo := "#!/bin/sh\ncase \"$1 $2\" in\n\"env CGO_ENABLED\") echo 0 ;;\n\"env CC\") echo gcc ;;\n" +
		"test*) echo \"$@\" >" + record + " ;;\nesac\n"
	if err := os.WriteFile(filepath.Join(bin, "go"), []byte(fakeGo), 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(filepath.Join(clitest.Root(), ".ci", "run"))
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CI=") && !strings.HasPrefix(kv, "DISTLINT_CI_INSTALL=") && !strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	cmd.Env = append(env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf(".ci/run: %v\n%s", err, out)
	}
	for _, want := range []string{"ci: pre-commit: ", "ci: chromium: ", "ci: C compiler: CGO_ENABLED=0; tests run WITHOUT -race"} {
		if !strings.Contains(string(out), want) {
			t.Errorf(".ci/run output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "installed;") {
		t.Errorf(".ci/run installed a tool without CI or DISTLINT_CI_INSTALL:\n%s", out)
	}
	args, err := os.ReadFile(record)
	if err != nil {
		t.Fatalf("go test was not run: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(args)); got != "test -shuffle=on -timeout=10m ./..." {
		t.Errorf("go %s, want go test -shuffle=on -timeout=10m ./... (no -race without cgo)", got)
	}
}
