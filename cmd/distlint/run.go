package main

import (
	"errors"
	"flag"
	"fmt"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

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
	)
	policyFlags(fs, policy)
	sel := newSelection(fs, suite)
	fs.Usage = func() {} // -help is handled below; errors get one line

	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage(stdout, fs, suite)
			return exitClean
		}
		fmt.Fprintf(stderr, "distlint: %v (run 'distlint -help' for usage)\n", err)
		return exitFailure
	}
	if *explain != "" {
		return explainAnalyzer(stdout, stderr, suite, *explain)
	}
	if *jsonOut && *sarifOut {
		fmt.Fprintln(stderr, "distlint: -json and -sarif cannot be combined")
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
	patterns, onlyIgnored := packageDirs(patterns)
	if onlyIgnored {
		return exitClean // only files the go command ignores (testdata, vendor)
	}

	cwd, _ := os.Getwd()
	pkgs, err := load(patterns, active, policy.Tests, *tags)
	if err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	if needFacts(active) {
		std, err := packages.Load(&packages.Config{Mode: packages.NeedName}, "std")
		if err != nil {
			fmt.Fprintf(stderr, "distlint: listing the standard library: %v\n", err)
			return exitFailure
		}
		policy.Analyzed = analyzedSet(pkgs, std)
	}
	if errs := loadErrors(pkgs, cwd); len(errs) > 0 {
		for i, e := range errs {
			if i == maxErrors {
				fmt.Fprintf(stderr, "distlint: ... and %d more errors\n", len(errs)-maxErrors)
				break
			}
			fmt.Fprintf(stderr, "distlint: %s\n", e)
		}
		return exitFailure
	}

	graph, err := checker.Analyze(active, pkgs, nil)
	if err != nil {
		fmt.Fprintf(stderr, "distlint: %v\n", err)
		return exitFailure
	}
	findings, failures := collect(graph)
	root := cwd
	if *sarifDir != "" {
		if root, err = filepath.Abs(*sarifDir); err != nil {
			fmt.Fprintf(stderr, "distlint: -sarif-root: %v\n", err)
			return exitFailure
		}
	}

	if *sarifTo != "" {
		if err := writeSARIFFile(*sarifTo, findings, active, root, len(failures) == 0); err != nil {
			fmt.Fprintf(stderr, "distlint: writing SARIF: %v\n", err)
			return exitFailure
		}
	}
	switch {
	case *jsonOut:
		err = graph.PrintJSON(stdout)
	case *sarifOut:
		err = writeSARIF(stdout, findings, active, root, len(failures) == 0)
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

// load loads the packages matching patterns from source.
//
// Their dependencies keep the go command's export data, even when an
// analyzer uses facts. The x/tools checker runs a fact-using analyzer on
// every dependency as well; loading them all from source for that
// (packages.LoadAllSyntax) type-checks the whole dependency graph,
// standard library included, and on the corpus took 3.6 times as long
// and 3 times the memory of the run itself. Instead, linkDeps gives each
// dependency a package with types and no syntax, on which the analyzers
// do nothing. Facts then cross between the packages named on the command
// line (a helper in one package of ./..., its caller in another) but not
// into other dependencies, where distlint stays silent for lack of
// evidence: the policy's Analyzed tells analyzers which packages' facts
// are complete. Under go vet -vettool, facts cover every dependency,
// cached.
func load(patterns []string, active []*analysis.Analyzer, tests bool, tags string) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: tests}
	if tags != "" {
		cfg.BuildFlags = []string{"-tags=" + tags}
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	if needFacts(active) {
		linkDeps(pkgs)
	}
	return pkgs, nil
}

// analyzedSet reports which packages the analyzers see the syntax of:
// the packages given, and the standard library, whose functions are never
// the source of a fact that an analyzer needs (its sinks are known by
// name). For any other dependency, a missing fact proves nothing.
func analyzedSet(pkgs, std []*packages.Package) func(*types.Package) bool {
	known := make(map[string]bool, len(pkgs)+len(std))
	for _, p := range pkgs {
		known[p.PkgPath] = true
	}
	for _, p := range std {
		known[p.PkgPath] = true
	}
	return func(pkg *types.Package) bool { return known[pkg.Path()] }
}

// linkDeps replaces the stub imports that go/packages leaves without
// NeedDeps (an ID and nothing else) by the packages they stand for: a
// root package when the import is one, otherwise a package made from the
// importer's export-data types, without syntax. The checker needs a
// complete package for every import to run fact-using analyzers on it.
func linkDeps(roots []*packages.Package) {
	byID := make(map[string]*packages.Package, len(roots))
	for _, p := range roots {
		byID[p.ID] = p
	}
	for _, p := range roots {
		if p.Types == nil {
			continue // did not load; reported as a load error
		}
		imported := make(map[string]*types.Package)
		for _, t := range p.Types.Imports() {
			imported[t.Path()] = t
		}
		imported["unsafe"] = types.Unsafe
		for path, stub := range p.Imports {
			if dep, ok := byID[stub.ID]; ok {
				p.Imports[path] = dep
				continue
			}
			pkgPath, _, _ := strings.Cut(stub.ID, " ") // "q [p.test]": q recompiled for p's tests
			t := imported[pkgPath]
			if t == nil {
				delete(p.Imports, path) // not in the type-checked imports (cgo's "C")
				continue
			}
			dep := &packages.Package{
				ID:         stub.ID,
				Name:       t.Name(),
				PkgPath:    t.Path(),
				Types:      t,
				Fset:       p.Fset,
				TypesSizes: p.TypesSizes,
				Imports:    map[string]*packages.Package{},
			}
			byID[stub.ID] = dep
			p.Imports[path] = dep
		}
	}
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

// needFacts reports whether an analyzer, or one it requires, uses facts.
func needFacts(list []*analysis.Analyzer) bool {
	seen := make(map[*analysis.Analyzer]bool)
	var visit func([]*analysis.Analyzer) bool
	visit = func(as []*analysis.Analyzer) bool {
		for _, a := range as {
			if seen[a] {
				continue
			}
			seen[a] = true
			if len(a.FactTypes) > 0 || visit(a.Requires) {
				return true
			}
		}
		return false
	}
	return visit(list)
}

// loadErrors returns the distinct errors of pkgs and their dependencies
// (list, parse and type errors), with paths relative to cwd.
func loadErrors(pkgs []*packages.Package, cwd string) []string {
	var errs []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		// A package that does not compile also carries the go command's
		// report of the same errors; the parser's and type checker's
		// have exact positions.
		precise := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
		for _, e := range p.Errors {
			if precise && e.Kind == packages.ListError {
				continue
			}
			msg := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				msg = relPath(cwd, e.Pos) + ": " + e.Msg
			} else if !strings.Contains(msg, p.PkgPath) && p.PkgPath != "" {
				msg = "package " + p.PkgPath + ": " + msg
			}
			msg = strings.ReplaceAll(msg, "\n", " ")
			if !seen[msg] {
				seen[msg] = true
				errs = append(errs, msg)
			}
		}
	})
	return errs
}

