package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers"
	"github.com/distlint/distlint/internal/report"
)

// Exit codes: findings and failures are never confused.
const (
	exitClean    = 0 // no findings
	exitFindings = 1 // findings reported
	exitFailure  = 2 // bad usage, packages that do not load or type-check, analyzer errors
)

// maxErrors bounds how many load errors are printed.
const maxErrors = 10

func run(args []string, stdout, stderr io.Writer) int {
	policy := new(report.Policy)
	suite := analyzers.New(policy)

	fs := flag.NewFlagSet("distlint", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are printed below, on one line
	var (
		jsonOut  = fs.Bool("json", false, "print findings as JSON (the go vet -json format)")
		sarifOut = fs.Bool("sarif", false, "print findings as SARIF 2.1.0 (for GitHub code scanning)")
		sarifTo  = fs.String("sarif-out", "", "also write findings as SARIF 2.1.0 to this file (one run gives text and SARIF)")
		sarifDir = fs.String("sarif-root", "", "make SARIF file paths relative to this directory, e.g. the repository root (default: the working directory)")
		explain  = fs.String("explain", "", "print the documentation of an analyzer and exit")
		tags     = fs.String("tags", "", "comma-separated build tags")
		version  = fs.Bool("version", false, "print distlint's version and exit")
		quiet    = fs.Bool("q", false, "quiet: no progress line on stderr")
	)
	policyFlags(fs, policy)
	bnd := boundaryFlags(fs)
	sel := newSelection(fs, suite)
	baseline := baselineFlags(fs)
	fs.Usage = func() {} // -help is handled below; errors get one line

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs, suite)
			return exitClean
		}
		fmt.Fprintf(stderr, "distlint: %v (run 'distlint -help' for usage)\n", err)
		return exitFailure
	}
	if *version {
		fmt.Fprintln(stdout, versionLine())
		return exitClean
	}
	if *explain != "" {
		return explainAnalyzer(stdout, stderr, suite, *explain)
	}
	if fs.Arg(0) == "help" {
		return help(stdout, stderr, fs, suite, fs.Args()[1:])
	}
	if err := switchValueError(args, fs.Args(), suite); err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	if *jsonOut && *sarifOut {
		fmt.Fprintln(stderr, "distlint: -json and -sarif cannot be combined")
		return exitFailure
	}
	if err := bnd.check(*jsonOut, *sarifOut, *sarifTo); err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	cwd, _ := os.Getwd()
	// Adoption (baseline.go, config.go): the baseline and .distlint.yaml.
	if err := baseline.load(); err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	cfg, err := commandConfig(cwd, suite, sel)
	if err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	active := sel.active(suite)
	if len(active) == 0 {
		fmt.Fprintln(stderr, "distlint: every analyzer is disabled")
		return exitFailure
	}
	patterns := fs.Args()
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	if err := missingArgument(patterns); err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	module, err := inModule(patterns)
	if err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	if module { // outside a module, files are analyzed as the go command's command-line-arguments package
		var onlyIgnored bool
		if patterns, onlyIgnored = packageDirs(patterns); onlyIgnored {
			return exitClean // only files the go command ignores (testdata, vendor)
		}
	}

	var buildFlags []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "tags" { // even when empty: -tags= clears $GOFLAGS's tags
			buildFlags = []string{"-tags=" + *tags}
		}
	})
	if bnd.format != "" {
		active = withBoundary(suite, active)
	}
	prog := newProgress(os.Stderr, !*quiet && stderr == io.Writer(os.Stderr))
	toolArgs := selectAll(vetFlags(fs, suite, active), cfg, suite, active) // selectAll: .distlint.yaml (config.go)
	toolArgs = append(toolArgs, bnd.vetFlags()...)
	res, err := goVet(patterns, toolArgs, buildFlags, toolFlags(suite), factful(active), prog)
	if err == nil && res.packages == 0 && module {
		res, err = retryDepTests(res, patterns, toolArgs, buildFlags, toolFlags(suite), factful(active), prog)
	}
	prog.close()
	if err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	for i, e := range res.errors {
		res.errors[i] = clearError(e)
	}
	if len(res.errors) == 0 && res.packages == 0 {
		res.errors = []string{strings.Join(patterns, " ") + " matched no packages"}
	}
	for _, w := range res.warnings {
		fmt.Fprintf(stderr, "distlint: warning: %s\n", w)
	}
	// Packages that do not type-check are failures; the findings in the
	// packages that did are still printed (go vet does the same), and the
	// exit code says the run failed. (A package that does not load, such
	// as a missing import, stops go vet before anything is analyzed.)
	findings, failures := collect(res)
	errs := slices.Clip(res.errors)
	if len(errs) > maxErrors {
		errs = append(errs[:maxErrors:maxErrors], fmt.Sprintf("... and %d more errors", len(errs)-maxErrors))
	}
	failures = append(errs, failures...)
	if res.packages == 0 { // go vet stopped before analyzing anything: no report at all
		for _, f := range failures {
			fmt.Fprintf(stderr, "distlint: %s\n", f)
		}
		return exitFailure
	}
	if bnd.format != "" {
		return bnd.write(stdout, stderr, findings, failures, cwd)
	}
	fp := newFingerprinter(cwd)
	var (
		code int
		done bool
	)
	findings, res.tree, code, done = baseline.apply(stderr, findings, res.tree, fp, len(failures) > 0, patterns, buildFlags)
	if done {
		for _, f := range failures {
			fmt.Fprintf(stderr, "distlint: %s\n", f)
		}
		return code
	}
	root := cwd
	if *sarifDir != "" {
		if root, err = filepath.Abs(*sarifDir); err != nil {
			fmt.Fprintf(stderr, "distlint: -sarif-root: %v\n", err)
			return exitFailure
		}
	}

	if *sarifTo != "" {
		if err := writeSARIFFile(*sarifTo, findings, fp, active, root, len(failures) == 0); err != nil {
			fmt.Fprintf(stderr, "distlint: writing SARIF: %v\n", err)
			return exitFailure
		}
	}
	switch {
	case *jsonOut:
		err = writeJSON(stdout, res.tree)
	case *sarifOut:
		err = writeSARIF(stdout, findings, fp, active, root, len(failures) == 0)
	default:
		err = writeText(stdout, findings, cwd)
	}
	if err != nil {
		fmt.Fprintf(stderr, "distlint: writing output: %v\n", err)
		return exitFailure
	}
	for _, f := range failures {
		fmt.Fprintf(stderr, "distlint: %s\n", f)
	}
	switch {
	case len(failures) > 0:
		return exitFailure
	case len(findings) > 0:
		return exitFindings
	}
	return exitClean
}

