package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers"
)

// What a user meets first: -version, help, and one clear line for the
// mistakes a first run makes.

// versionLine describes the running binary: its module version, which
// is a release tag when installed as module@version; built from a clone,
// the VCS revision and whether the tree had uncommitted changes.
func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "distlint (no build information)"
	}
	return describeBuild(bi)
}

// describeBuild is versionLine for the build information bi.
func describeBuild(bi *debug.BuildInfo) string {
	line := "distlint " + bi.Main.Version
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		line += " (revision " + rev
		if modified == "true" {
			line += ", with uncommitted changes"
		}
		line += ")"
	}
	return line + ", built with " + bi.GoVersion
}

// help answers "distlint help" (the usage) and "distlint help
// <analyzer>" (its documentation).
func help(stdout, stderr io.Writer, fs *flag.FlagSet, suite []*analysis.Analyzer, args []string) int {
	switch len(args) {
	case 0:
		usage(stdout, fs, suite)
		return exitClean
	case 1:
		return explainAnalyzer(stdout, stderr, suite, args[0])
	}
	fmt.Fprintf(stderr, "distlint: help takes at most one analyzer name, not %d arguments (distlint help <analyzer>)\n", len(args))
	return exitFailure
}

// explainAnalyzer prints an analyzer's documentation, whose Options
// section lists its options, then any option the documentation does not
// name.
func explainAnalyzer(stdout, stderr io.Writer, suite []*analysis.Analyzer, name string) int {
	if explainTopic(stdout, suite, name) { // baseline, config (topics.go)
		return exitClean
	}
	for _, a := range suite {
		if !strings.EqualFold(a.Name, name) {
			continue
		}
		fmt.Fprintf(stdout, "%s\n", a.Doc)
		first := true
		a.Flags.VisitAll(func(f *flag.Flag) {
			opt := "-" + a.Name + "." + f.Name
			if strings.Contains(a.Doc, opt) {
				return
			}
			if first {
				fmt.Fprint(stdout, "\nMore options:\n")
				first = false
			}
			fmt.Fprintf(stdout, "  %s (default %q)\n    \t%s\n", opt, f.DefValue, f.Usage)
		})
		fmt.Fprintf(stdout, "\nDocumentation: %s\n", a.URL)
		return exitClean
	}
	fmt.Fprintf(stderr, "distlint: unknown analyzer %q (analyzers: %s; topics: baseline, config)\n", name, strings.Join(analyzers.Names(suite), ", "))
	return exitFailure
}

// switchValueError reports an analyzer switch followed by what looks like
// its value (distlint -timeout 30s ./...): the switch takes none, and the
// go command would take the value for a package.
func switchValueError(args, positional []string, suite []*analysis.Analyzer) error {
	if len(positional) == 0 || len(args) <= len(positional) {
		return nil
	}
	prev := args[len(args)-len(positional)-1]
	value := positional[0]
	name := strings.TrimPrefix(strings.TrimPrefix(prev, "-"), "-")
	if prev == name || analyzers.Lookup(suite, name) == nil || !looksLikeValue(value) {
		return nil
	}
	if _, err := os.Stat(value); err == nil {
		return nil // a directory or file of that name
	}
	return fmt.Errorf("-%[1]s selects the %[1]s analyzer and takes no value, so %[2]q would be read as a package: run only %[1]s with distlint -%[1]s ./..., turn it off with -%[1]s=false, set its options with -%[1]s.<option>=value (distlint help %[1]s)", name, value)
}

// looksLikeValue reports whether s reads as a flag value rather than a
// package pattern: a duration, a number or a boolean.
func looksLikeValue(s string) bool {
	if _, err := time.ParseDuration(s); err == nil {
		return true
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return true
	}
	_, err := strconv.ParseBool(s)
	return err == nil
}

