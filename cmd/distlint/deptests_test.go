package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/distlint/distlint/cmd/distlint/internal/clitest"
)

// TestDependencyTests: checking a dependency whose tests import a module
// the user's go.sum lacks analyzes it anyway, says so in one line, and
// leaves go.mod and go.sum alone; the same gap in the user's own tests
// is still a failure.
func TestDependencyTests(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	app, dep := filepath.Join(tmp, "app"), filepath.Join(tmp, "dep")
	appMod := "module example.com/app\n\ngo 1.26\n\nrequire example.com/dep v0.0.0\n\nreplace example.com/dep => ../dep\n"
	writeFiles(t, app, map[string]string{
		"go.mod": appMod,
		"app.go": "package app\n\nimport \"example.com/dep\"\n\nfunc App() { dep.Fetch(\"x\") }\n",
	})
	// dep's tests import golang.org/x/sync (in distlint's own module
	// graph, so in the module cache), which app's go.sum does not cover.
	writeFiles(t, dep, map[string]string{
		"go.mod":      "module example.com/dep\n\ngo 1.26\n\nrequire golang.org/x/sync v0.24.0\n",
		"dep.go":      "package dep\n\nimport \"net/http\"\n\nfunc Fetch(u string) { http.Get(u) }\n",
		"dep_test.go": "package dep\n\nimport (\n\t\"testing\"\n\n\t\"golang.org/x/sync/errgroup\"\n)\n\nfunc TestFetch(t *testing.T) { var g errgroup.Group; g.Wait() }\n",
	})
	// GOFLAGS=-mod=readonly, as for a user: -mod=mod would let the go
	// command complete go.mod and go.sum itself.
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	run := func(args ...string) (stdout, stderr string, code int) {
		return clitest.RunEnv(t, app, env, distlintBin(t), args...)
	}
	stdout, stderr, code := run("example.com/dep")
	want := "distlint: warning: the tests of " + dep + " import modules your go.mod or go.sum lacks; they were resolved in a temporary copy of go.mod and go.sum, yours are unchanged (to record them: go get -t <package>)\n"
	if code != 1 || !strings.Contains(stdout, "dep/dep.go:5:24: http.Get uses http.DefaultClient") || stderr != want {
		if strings.Contains(stderr, "could not resolve") {
			t.Skipf("the module proxy cannot be reached: %s", stderr)
		}
		t.Errorf("a dependency whose tests import a missing module: exit %d\nstdout: %s\nstderr: %q\nwant exit 1, its finding, and stderr %q", code, stdout, stderr, want)
	}
	if data, _ := os.ReadFile(filepath.Join(app, "go.mod")); string(data) != appMod {
		t.Errorf("go.mod changed:\n%s", data)
	}
	if _, err := os.Stat(filepath.Join(app, "go.sum")); err == nil {
		t.Errorf("go.sum was written")
	}

	// The same gap in app's own tests is the user's to fix.
	writeFiles(t, app, map[string]string{
		"app_test.go": "package app\n\nimport (\n\t\"testing\"\n\n\t\"golang.org/x/sync/errgroup\"\n)\n\nfunc TestApp(t *testing.T) { var g errgroup.Group; g.Wait() }\n",
	})
	stdout, stderr, code = run("./...")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "app_test.go") || strings.Contains(stderr, "temporary copy") {
		t.Errorf("the main module's test importing a missing module: exit %d, stdout %q, stderr %q; want 2 and the go command's error", code, stdout, stderr)
	}
}