// packageDirs replaces arguments that name Go files with the directories
// that hold them, once each: pre-commit and editors pass file names, and
// files from several directories cannot form one package. Files that the
// go command ignores in ./... (under testdata, vendor, or a directory
// starting with _ or .) are dropped; onlyIgnored reports that nothing else
// was given.
func packageDirs(args []string) (patterns []string, onlyIgnored bool) {
	seen := make(map[string]bool)
	dropped := 0
	for _, arg := range args {
		if st, err := os.Stat(arg); strings.HasSuffix(arg, ".go") && err == nil && !st.IsDir() {
			dir := filepath.Dir(arg)
			if ignoredDir(dir) {
				dropped++
				continue
			}
			if !filepath.IsAbs(dir) && dir != "." && !strings.HasPrefix(dir, ".") {
				dir = "." + string(filepath.Separator) + dir
			}
			arg = dir
		}
		if !seen[arg] {
			seen[arg] = true
			patterns = append(patterns, arg)
		}
	}
	return patterns, dropped > 0 && len(patterns) == 0
}

// ignoredDir reports whether the go command leaves dir out of ./...
func ignoredDir(dir string) bool {
	for elem := range strings.SplitSeq(filepath.ToSlash(filepath.Clean(dir)), "/") {
		if elem == "testdata" || elem == "vendor" || (len(elem) > 1 && (elem[0] == '_' || (elem[0] == '.' && elem != ".."))) {
			return true
		}
	}
	return false
}

