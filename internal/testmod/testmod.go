// Package testmod prepares testdata modules that import real third-party
// libraries (client_golang, stripe-go, the AWS SDK) for analysistest.
//
// analysistest loads a testdata directory that holds a go.mod in module mode
// with GOPROXY=off, so the module's dependencies must already be in the
// module cache. Download puts them there through the ordinary proxy, the
// way a clean CI machine gets the suite's own dependencies.
package testmod

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Download fetches the dependencies of the module rooted at dir into the
// module cache and returns dir. It skips the test when they cannot be
// fetched and GOPROXY is off (an offline machine); any other failure fails
// the test.
func Download(t testing.TB, dir string) string {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(abs, "go.mod")); err != nil {
		t.Fatalf("testdata module: %v", err)
	}
	cmd := exec.Command("go", "mod", "download")
	cmd.Dir = abs
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	out, err := cmd.CombinedOutput()
	if err != nil {
		if proxyOff() {
			t.Skipf("testdata module %s needs the module proxy (GOPROXY=off): %s", dir, out)
		}
		t.Fatalf("go mod download in %s: %v\n%s", dir, err, out)
	}
	return abs
}

// proxyOff reports whether the go command may not use a module proxy.
func proxyOff() bool {
	out, err := exec.Command("go", "env", "GOPROXY").Output()
	return err == nil && strings.TrimSpace(string(out)) == "off"
}
