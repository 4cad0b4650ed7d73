package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// The standalone command drives the go command's vet: it runs
//
//	go vet -vettool=<this binary> -json [flags] packages
//
// and prints the JSON that comes back as text, JSON or SARIF. The go
// command then does what a driver of its own would have to redo: it
// compiles each dependency once, runs distlint in one process per package
// (test variants included) with the facts of every dependency, and caches
// each package's result, so a second run on unchanged code costs what a
// cached go vet costs. An in-process driver (go/packages and the x/tools
// checker) held every package's syntax in one process, compiled the
// analyzed packages for export data it did not use, and cached nothing:
// see docs/benchmarks.md.

// vetResult is what one go vet run reports.
type vetResult struct {
	packages int      // package trees printed, one per analyzed package
	tree     vetTree  // package ID -> analyzer -> diagnostics
	failures []string // analyzer errors, one line each
	errors   []string // the go command's errors (load, build, type-check), one line each
	warnings []string // what the go command printed on success ("matched no packages")
}

// vetTree is the go vet -json form: package ID, analyzer, diagnostics.
type vetTree map[string]map[string][]vetDiagnostic

// vetDiagnostic is one diagnostic in the go vet -json form
// (x/tools' JSONDiagnostic).
type vetDiagnostic struct {
	Category       string       `json:"category,omitempty"`
	Posn           string       `json:"posn"`
	End            string       `json:"end"`
	Message        string       `json:"message"`
	SuggestedFixes []vetFix     `json:"suggested_fixes,omitempty"`
	Related        []vetRelated `json:"related,omitempty"`
}

type vetFix struct {
	Message string    `json:"message"`
	Edits   []vetEdit `json:"edits"`
}

