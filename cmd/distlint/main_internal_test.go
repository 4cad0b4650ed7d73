package main

import (
	"strings"
	"testing"
)

func TestVetMode(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"-flags"}, true},
		{[]string{"-V=full"}, true},
		{[]string{"--V=full"}, true},
		{[]string{"-json", "/tmp/b001/vet.cfg"}, true},
		{[]string{"./..."}, false},
		{[]string{"flags"}, false}, // a package named flags
		{[]string{"V"}, false},
		{[]string{"-json", "./..."}, false},
		{[]string{"--", "-flags"}, false},
		{nil, false},
	} {
		if got := vetMode(tc.args); got != tc.want {
			t.Errorf("vetMode(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}

func TestPackageDirs(t *testing.T) {
	// main.go and run.go exist in this directory; the others do not.
	got, onlyIgnored := packageDirs([]string{"main.go", "run.go", "./...", "nosuch.go"})
	if want := ".,./...,nosuch.go"; join(got) != want || onlyIgnored {
		t.Errorf("packageDirs = %s, %v; want %s, false", join(got), onlyIgnored, want)
	}
	for dir, want := range map[string]bool{
		"testdata": true, "a/testdata/b": true, "vendor/x": true, "_old": true, ".git": true,
		".": false, "..": false, "../x": false, "a/b": false, "internal/data": false,
	} {
		if got := ignoredDir(dir); got != want {
			t.Errorf("ignoredDir(%q) = %v, want %v", dir, got, want)
		}
	}
}

func join(s []string) string { return strings.Join(s, ",") }