// A finding is one diagnostic with its resolved positions.
type finding struct {
	analyzer *analysis.Analyzer
	diag     analysis.Diagnostic
	posn     token.Position
	end      token.Position
	fset     *token.FileSet
}

// collect returns the findings of the root actions, sorted and without
// duplicates (a file in both a package and its test variant is analyzed
// twice), and the errors of every action.
func collect(graph *checker.Graph) (findings []finding, failures []string) {
	type key struct {
		posn, end token.Position
		analyzer  string
		message   string
	}
	seen := make(map[key]bool)
	failed := make(map[string]bool)
	for act := range graph.All() {
		if act.Err != nil {
			msg := fmt.Sprintf("analyzer %s failed on %s: %v", act.Analyzer.Name, act.Package.PkgPath, act.Err)
			if !failed[msg] {
				failed[msg] = true
				failures = append(failures, msg)
			}
			continue
		}
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			f := finding{analyzer: act.Analyzer, diag: d, posn: fset.Position(d.Pos), end: fset.Position(d.End), fset: fset}
			k := key{f.posn, f.end, act.Analyzer.Name, d.Message}
			if !seen[k] {
				seen[k] = true
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
		case a.analyzer.Name != b.analyzer.Name:
			return strings.Compare(a.analyzer.Name, b.analyzer.Name)
		}
		return strings.Compare(a.diag.Message, b.diag.Message)
	})
	slices.Sort(failures)
	return findings, failures
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
  distlint -explain <analyzer>     print an analyzer's documentation
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

func explainAnalyzer(stdout, stderr io.Writer, suite []*analysis.Analyzer, name string) int {
	for _, a := range suite {
		if strings.EqualFold(a.Name, name) {
			fmt.Fprintf(stdout, "%s\n\nDocumentation: %s\n", a.Doc, a.URL)
			first := true
			a.Flags.VisitAll(func(f *flag.Flag) {
				if first {
					fmt.Fprint(stdout, "\nOptions:\n")
					first = false
				}
				fmt.Fprintf(stdout, "  -%s.%s (default %q)\n    \t%s\n", a.Name, f.Name, f.DefValue, f.Usage)
			})
			return exitClean
		}
	}
	fmt.Fprintf(stderr, "distlint: unknown analyzer %q (analyzers: %s)\n", name, strings.Join(analyzers.Names(suite), ", "))
	return exitFailure
}