// vetEdit replaces the bytes [Start, End) of Filename by New.
type vetEdit struct {
	Filename string `json:"filename"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	New      string `json:"new"`
}

type vetRelated struct {
	Posn    string `json:"posn"`
	End     string `json:"end"`
	Message string `json:"message"`
}

// goVet runs go vet with distlint as its vet tool on patterns. vetFlags
// are distlint's flags for the tool (selection, options, policy);
// buildFlags are the go command's (-tags). toolFlags names every flag
// the tool defines, which $GOFLAGS must not set (see vetEnv).
//
// The tool runs with -report-modules, the modules of the packages that
// match patterns (modules.go): it reports findings in the dependencies
// in those modules too, for the go command's vet cache, and this keeps
// the findings of the packages that match. When they cannot be listed,
// it runs with -report-deps: findings in every dependency.
//
// prog, if not nil, is told the number of packages to analyze (a second
// go list, run while go vet runs, lists the dependencies too) and each
// one analyzed.
func goVet(patterns, vetFlags, buildFlags, toolFlags []string, factful map[string]bool, prog *progress) (*vetResult, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding the distlint binary: %v", err)
	}
	goenv, err := goEnv()
	if err != nil {
		return nil, err
	}
	env := vetEnv(os.Environ(), goenv.goflags, toolFlags)

	// The packages asked for and their modules: a go list that does not
	// resolve imports, before go vet.
	roots, modules, _, listErr := rootIDs(env, patterns, buildFlags, false)
	report := "-report-deps"
	if listErr == nil && len(modules) > 0 {
		report = "-" + reportModulesFlag + "=" + joinModules(modules)
	}
	// With progress, the number of packages to analyze, listed while go
	// vet runs.
	done := make(chan struct{})
	go func() {
		defer close(done)
		if prog != nil {
			_, _, total, _ := rootIDs(env, patterns, buildFlags, true)
			prog.setTotal(total)
		}
	}()

	args := []string{"vet", "-vettool=" + self, "-json", report}
	args = append(args, buildFlags...)
	args = append(args, vetFlags...)
	args = append(args, "--")
	args = append(args, patterns...)
	cmd := exec.Command("go", args...)
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if prog != nil {
		cmd.Stdout = &objectCounter{w: &stdout, counted: prog.analyzed}
	}
	runErr := cmd.Run()
	<-done
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, fmt.Errorf("running go vet: %v", runErr) // no go command
	}
	lines := goErrorLines(stderr.String(), filepath.Base(self)+": ")
	if runErr == nil && listErr != nil {
		return nil, fmt.Errorf("listing the packages: %v", listErr)
	}
	res, err := parseVetJSON(&stdout, func(id string) bool { return roots[id] }, func(a string) bool { return factful[a] })
	if err != nil {
		msg := fmt.Sprintf("reading go vet's output: %v", err)
		if len(lines) > 0 {
			msg += " (go vet: " + lines[0] + ")"
		}
		return nil, errors.New(msg)
	}
	if runErr != nil {
		if len(lines) == 0 {
			lines = []string{"go vet: " + runErr.Error()}
		}
		res.errors = lines
	} else {
		res.warnings = append(lines, res.warnings...)
	}
	return res, nil
}

// rootIDs returns the IDs under which go vet reports the packages that
// match patterns: their import paths, and "p_test" for an external test
// package. (A package with in-package tests is vetted as its test
// variant, under the package's own path.) modules holds the module keys
// (moduleKey) of those packages. With deps, it also counts the packages
// go vet analyzes, dependencies included (total); otherwise total is 0.
func rootIDs(env, patterns, buildFlags []string, deps bool) (roots, modules map[string]bool, total int, err error) {
	args := []string{"list", "-e", "-json=ImportPath,XTestGoFiles,DepOnly,Module"}
	if deps {
		args = append(args, "-deps")
	} else {
		// Only the packages named: their imports need not be resolved,
		// which halves go list's time.
		args = append(args, "-find")
	}
	args = append(args, buildFlags...)
	args = append(args, "--")
	cmd := exec.Command("go", append(args, patterns...)...)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && len(exit.Stderr) > 0 {
			err = errors.New(oneLine(string(exit.Stderr)))
		}
		return nil, nil, 0, err
	}
	roots, modules = make(map[string]bool), make(map[string]bool)
	dec := json.NewDecoder(bytes.NewReader(out))
	for {
		var p struct {
			ImportPath   string
			XTestGoFiles []string
			DepOnly      bool
			Module       *struct {
				Path  string
				Error *struct{ Err string }
			}
		}
		if err := dec.Decode(&p); err == io.EOF {
			break
		} else if err != nil {
			return nil, nil, 0, err
		}
		if deps {
			total++
		}
		if p.DepOnly {
			continue
		}
		roots[p.ImportPath] = true
		if len(p.XTestGoFiles) > 0 {
			roots[p.ImportPath+"_test"] = true
			if deps {
				total++
			}
		}
		// The vet config's ModulePath: the module's path, or "" outside
		// any module (the standard library, GOPATH mode) and when the
		// module has an error.
		switch {
		case p.Module == nil:
			modules[stdModule] = true
		case p.Module.Error != nil:
			modules[stdModule] = true
			modules[moduleKey(p.Module.Path)] = true
		default:
			modules[moduleKey(p.Module.Path)] = true
		}
	}
	return roots, modules, total, nil
}

// vetEnv returns env with the flags in goflags ($GOFLAGS as go env
// reports it, from the environment or the go env file) that would set one
// of the tool's flags removed. go vet applies $GOFLAGS to the flags the
// tool defines, and distlint passes its own choices on the command line:
// a CI's GOFLAGS=-timeout=20m meant for go test must not reach the
// timeout analyzer's flag. env is returned as it is when nothing is
// removed.
func vetEnv(env []string, goflags string, toolFlags []string) []string {
	var keep []string
	removed := false
	for _, f := range strings.Fields(goflags) {
		name, _, _ := strings.Cut(strings.TrimLeft(f, "-"), "=")
		if slices.Contains(toolFlags, name) {
			removed = true
			continue
		}
		keep = append(keep, f)
	}
	if !removed {
		return env
	}
	if len(keep) == 0 {
		// An empty GOFLAGS would let the go env file's value back in.
		keep = []string{"-buildvcs=auto"}
	}
	out := slices.DeleteFunc(slices.Clone(env), func(kv string) bool { return strings.HasPrefix(kv, "GOFLAGS=") })
	return append(out, "GOFLAGS="+strings.Join(keep, " "))
}

// parseVetJSON reads the package trees go vet -json prints, one JSON
// object per package. An analyzer's value is its diagnostics, or
// {"error": "..."} when it failed.
//
// keep says which packages' diagnostics are wanted: the others are
// dependencies, analyzed for their facts. An analyzer's error is a
// failure in a kept package, and in a dependency when the analyzer uses
// facts (factful), since the facts it did not export change the findings
// of the packages that import it; other errors in dependencies are
// warnings.
func parseVetJSON(r io.Reader, keep func(id string) bool, factful func(analyzer string) bool) (*vetResult, error) {
	res := &vetResult{tree: make(vetTree)}
	dec := json.NewDecoder(r)
	for {
		var pkgs map[string]map[string]json.RawMessage
		if err := dec.Decode(&pkgs); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		res.packages++
		for id, byAnalyzer := range pkgs {
			for name, raw := range byAnalyzer {
				raw = bytes.TrimSpace(raw)
				if len(raw) > 0 && raw[0] == '{' {
					var failed struct {
						Err string `json:"error"`
					}
					if err := json.Unmarshal(raw, &failed); err != nil {
						return nil, err
					}
					msg := fmt.Sprintf("analyzer %s failed on %s: %s", name, id, oneLine(failed.Err))
					if keep(id) || factful(name) {
						res.failures = append(res.failures, msg)
					} else {
						res.warnings = append(res.warnings, msg+" (a dependency)")
					}
					continue
				}
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, err
				}
				if len(diags) == 0 || !keep(id) {
					continue
				}
				// Under go vet the tool puts its name into each message,
				// for go vet's own text output; distlint's outputs name
				// the analyzer themselves.
				for i := range diags {
					diags[i].Message = strings.TrimSuffix(diags[i].Message, " ("+name+")")
				}
				if res.tree[id] == nil {
					res.tree[id] = make(map[string][]vetDiagnostic)
				}
				// A package can print twice under one ID: vetted as its
				// test variant "p [p.test]" and analyzed as a dependency
				// (plain p) of another package asked for.
				for _, d := range diags {
					if !slices.ContainsFunc(res.tree[id][name], func(e vetDiagnostic) bool {
						return e.Posn == d.Posn && e.End == d.End && e.Message == d.Message
					}) {
						res.tree[id][name] = append(res.tree[id][name], d)
					}
				}
			}
		}
	}
	slices.Sort(res.failures)
	res.failures = slices.Compact(res.failures)
	return res, nil
}

// goErrorLines turns what the go command printed on stderr into one line
// per error: the "# package" headers and progress lines ("go:
// downloading ...") go, and indented continuation lines join the line
// they continue. toolPrefix is the vet tool's own log prefix
// ("distlint: "), removed like go vet's.
func goErrorLines(stderr, toolPrefix string) []string {
	var entries []string
	for line := range strings.SplitSeq(stderr, "\n") {
		switch {
		case strings.TrimSpace(line) == "", strings.HasPrefix(line, "# "), progressLine(line):
			continue
		case (strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ")) && len(entries) > 0:
			entries[len(entries)-1] += " " + strings.TrimSpace(line)
			continue
		}
		for _, prefix := range []string{"vet: ", toolPrefix, "go: warning: "} {
			line = strings.TrimPrefix(line, prefix)
		}
		entries = append(entries, line)
	}
	var lines []string
	for _, e := range entries {
		if !slices.Contains(lines, e) {
			lines = append(lines, e)
		}
	}
	// go vet follows "PATTERN matched no packages" with "no packages to
	// vet": one line says it.
	if i := slices.Index(lines, "no packages to vet"); i >= 0 && len(lines) > 1 {
		lines = slices.Delete(lines, i, i+1)
	}
	return lines
}

// progressLine reports whether a line of the go command's stderr reports
// progress (module downloads), not a problem.
func progressLine(line string) bool {
	for _, p := range []string{"go: downloading ", "go: finding ", "go: found ", "go: extracting ", "go: upgraded "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// oneLine folds a multi-line message into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// parsePosn parses a "file:line:col" or "file:line" position; the file
// name may itself contain colons.
func parsePosn(s string) token.Position {
	rest, last, ok := cutLast(s, ":")
	n, err := strconv.Atoi(last)
	if !ok || err != nil {
		return token.Position{Filename: s}
	}
	file, mid, ok := cutLast(rest, ":")
	if line, err := strconv.Atoi(mid); ok && err == nil {
		return token.Position{Filename: file, Line: line, Column: n}
	}
	return token.Position{Filename: rest, Line: n}
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// lineIndex converts byte offsets of files on disk to lines and columns,
// reading each file once. A file that cannot be read has no entry.
type lineIndex map[string][]int // file -> offsets at which lines start, then the file's size

// position returns the line and column of offset in file, or false when
// the file cannot be read or is shorter.
func (idx lineIndex) position(file string, offset int) (token.Position, bool) {
	starts, ok := idx[file]
	if !ok {
		if data, err := os.ReadFile(file); err == nil {
			starts = []int{0}
			for i, b := range data {
				if b == '\n' {
					starts = append(starts, i+1)
				}
			}
			starts = append(starts, len(data))
		}
		idx[file] = starts
	}
	if len(starts) == 0 || offset < 0 || offset > starts[len(starts)-1] {
		return token.Position{}, false
	}
	starts = starts[:len(starts)-1]
	line, _ := slices.BinarySearch(starts, offset+1)
	// starts[line-1] <= offset < starts[line]
	return token.Position{Filename: file, Offset: offset, Line: line, Column: offset - starts[line-1] + 1}, true
}
