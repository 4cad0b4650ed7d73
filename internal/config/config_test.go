package config_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/config"
)

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		pattern, name string
		want          bool
	}{
		{"internal/legacy/**", "internal/legacy/a.go", true},
		{"internal/legacy/**", "internal/legacy/x/y/a.go", true},
		{"internal/legacy/**", "internal/legacyx/a.go", false},
		{"internal/legacy/*.go", "internal/legacy/x/a.go", false},
		{"**/gen/*.go", "gen/a.go", true},
		{"**/gen/*.go", "a/b/gen/a.go", true},
		{"**/gen/*.go", "a/b/gen2/a.go", false},
		{"*_gen.go", "a/b/x_gen.go", true},
		{"*_gen.go", "a/b/x_gen.go.txt", false},
		{"./svc/*.go", "svc/a.go", true},
		{"svc", "svc/a.go", false},
	} {
		if got := config.Match(tc.pattern, tc.name); got != tc.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tc.pattern, tc.name, got, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":            "module m\n",
		".distlint.yaml":    "tests: true\n",
		"a/b/x.go":          "package b\n",
		"nested/go.mod":     "module n\n",
		"nested/pkg/y.go":   "package pkg\n",
		"../.distlint.yaml": "tests: false\n", // above the module: never read
	} {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer os.Remove(filepath.Join(filepath.Dir(root), ".distlint.yaml"))
	if got, ok := config.Find(filepath.Join(root, "a", "b")); !ok || got != filepath.Join(root, ".distlint.yaml") {
		t.Errorf("Find(a/b) = %q, %v; want the module root's file", got, ok)
	}
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, config.Name), []byte("tests: true\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, ok := config.Find(outside); ok {
		t.Errorf("Find(a directory in no module) = %q; want none", got)
	}
	if got, ok := config.Find(filepath.Join(root, "nested", "pkg")); ok {
		t.Errorf("Find(nested/pkg) = %q; want none: the nested module has no file, and the search stops at its go.mod", got)
	}
}

func TestArgs(t *testing.T) {
	cfg, err := config.Parse(".distlint.yaml", "/m", []byte(`
enable: [timeout, unboundedqueue]
disable: [unboundedqueue]
generated: true
idempotency:
  headers: [Idempotency-Key, X-Request-Key]
unboundedqueue: {maxbuffer: 5000}
`), analyzers.All())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"-generated=true", "-idempotency.headers=Idempotency-Key,X-Request-Key", "-timeout=true", "-unboundedqueue.maxbuffer=5000", "-unboundedqueue=false"}
	if got := cfg.Args(); !slices.Equal(got, want) {
		t.Errorf("Args() = %q, want %q", got, want)
	}
	if _, err := config.Parse("c.yaml", "/m", []byte("- a\n"), analyzers.All()); err == nil || !strings.HasPrefix(err.Error(), "c.yaml:1: want a mapping") {
		t.Errorf("a list at the top: error %v", err)
	}
	if cfg, err := config.Parse("c.yaml", "/m", nil, analyzers.All()); err != nil || len(cfg.Args()) != 0 {
		t.Errorf("an empty file: %v, %v; want no settings", cfg, err)
	}
}

func TestExcluded(t *testing.T) {
	cfg, err := config.Parse(".distlint.yaml", "/m", []byte(`
exclude:
  - path: legacy/**
    analyzers: [timeout]
    reason: replaced in Q3
`), analyzers.All())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		analyzer, file string
		want           bool
	}{
		{"timeout", "/m/legacy/a.go", true},
		{"latency", "/m/legacy/a.go", false},
		{"timeout", "/m/svc/a.go", false},
		{"timeout", "/other/legacy/a.go", false},
	} {
		if got := cfg.Excluded(tc.analyzer, tc.file); got != tc.want {
			t.Errorf("Excluded(%s, %s) = %v, want %v", tc.analyzer, tc.file, got, tc.want)
		}
	}
}
