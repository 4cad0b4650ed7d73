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
// buildFlags are the go command's (-tags).
func goVet(patterns, vetFlags, buildFlags []string) (*vetResult, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("finding the distlint binary: %v", err)
	}
	args := []string{"vet", "-vettool=" + self, "-json"}
	args = append(args, buildFlags...)
	args = append(args, vetFlags...)
	args = append(args, patterns...)
	cmd := exec.Command("go", args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	var exit *exec.ExitError
	if runErr != nil && !errors.As(runErr, &exit) {
		return nil, fmt.Errorf("running go vet: %v", runErr) // no go command
	}
	res, err := parseVetJSON(&stdout)
	if err != nil {
		return nil, fmt.Errorf("reading go vet's output: %v", err)
	}
	lines := goErrorLines(stderr.String())
	if runErr != nil {
		if len(lines) == 0 {
			lines = []string{"go vet: " + runErr.Error()}
		}
		res.errors = lines
	} else {
		res.warnings = lines
	}
	return res, nil
}

// parseVetJSON reads the package trees go vet -json prints, one JSON
// object per package. An analyzer's value is its diagnostics, or
// {"error": "..."} when it failed.
func parseVetJSON(r io.Reader) (*vetResult, error) {
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
					res.failures = append(res.failures, fmt.Sprintf("analyzer %s failed on %s: %s", name, id, oneLine(failed.Err)))
					continue
				}
				var diags []vetDiagnostic
				if err := json.Unmarshal(raw, &diags); err != nil {
					return nil, err
				}
				if len(diags) == 0 {
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
				res.tree[id][name] = append(res.tree[id][name], diags...)
			}
		}
	}
	slices.Sort(res.failures)
	res.failures = slices.Compact(res.failures)
	return res, nil
}

// goErrorLines turns what the go command printed on stderr into one line
// per error: the "# package" headers go, and indented continuation lines
// join the line they continue.
func goErrorLines(stderr string) []string {
	var lines []string
	for line := range strings.SplitSeq(stderr, "\n") {
		switch {
		case strings.TrimSpace(line) == "", strings.HasPrefix(line, "# "):
			continue
		case (strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "  ")) && len(lines) > 0:
			lines[len(lines)-1] += " " + strings.TrimSpace(line)
			continue
		}
		line = strings.TrimPrefix(strings.TrimPrefix(line, "vet: "), "go: warning: ")
		if !slices.Contains(lines, line) {
			lines = append(lines, line)
		}
	}
	// go vet follows "PATTERN matched no packages" with "no packages to
	// vet": one line says it.
	if i := slices.Index(lines, "no packages to vet"); i >= 0 && len(lines) > 1 {
		lines = slices.Delete(lines, i, i+1)
	}
	return lines
}

// oneLine folds a multi-line message into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// parsePosn parses a "file:line:col" position; the file name may itself
// contain colons.
func parsePosn(s string) token.Position {
	rest, colStr, ok := cutLast(s, ":")
	if !ok {
		return token.Position{Filename: s}
	}
	file, lineStr, ok := cutLast(rest, ":")
	line, err1 := strconv.Atoi(lineStr)
	col, err2 := strconv.Atoi(colStr)
	if !ok || err1 != nil || err2 != nil {
		return token.Position{Filename: s}
	}
	return token.Position{Filename: file, Line: line, Column: col}
}

func cutLast(s, sep string) (before, after string, found bool) {
	if i := strings.LastIndex(s, sep); i >= 0 {
		return s[:i], s[i+len(sep):], true
	}
	return s, "", false
}

// lineIndex converts byte offsets of files on disk to lines and columns,
// reading each file once.
type lineIndex map[string][]int // file -> offsets at which lines start

func (idx lineIndex) position(file string, offset int) token.Position {
	starts, ok := idx[file]
	if !ok {
		starts = []int{0}
		if data, err := os.ReadFile(file); err == nil {
			for i, b := range data {
				if b == '\n' {
					starts = append(starts, i+1)
				}
			}
		}
		idx[file] = starts
	}
	line, _ := slices.BinarySearch(starts, offset+1)
	// starts[line-1] <= offset < starts[line]
	return token.Position{Filename: file, Offset: offset, Line: line, Column: offset - starts[line-1] + 1}
}
