package main_test

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestDependencyModuleThenRoot: a package analyzed for its facts only,
// as a dependency in another module, keeps its findings when it is asked
// for later, with the go command's vet cache shared between the runs:
// by a pattern naming the dependency's module from the first module, and
// from its own module. The go command caches a package's vet output
// under one key whether it was vetted or analyzed for facts (modules.go).
func TestDependencyModuleThenRoot(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stamp := strconv.FormatInt(time.Now().UnixNano(), 10) // new cache keys for b
	writeFiles(t, dir, map[string]string{
		"a/go.mod":         "module example.com/a\n\ngo 1.26\n\nrequire example.com/b v0.0.0\n\nreplace example.com/b => ../b\n",
		"a/a.go":           "package a\n\nimport (\n\t\"example.com/a/inner\"\n\t\"example.com/b/probe\"\n)\n\nfunc A() { probe.Probe(\"x\"); inner.Inner(\"y\") }\n",
		"a/inner/inner.go": "package inner\n\nimport \"net/http\"\n\n// " + stamp + "\nfunc Inner(u string) { http.Head(u) }\n",
		"b/go.mod":         "module example.com/b\n\ngo 1.26\n",
		"b/probe/probe.go": "package probe\n\nimport \"net/http\"\n\n// " + stamp + "\nfunc Probe(u string) { http.Get(u) }\n",
	})
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	if stdout, stderr, code := run(t, a, binary, "."); code != 0 || stdout != "" {
		t.Fatalf("a: exit %d, stdout %q, stderr %q; want 0 and nothing: its dependencies' findings are not its own", code, stdout, stderr)
	}
	const probe = "probe.go:6:24: http.Get uses http.DefaultClient"
	for _, tc := range []struct{ dir, pattern, want string }{
		{a, "./inner", "inner/inner.go:6:24: http.Head uses http.DefaultClient"},
		{a, "example.com/b/probe", probe},
		{b, "./...", "probe/" + probe},
		{a, "example.com/b/probe", probe}, // replayed from the cache
	} {
		stdout, stderr, code := run(t, tc.dir, binary, tc.pattern)
		if code != 1 || !strings.Contains(stdout, tc.want) {
			t.Errorf("%s in %s after a: exit %d, stdout %q, stderr %q; want the finding %q", tc.pattern, filepath.Base(tc.dir), code, stdout, stderr, tc.want)
		}
	}
}