// missingArgument returns an error for the first argument that names a
// Go file or a directory that does not exist.
func missingArgument(patterns []string) error {
	for _, p := range patterns {
		if strings.HasSuffix(p, ".go") && !strings.Contains(p, "...") {
			// As for the go command, a name ending in .go is a file
			// when one exists; otherwise an import path whose first
			// element is a domain (github.com/surrealdb/surrealdb.go)
			// is a package.
			if _, err := os.Stat(p); err != nil && !remotePath(p) {
				return fmt.Errorf("%s: no such file", p)
			}
			continue
		}
		if !localPattern(p) {
			continue
		}
		dir, _, _ := strings.Cut(p, "...")
		if dir = strings.TrimSuffix(dir, "/"); dir == "" {
			dir = "."
		}
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return fmt.Errorf("%s: no such directory", p)
		}
	}
	return nil
}

// remotePath reports whether p is an import path whose first element
// is a domain name (it has a dot), not a local name.
func remotePath(p string) bool {
	first, _, ok := strings.Cut(p, "/")
	return ok && !localPattern(p) && strings.Contains(first, ".")
}

// localPattern reports whether a package pattern names a directory
// (., ./x, ../x/..., /abs) rather than an import path.
func localPattern(p string) bool {
	return p == "." || p == ".." || strings.HasPrefix(p, "./") || strings.HasPrefix(p, "../") || filepath.IsAbs(p)
}

// inModule reports whether the go command finds a go.mod. If not, it
// returns an error when a pattern needs one (a directory, or an import
// path outside the standard library): Go files and standard library
// packages work outside a module.
func inModule(patterns []string) (bool, error) {
	env, err := goEnv()
	if err != nil {
		return true, nil // the go vet run reports what is wrong with the go command
	}
	if env.gomod != "" && env.gomod != os.DevNull {
		return true, nil
	}
	for _, p := range patterns {
		first, _, _ := strings.Cut(p, "/")
		if (strings.HasSuffix(p, ".go") && !remotePath(p)) || (!localPattern(p) && !strings.Contains(first, ".")) {
			continue
		}
		cwd, _ := os.Getwd()
		return false, fmt.Errorf("no go.mod in %s or any directory above it: distlint analyzes the packages of a Go module; run it inside one (go mod init <module path> makes one), or name Go files (distlint main.go)", cwd)
	}
	return false, nil
}

// goEnvVars are the go command's settings that distlint reads.
type goEnvVars struct {
	goflags string // $GOFLAGS, from the environment or the go env file
	gomod   string // the main module's go.mod; "" or os.DevNull outside a module
	gowork  string // the workspace file; "" or "off" without one
}

// goEnv runs go env once per process: each go command costs a few
// milliseconds, and a re-run of unchanged code is mostly such costs.
var goEnv = sync.OnceValues(func() (goEnvVars, error) {
	out, err := exec.Command("go", "env", "GOFLAGS", "GOMOD", "GOWORK").Output()
	if err != nil {
		return goEnvVars{}, fmt.Errorf("running go env: %v", err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) != 3 {
		return goEnvVars{}, fmt.Errorf("running go env: %d lines, want 3: %q", len(lines), out)
	}
	return goEnvVars{goflags: strings.TrimSpace(lines[0]), gomod: lines[1], gowork: lines[2]}, nil
})

// notInStd matches the go command's answer to an import path that is
// neither in the module graph nor in the standard library.
var notInStd = regexp.MustCompile(`^package (\S+) is not in std \(.*\)$`)

// clearError rewords the go command's errors that a first run meets.
func clearError(line string) string {
	m := notInStd.FindStringSubmatch(line)
	if m == nil {
		return line
	}
	p := m[1]
	if st, err := os.Stat(p); err == nil && st.IsDir() {
		return fmt.Sprintf("%s is read as an import path, and the standard library has no package %s: for the directory, write ./%s", p, p, p)
	}
	return fmt.Sprintf("no package %s: the standard library has none, and there is no directory %s (a directory is written ./%s)", p, p, p)
}
