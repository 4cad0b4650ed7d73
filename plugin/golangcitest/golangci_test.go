package golangcitest_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestGolangciLint builds a real golangci-lint v2.15.0 with the plugin
// (scripts/build-golangci, from the module proxy) and runs it on
// testdata/gcl. It is skipped only when the module proxy cannot be
// reached; -short skips it too, for quick local runs.
func TestGolangciLint(t *testing.T) {
	if testing.Short() {
		t.Skip("builds golangci-lint: skipped with -short")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("go", "mod", "download", "-json", "github.com/golangci/golangci-lint/v2@v2.15.0").CombinedOutput(); err != nil {
		t.Skipf("the module proxy cannot be reached: %v\n%s", err, out)
	}
	bin := filepath.Join(t.TempDir(), "custom-gcl")
	build := exec.Command(filepath.Join(root, "scripts", "build-golangci"), bin)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("scripts/build-golangci: %v\n%s", err, out)
	}

	version, _, _ := gcl(t, root, bin, "--version")
	if !strings.Contains(version, "2.15.0-distlint-") {
		t.Errorf("version %q does not carry the sources' hash", version)
	}

	// The default settings of testdata/gcl/.golangci.yml.
	out, stderr, code := gcl(t, root, bin, "run", "./...")
	if code != 1 {
		t.Errorf("exit code %d, want 1 (issues found); stderr:\n%s", code, stderr)
	}
	for _, want := range []string{
		"app/app.go:11:9: timeout: http.Get uses http.DefaultClient",
		"app/app.go:20:32: unboundedqueue: channel buffer of 600",
		"app/app.go:24:12: lostcontext: http.NewRequest makes a request with no context where ctx is in scope",
		// Facts cross packages under golangci-lint too: pay.Send, in
		// another package, sends the request that Refund retries.
		"app/refund.go:17:12: idempotency: POST request retried by this retry loop",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "app/app.go:16:") {
		t.Errorf("the //nolint:distlint line was reported:\n%s", out)
	}
	// Two findings on one line both arrive with uniq-by-line: false (the
	// README's setting); golangci-lint's default keeps one of them.
	twoOnALine := []string{"app/charge.go:11:15: idempotency: http.Post sends a POST", "app/charge.go:11:15: timeout: http.Post uses http.DefaultClient"}
	for _, want := range twoOnALine {
		if !strings.Contains(out, want) {
			t.Errorf("with uniq-by-line: false, output lacks %q:\n%s", want, out)
		}
	}
	out, _, _ = gcl(t, root, bin, "run", "--uniq-by-line=true", "./...")
	if n := strings.Count(out, "app/charge.go:11:15: "); n != 1 {
		t.Errorf("with golangci-lint's default uniq-by-line, %d findings on the line, want 1 (the test no longer shows why the setting is needed):\n%s", n, out)
	}

	// golangci-lint-langserver (editors over LSP) runs the custom binary
	// with these flags and reads the issues from the JSON on stdout.
	out, stderr, _ = gcl(t, root, bin, "run", "--output.json.path=stdout", "--show-stats=false", "--issues-exit-code=1", "./...")
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("langserver flags: invalid JSON: %v\n%s\nstderr:\n%s", err, out, stderr)
	}
	if len(report.Issues) != 6 {
		t.Errorf("langserver flags: %d issues, want 6:\n%s", len(report.Issues), out)
	}
	for _, is := range report.Issues {
		if is.FromLinter != "distlint" || !strings.HasPrefix(is.Pos.Filename, "app/") || is.Pos.Line == 0 || is.Pos.Column == 0 || is.Text == "" {
			t.Errorf("langserver flags: issue %+v", is)
		}
	}

	// vscode-go with go.lintTool "golangci-lint-v2" (go.alternateTools
	// naming the custom binary) adds these flags and parses each line
	// with its pattern (extension/src/goLint.ts and util.ts).
	out, stderr, code = gcl(t, root, bin, "run", "--issues-exit-code=0", "--output.text.print-issued-lines=false",
		"--show-stats=false", "--output.text.path=stdout", "--path-mode=abs", "./...")
	vscode := regexp.MustCompile(`^([^:]*: )?((.:)?[^:]*):(\d+)(:(\d+)?)?:(?:\w+:)? (.*)$`)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 6 {
		t.Errorf("vscode-go flags: exit %d, %d lines, want 0 and 6:\n%s\nstderr:\n%s", code, len(lines), out, stderr)
	}
	for _, line := range lines {
		m := vscode.FindStringSubmatch(line)
		if m == nil || !filepath.IsAbs(m[2]) || filepath.Base(filepath.Dir(m[2])) != "app" || m[6] == "" {
			t.Errorf("vscode-go cannot parse %q", line)
		}
	}

	// Other settings change the findings.
	out, stderr, _ = gcl(t, root, bin, "run", "-c", "strict.yml", "./...")
	if !strings.Contains(out, "timeout: http.Get uses") || strings.Contains(out, "channel buffer of 600") || strings.Contains(out, "lostcontext:") {
		t.Errorf("with strict.yml (lostcontext disabled, maxbuffer 1000):\n%s\nstderr:\n%s", out, stderr)
	}
}

func gcl(t *testing.T, root, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = filepath.Join(root, "testdata", "gcl")
	cmd.Env = append(os.Environ(), "GOLANGCI_LINT_CACHE="+t.TempDir(), "GOWORK=off", "GOFLAGS=-mod=mod")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s %v: %v", bin, args, err)
	}
	return out.String(), errOut.String(), code
}
