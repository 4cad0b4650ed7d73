package main

import (
	"runtime/debug"
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

func TestDescribeBuild(t *testing.T) {
	bi := func(version string, settings ...debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: "github.com/distlint/distlint", Version: version}, Settings: settings}
	}
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "0123456789abcdef0123456789abcdef01234567"}
	for _, tc := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{bi("v1.2.0"), "distlint v1.2.0, built with go1.26.8"},
		{bi("(devel)"), "distlint (devel), built with go1.26.8"},
		{bi("v0.0.0-20261206031000-0123456789ab", rev, debug.BuildSetting{Key: "vcs.modified", Value: "false"}),
			"distlint v0.0.0-20261206031000-0123456789ab (revision 0123456789abcdef0123456789abcdef01234567), built with go1.26.8"},
		{bi("v0.0.0-20261206031000-0123456789ab+dirty", rev, debug.BuildSetting{Key: "vcs.modified", Value: "true"}),
			"distlint v0.0.0-20261206031000-0123456789ab+dirty (revision 0123456789abcdef0123456789abcdef01234567, with uncommitted changes), built with go1.26.8"},
	} {
		if got := describeBuild(tc.bi); got != tc.want {
			t.Errorf("describeBuild = %q, want %q", got, tc.want)
		}
	}
}

// A name ending in .go is a file when one exists, as for the go command;
// otherwise an import path under a domain is a package.
func TestImportPathEndingInGo(t *testing.T) {
	if err := missingArgument([]string{"github.com/surrealdb/surrealdb.go"}); err != nil {
		t.Errorf("an import path ending in .go: %v", err)
	}
	for _, p := range []string{"svc/nosuch.go", "nosuch.go", "./svc/nosuch.go"} {
		if err := missingArgument([]string{p}); err == nil {
			t.Errorf("missingArgument(%q) = nil, want no such file", p)
		}
	}
}
