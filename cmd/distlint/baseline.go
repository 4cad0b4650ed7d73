package main

import (
	"bytes"
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// A baseline records the findings a codebase had when distlint was
// adopted, so that a CI gate fails only on new ones:
//
//	distlint -baseline-write distlint-baseline.json ./...
//	distlint -baseline distlint-baseline.json ./...
//
// Findings are matched by fingerprint (see fingerprint), so the baseline
// survives edits elsewhere in a file; several identical findings in one
// function are counted.

// baselineVersion is the format's version, written in every file.
const baselineVersion = 1

type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// baselineEntry is one fingerprint and how many findings have it. The
// message is for the reader of a diff; matching ignores it (its hash is
// part of Hash).
type baselineEntry struct {
	File     string `json:"file"`
	Function string `json:"function,omitempty"`
	Analyzer string `json:"analyzer"`
	Hash     string `json:"hash"`
	Count    int    `json:"count"`
	Message  string `json:"message"`
}

func (e baselineEntry) fingerprint() fingerprint {
	return fingerprint{Analyzer: e.Analyzer, File: e.File, Function: e.Function, Hash: e.Hash}
}

// baselineOptions are the -baseline and -baseline-write flags.
type baselineOptions struct {
	read, write string
	known       map[fingerprint]int // the read baseline's counts
}

func baselineFlags(fs *flag.FlagSet) *baselineOptions {
	b := new(baselineOptions)
	fs.StringVar(&b.read, "baseline", "", "report only findings not recorded in this baseline file (see -baseline-write)")
	fs.StringVar(&b.write, "baseline-write", "", "record the current findings in this baseline file and exit 0")
	return b
}

// load checks the flags and reads the baseline, before anything runs.
func (b *baselineOptions) load() error {
	if b.read != "" && b.write != "" {
		return fmt.Errorf("-baseline and -baseline-write cannot be combined (-baseline-write alone refreshes the file)")
	}
	if b.read == "" {
		return nil
	}
	data, err := os.ReadFile(b.read)
	if err != nil {
		return fmt.Errorf("-baseline: %v", err)
	}
	var file baselineFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&file); err != nil {
		return fmt.Errorf("-baseline: %s is not a distlint baseline: %v", b.read, err)
	}
	if file.Version != baselineVersion {
		return fmt.Errorf("-baseline: %s has version %d, want %d: write it again with -baseline-write", b.read, file.Version, baselineVersion)
	}
	b.known = make(map[fingerprint]int)
	for _, e := range file.Findings {
		b.known[e.fingerprint()] += max(e.Count, 1)
	}
	return nil
}

// writeBaseline records findings in the file at path.
func writeBaseline(path string, findings []finding, fp *fingerprinter) error {
	index := make(map[fingerprint]int)
	var entries []baselineEntry
	for _, f := range findings {
		p := fp.of(f)
		if i, ok := index[p]; ok {
			entries[i].Count++
			continue
		}
		index[p] = len(entries)
		entries = append(entries, baselineEntry{
			File: p.File, Function: p.Function, Analyzer: p.Analyzer, Hash: p.Hash,
			Count: 1, Message: f.diag.Message,
		})
	}
	slices.SortFunc(entries, func(a, b baselineEntry) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Function, b.Function),
			cmp.Compare(a.Analyzer, b.Analyzer), cmp.Compare(a.Hash, b.Hash))
	})
	if entries == nil {
		entries = []baselineEntry{} // [], not null
	}
	data, err := json.MarshalIndent(baselineFile{Version: baselineVersion, Findings: entries}, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(data, '\n'), 0o666)
}

// filter returns the findings that the baseline does not record, and
// how many of them it hid and how many of its findings matched nothing
// (fixed, or changed past recognition).
//
// Only entries in the directories of checked are counted stale (all when
// checked is nil): a run on some packages says nothing of the others.
func (b *baselineOptions) filter(findings []finding, fp *fingerprinter, checked map[string]bool) (fresh []finding, hidden, stale int) {
	left := make(map[fingerprint]int, len(b.known))
	for k, n := range b.known {
		left[k] = n
	}
	for _, f := range findings {
		p := fp.of(f)
		if left[p] > 0 {
			left[p]--
			hidden++
			continue
		}
		fresh = append(fresh, f)
	}
	for k, n := range left {
		if checked == nil || checked[path.Dir(k.File)] {
			stale += n
		}
	}
	return fresh, hidden, stale
}

// applyBaseline writes or applies the baseline once the findings are in.
// With -baseline-write it reports done: the run ends with exit code.
// With -baseline it returns the new findings and the JSON tree cut down
// to them, and says on stderr what the baseline hid and how much of it
// is stale.
//
// patterns and buildFlags are the run's, to find the packages checked.
func (b *baselineOptions) apply(stderr io.Writer, findings []finding, tree vetTree, fp *fingerprinter, failed bool, patterns, buildFlags []string) (_ []finding, _ vetTree, code int, done bool) {
	switch {
	case b.write != "":
		if failed {
			fmt.Fprintf(stderr, "distlint: -baseline-write: not writing %s: some packages could not be checked, and their findings would be missing\n", b.write)
			return nil, nil, exitFailure, true
		}
		if err := writeBaseline(b.write, findings, fp); err != nil {
			fmt.Fprintf(stderr, "distlint: -baseline-write: %v\n", err)
			return nil, nil, exitFailure, true
		}
		fmt.Fprintf(stderr, "distlint: wrote %s to %s\n", plural(len(findings), "finding"), b.write)
		return nil, nil, exitClean, true
	case b.read != "":
		fresh, hidden, stale := b.filter(findings, fp, checkedDirs(patterns, buildFlags, fp))
		msg := fmt.Sprintf("distlint: baseline %s: %s hidden, %d recorded no longer found", b.read, plural(hidden, "known finding"), stale)
		if stale > 0 {
			msg += " (fixed, or changed past recognition): refresh the file with -baseline-write"
		}
		fmt.Fprintln(stderr, msg)
		return fresh, keepInTree(tree, fresh), exitClean, false
	}
	return findings, tree, exitClean, false
}

// checkedDirs returns the directories, relative to their module's root,
// of the packages that patterns match, or nil if go list fails.
func checkedDirs(patterns, buildFlags []string, fp *fingerprinter) map[string]bool {
	args := append([]string{"list", "-e", "-f", "{{.Dir}}"}, buildFlags...)
	args = append(append(args, "--"), patterns...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return nil
	}
	dirs := make(map[string]bool)
	for dir := range strings.Lines(string(out)) {
		if dir = strings.TrimSpace(dir); dir != "" {
			dirs[path.Dir(fp.relFile(filepath.Join(dir, "x.go")))] = true
		}
	}
	return dirs
}

// keepInTree returns tree with only the diagnostics of findings.
func keepInTree(tree vetTree, findings []finding) vetTree {
	type key struct{ analyzer, posn, end, message string }
	keep := make(map[key]bool)
	for _, f := range findings {
		keep[key{f.analyzer, f.diag.Posn, f.diag.End, f.diag.Message}] = true
	}
	out := make(vetTree)
	for id, byAnalyzer := range tree {
		for name, diags := range byAnalyzer {
			var kept []vetDiagnostic
			for _, d := range diags {
				if keep[key{name, d.Posn, d.End, d.Message}] {
					kept = append(kept, d)
				}
			}
			if len(kept) > 0 {
				if out[id] == nil {
					out[id] = make(map[string][]vetDiagnostic)
				}
				out[id][name] = kept
			}
		}
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