// vetFlags returns the flags that carry the command line's choices to
// distlint under go vet: the analyzers to run (none when all run), and
// the options and policy flags that were set.
func vetFlags(fs *flag.FlagSet, suite, active []*analysis.Analyzer) []string {
	var out []string
	if len(active) < len(suite) {
		for _, a := range active {
			out = append(out, "-"+a.Name+"=true")
		}
	}
	fs.Visit(func(f *flag.Flag) {
		if forwarded(f.Name) {
			out = append(out, "-"+f.Name+"="+f.Value.String())
		}
	})
	return out
}

// factful returns the names of the analyzers that use facts, themselves
// or through an analyzer they require.
func factful(list []*analysis.Analyzer) map[string]bool {
	var uses func(a *analysis.Analyzer) bool
	uses = func(a *analysis.Analyzer) bool {
		return len(a.FactTypes) > 0 || slices.ContainsFunc(a.Requires, uses)
	}
	names := make(map[string]bool)
	for _, a := range list {
		if uses(a) {
			names[a.Name] = true
		}
	}
	return names
}

// forwarded reports whether the flag name means the same under go vet:
// the policy flags and the analyzers' options (NAME.option).
func forwarded(name string) bool {
	return name == "tests" || name == "generated" || strings.Contains(name, ".") && !strings.HasPrefix(name, "boundaries.")
}

// A finding is one diagnostic with its resolved positions.
type finding struct {
	analyzer string
	diag     vetDiagnostic
	posn     token.Position
	end      token.Position
}

// collect returns the findings of a go vet run, sorted and without
// duplicates (a file in a package and in a test variant that go vet both
// analyzed), and the analyzer failures.
func collect(res *vetResult) (findings []finding, failures []string) {
	type key struct {
		posn, end string
		analyzer  string
		message   string
	}
	seen := make(map[key]bool)
	for _, byAnalyzer := range res.tree {
		for name, diags := range byAnalyzer {
			for _, d := range diags {
				k := key{d.Posn, d.End, name, d.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
				f := finding{analyzer: name, diag: d, posn: parsePosn(d.Posn)}
				if d.End != "" {
					f.end = parsePosn(d.End)
				}
				findings = append(findings, f)
			}
		}
	}
	slices.SortFunc(findings, func(a, b finding) int {
		switch {
		case a.posn.Filename != b.posn.Filename:
			return strings.Compare(a.posn.Filename, b.posn.Filename)
		case a.posn.Line != b.posn.Line:
			return a.posn.Line - b.posn.Line
		case a.posn.Column != b.posn.Column:
			return a.posn.Column - b.posn.Column
		case a.analyzer != b.analyzer:
			return strings.Compare(a.analyzer, b.analyzer)
		}
		return strings.Compare(a.diag.Message, b.diag.Message)
	})
	return findings, res.failures
}

// relPath returns path (which may carry a :line:col suffix) relative to
// cwd when it lies under it.
func relPath(cwd, path string) string {
	if cwd == "" || !filepath.IsAbs(path) {
		return path
	}
	if rel, err := filepath.Rel(cwd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

func usage(w io.Writer, fs *flag.FlagSet, suite []*analysis.Analyzer) {
	fmt.Fprint(w, `distlint finds the mistakes distributed systems punish.

Usage:
  distlint [flags] [packages]      analyze packages (default ./...)
  distlint help <analyzer>         print an analyzer's documentation (also -explain <analyzer>)
  distlint help baseline|config    adopting distlint: the baseline, the .distlint.yaml file
  distlint -version                print distlint's version
  go vet -vettool=$(which distlint) [packages]
  go fix -fixtool=$(which distlint) [packages]

Exit status: 0 no findings, 1 findings, 2 errors.

Analyzers:
`)
	for _, a := range suite {
		title, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(w, "  %s\n", title)
	}
	fmt.Fprint(w, "\nFlags:\n")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}
