package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A dependency's test files may import modules the user's go.mod or
// go.sum does not have: module graph pruning leaves them out, and go mod
// tidy only records what the main module's own tests need. go vet
// analyzes every package with its tests, so checking such a package
// (distlint github.com/x/y/...) fails before anything is analyzed. The
// go command offers no way to vet a package without its tests, and
// refuses overlays of the module cache; instead distlint runs go vet
// again with a temporary copy of go.mod and go.sum (-modfile), which the
// go command may complete from the module proxy. The user's files are
// not changed, and one line says what happened and how to record the
// modules. Failures in the main module's own files stay failures.

// testImportError matches an error the go command reports at an import
// in a test file.
var testImportError = regexp.MustCompile(`^(.+_test\.go):\d+(:\d+)?: `)

// depTestFailures reports whether every error in errs is an import in a
// test file outside the main module, whose root is modRoot, and returns
// those files' directories.
func depTestFailures(errs []string, modRoot string) (dirs []string, ok bool) {
	if len(errs) == 0 || modRoot == "" {
		return nil, false
	}
	for _, e := range errs {
		m := testImportError.FindStringSubmatch(e)
		if m == nil {
			return nil, false
		}
		file, err := filepath.Abs(m[1]) // the go command shortens paths relative to the working directory
		if err != nil {
			return nil, false
		}
		dir := filepath.Dir(file)
		if rel, err := filepath.Rel(modRoot, dir); err == nil && !strings.HasPrefix(rel, "..") {
			return nil, false // the main module's own test file
		}
		if !slices.Contains(dirs, dir) {
			dirs = append(dirs, dir)
		}
	}
	return dirs, true
}

// tempModfile copies the main module's go.mod and go.sum into a new
// temporary directory and returns the flags that make the go command use
// and complete the copies, and a function that removes them.
func tempModfile(modRoot string) (flags []string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "distlint-modfile")
	if err != nil {
		return nil, nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join(modRoot, name))
		if os.IsNotExist(err) && name == "go.sum" {
			continue
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
		if err != nil {
			cleanup()
			return nil, nil, err
		}
	}
	return []string{"-modfile=" + filepath.Join(dir, "go.mod"), "-mod=mod"}, cleanup, nil
}

// mainModuleRoot returns the directory of the main module's go.mod, or
// "" outside a module or in a workspace (where -modfile is not allowed).
func mainModuleRoot() string {
	env, err := goEnv()
	if err != nil || env.gomod == "" || env.gomod == os.DevNull || (env.gowork != "" && env.gowork != "off") {
		return ""
	}
	return filepath.Dir(env.gomod)
}

// depTestsNote is the line that says what happened to the packages in
// dirs (directories of the module cache, usually).
func depTestsNote(dirs []string, resolved bool) string {
	mods := make([]string, 0, len(dirs))
	for _, d := range dirs {
		mods = append(mods, moduleOfDir(d))
	}
	slices.Sort(mods)
	mods = slices.Compact(mods)
	list := strings.Join(mods, ", ")
	if resolved {
		return fmt.Sprintf("the tests of %s import modules your go.mod or go.sum lacks; they were resolved in a temporary copy of go.mod and go.sum, yours are unchanged (to record them: go get -t <package>)", list)
	}
	return fmt.Sprintf("the tests of %s import modules your go.mod or go.sum lacks, and the go command could not resolve them: run go get -t <package> for the packages you check, or name only your own packages", list)
}

// moduleOfDir returns module@version for a directory of the module
// cache, or the directory.
func moduleOfDir(dir string) string {
	slash := filepath.ToSlash(dir)
	if i := strings.Index(slash, "/pkg/mod/"); i >= 0 {
		rest := slash[i+len("/pkg/mod/"):]
		if at := strings.Index(rest, "@"); at >= 0 {
			version, _, _ := strings.Cut(rest[at:], "/")
			return rest[:at] + version
		}
	}
	return dir
}

// retryDepTests runs go vet again with a temporary go.mod and go.sum when
// res failed only at imports in dependencies' test files; otherwise, or
// when that fails too, it returns res with one more line that says what
// to do.
func retryDepTests(res *vetResult, patterns, vetFlags, buildFlags, toolFlags []string, factful map[string]bool, prog *progress) (*vetResult, error) {
	modRoot := mainModuleRoot()
	dirs, ok := depTestFailures(res.errors, modRoot)
	if !ok {
		return res, nil
	}
	flags, cleanup, err := tempModfile(modRoot)
	if err != nil {
		return res, nil
	}
	defer cleanup()
	again, err := goVet(patterns, vetFlags, append(slices.Clip(buildFlags), flags...), toolFlags, factful, prog)
	if err != nil || again.packages == 0 {
		res.errors = append(res.errors, depTestsNote(dirs, false))
		return res, nil
	}
	again.warnings = append(again.warnings, depTestsNote(dirs, true))
	return again, nil
}
