// Package clitest holds what the end-to-end tests of the distlint
// command share: building the binary once per test binary, running it
// (or the go command) in a directory, and writing scratch modules.
package clitest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Root returns the repository's root directory: that of the main
// module's go.mod, found from the test's working directory (its
// package's directory).
var Root = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	gomod := strings.TrimSpace(string(out))
	if err != nil || gomod == "" || gomod == os.DevNull {
		panic(fmt.Sprintf("clitest: no main module (go env GOMOD: %q, %v)", gomod, err))
	}
	return filepath.Dir(gomod)
})

// Build builds the distlint command into a new temporary directory and
// returns the binary's path and a function that removes the directory.
// Call it once, from TestMain.
func Build() (bin string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "distlint-e2e")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	bin = filepath.Join(dir, "distlint")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/distlint")
	cmd.Dir = Root()
	cmd.Env = append(os.Environ(), "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("building distlint: %v\n%s", err, out)
	}
	return bin, cleanup, nil
}

// Main builds the distlint command, stores its path in *bin, runs the
// tests and exits: a TestMain in one line.
func Main(m *testing.M, bin *string) {
	path, cleanup, err := Build()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	*bin = path
	code := m.Run()
	cleanup()
	os.Exit(code)
}

// Env is the environment the commands run in: the caller's, without a
// go.work, with go.mod updates allowed (scratch modules lack go.sum).
func Env() []string {
	return append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
}

// Run runs name with args in dir and returns its output and exit code.
// It fails the test if the command cannot be started.
func Run(t testing.TB, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return RunEnv(t, dir, Env(), name, args...)
}

// RunEnv is Run in the environment env.
func RunEnv(t testing.TB, dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = env
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running %s %s: %v", name, strings.Join(args, " "), err)
	}
	return out.String(), errOut.String(), code
}

// WriteFiles writes files (path relative to dir -> content) under dir.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
