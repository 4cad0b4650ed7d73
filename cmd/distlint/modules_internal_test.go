package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestStringFlag(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		value string
		set   bool
	}{
		{[]string{"-json", "-report-modules=a,std", "x.cfg"}, "a,std", true},
		{[]string{"--report-modules", "b", "x.cfg"}, "b", true},
		{[]string{"-report-modules=", "x.cfg"}, "", true},
		{[]string{"-report-deps", "x.cfg"}, "", false},
		{[]string{"x.cfg", "-report-modules=a"}, "", false}, // after the config: not a flag
		{[]string{"-report-modulesx=a", "x.cfg"}, "", false},
	} {
		if value, set := stringFlag(tc.args, reportModulesFlag); value != tc.value || set != tc.set {
			t.Errorf("stringFlag(%q) = %q, %v; want %q, %v", tc.args, value, set, tc.value, tc.set)
		}
	}
}

func TestJoinModules(t *testing.T) {
	got := joinModules(map[string]bool{"example.com/z": true, stdModule: true, "example.com/a": true})
	if want := "example.com/a,example.com/z,std"; got != want {
		t.Errorf("joinModules = %q; want %q (sorted: one set, one cache key)", got, want)
	}
	if moduleKey("") != stdModule || moduleKey("m") != "m" {
		t.Errorf("moduleKey: want std for no module path, the path otherwise")
	}
}

// TestAnalyzeInFull: which dependencies are analyzed with their
// findings, from the vet config's ModulePath and the flags.
func TestAnalyzeInFull(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	mod := write("mod.cfg", `{"ID": "example.com/b/p", "ModulePath": "example.com/b", "VetxOnly": true}`)
	std := write("std.cfg", `{"ID": "fmt", "ModulePath": "", "VetxOnly": true}`)
	bad := write("bad.cfg", `{`)
	for _, tc := range []struct {
		args []string
		cfg  string
		want bool
	}{
		{[]string{"-report-modules=example.com/a,example.com/b"}, mod, true},
		{[]string{"-report-modules=example.com/a"}, mod, false},
		{[]string{"-report-modules=example.com/b/p"}, mod, false}, // a package path is not its module
		{[]string{"-report-modules=example.com/a"}, std, false},
		{[]string{"-report-modules=example.com/a,std"}, std, true},
		{[]string{"-report-modules=std"}, mod, false},
		{[]string{"-report-deps"}, std, true},
		{[]string{"-json"}, mod, false},
		{[]string{"-report-modules=std"}, bad, false},
		{[]string{"-report-modules=std"}, filepath.Join(dir, "missing.cfg"), false},
	} {
		if got := analyzeInFull(append(tc.args, tc.cfg), tc.cfg); got != tc.want {
			t.Errorf("analyzeInFull(%q, %s) = %v; want %v", tc.args, filepath.Base(tc.cfg), got, tc.want)
		}
	}
}

// TestRootModules: the roots' modules, std for the standard library.
func TestRootModules(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "e2e"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	env := append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod")
	roots, modules, total, err := rootIDs(env, []string{"./facts/...", "fmt"}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := joinModules(modules), "example.com/e2e,std"; got != want {
		t.Errorf("modules of ./facts/... fmt = %q; want %q", got, want)
	}
	if !roots["example.com/e2e/facts/client"] || !roots["fmt"] || !roots["fmt_test"] || total != 0 {
		t.Errorf("roots = %v, total %d; want the facts packages, fmt and fmt_test, no total without deps", roots, total)
	}
}
