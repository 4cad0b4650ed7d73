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
