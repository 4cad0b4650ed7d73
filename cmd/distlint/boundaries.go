package main

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/analyzers/boundary"
)

// boundaryFormats are the formats of -boundaries.
var boundaryFormats = []string{"json", "markdown", "html"}

// boundaryOptions are the -boundaries flags.
type boundaryOptions struct {
	format string // -boundaries: json, markdown or html; "" for a normal run
	link   string // -boundaries.link: a URL template for source positions
}

// boundaryFlags binds -boundaries, -boundaries.link and
// -boundaries.require (another name for the boundary analyzer's
// -boundary.require) to fs.
func boundaryFlags(fs *flag.FlagSet) *boundaryOptions {
	opts := new(boundaryOptions)
	fs.StringVar(&opts.format, "boundaries", "", "print the boundary map of the packages (every outbound call and its timeout, retry, idempotency and breaker) as "+strings.Join(boundaryFormats, ", ")+" instead of findings")
	fs.StringVar(&opts.link, "boundaries.link", "", "URL of a source position in the HTML map, with {path} (slash-separated, relative), {abspath} and {line} replaced, e.g. https://github.com/org/repo/blob/main/{path}#L{line} (default: a file:// URL)")
	fs.Func("boundaries.require", "comma-separated protections every outbound call must have ("+strings.Join(boundary.Protections, ", ")+"): calls that visibly lack one are findings of the boundary analyzer (the same as -boundary.require)", func(s string) error {
		return fs.Set(boundary.Name+".require", s)
	})
	return opts
}

// check validates the -boundaries flags against the output flags.
func (o *boundaryOptions) check(jsonOut, sarifOut bool, sarifTo string) error {
	if o.format == "" {
		return nil
	}
	if !slices.Contains(boundaryFormats, o.format) {
		return fmt.Errorf("-boundaries: unknown format %q (formats: %s)", o.format, strings.Join(boundaryFormats, ", "))
	}
	if jsonOut || sarifOut || sarifTo != "" {
		return fmt.Errorf("-boundaries cannot be combined with -json, -sarif or -sarif-out")
	}
	return nil
}

// vetFlags returns the flags that turn the map on under go vet.
func (o *boundaryOptions) vetFlags() []string {
	if o.format == "" {
		return nil
	}
	return []string{"-" + boundary.Name + ".map=true"}
}

// write prints the map of a -boundaries run: exit 0, or 2 when the
// map cannot be made or packages failed (their errors on stderr, after
// the map of the packages that did not).
func (o *boundaryOptions) write(stdout, stderr io.Writer, findings []finding, failures []string, cwd string) int {
	m, err := buildMap(findings, cwd)
	if err == nil {
		err = writeBoundaryMap(stdout, o.format, m, newLinker(o.link, cwd))
	}
	if err != nil {
		fmt.Fprintf(stderr, "distlint: -boundaries: %v\n", err)
		return exitFailure
	}
	for _, f := range failures {
		fmt.Fprintf(stderr, "distlint: %s\n", f)
	}
	if len(failures) > 0 {
		return exitFailure
	}
	return exitClean
}

// withBoundary returns active with the boundary analyzer of suite added
// when it is missing: the map needs it whatever the selection.
func withBoundary(suite, active []*analysis.Analyzer) []*analysis.Analyzer {
	if slices.ContainsFunc(active, func(a *analysis.Analyzer) bool { return a.Name == boundary.Name }) {
		return active
	}
	for _, a := range suite {
		if a.Name == boundary.Name {
			// In suite order, so that vetFlags names the same analyzers.
			var out []*analysis.Analyzer
			for _, b := range suite {
				if b == a || slices.Contains(active, b) {
					out = append(out, b)
				}
			}
			return out
		}
	}
	return active
}

// boundaryMap is the -boundaries output: the entries and their summary.
type boundaryMap struct {
	Summary boundarySummary  `json:"summary"`
	Entries []boundary.Entry `json:"entries"`
}

// boundarySummary counts the entries: calls by kind, and those lacking
// a protection.
type boundarySummary struct {
	Calls  int            `json:"calls"`
	ByKind map[string]int `json:"by_kind"`
	// NoTimeout counts calls whose timeout is missing, NoBreaker those
	// whose breaker is missing, UnsafeRetry those retried without
	// backoff, UnkeyedReplayedWrites the writes with no idempotency key
	// that are retried (backoff or unsafe).
	NoTimeout             int `json:"no_timeout"`
	NoBreaker             int `json:"no_breaker"`
	UnsafeRetry           int `json:"unsafe_retry"`
	UnkeyedWrites         int `json:"unkeyed_writes"`
	UnkeyedReplayedWrites int `json:"unkeyed_replayed_writes"`
}

// buildMap turns the findings of a -boundaries run into the map: the
// boundary-map diagnostics become entries, every other finding joins the
// innermost entry whose call spans it.
func buildMap(findings []finding, cwd string) (*boundaryMap, error) {
	type span struct {
		entry      *boundary.Entry
		start, fin [2]int
		file       string
	}
	m := &boundaryMap{Entries: []boundary.Entry{}}
	var spans []span
	var others []finding
	for _, f := range findings {
		if f.analyzer != boundary.Name || f.diag.Category != boundary.MapCategory {
			others = append(others, f)
			continue
		}
		var e boundary.Entry
		if err := json.Unmarshal([]byte(f.diag.Message), &e); err != nil {
			return nil, fmt.Errorf("reading a boundary entry at %s: %v", f.diag.Posn, err)
		}
		posn := f.posn
		posn.Filename = filepath.ToSlash(relPath(cwd, posn.Filename))
		e.Pos = posn.String()
		m.Entries = append(m.Entries, e)
	}
	// Spans after the entries are in place (pointers into the slice).
	i := 0
	for _, f := range findings {
		if f.analyzer != boundary.Name || f.diag.Category != boundary.MapCategory {
			continue
		}
		spans = append(spans, span{entry: &m.Entries[i], file: f.posn.Filename,
			start: [2]int{f.posn.Line, f.posn.Column}, fin: [2]int{f.end.Line, f.end.Column}})
		i++
	}
	before := func(a, b [2]int) bool { return a[0] < b[0] || a[0] == b[0] && a[1] <= b[1] }
	for _, f := range others {
		at := [2]int{f.posn.Line, f.posn.Column}
		var best *span
		for j := range spans {
			s := &spans[j]
			if s.file != f.posn.Filename || !before(s.start, at) || !before(at, s.fin) {
				continue
			}
			if best == nil || before(best.start, s.start) {
				best = s // a later start inside is an inner call
			}
		}
		if best != nil {
			best.entry.Findings = append(best.entry.Findings, boundary.Finding{Analyzer: f.analyzer, Message: f.diag.Message})
		}
	}
	m.Summary = summarize(m.Entries)
	return m, nil
}

func summarize(entries []boundary.Entry) boundarySummary {
	s := boundarySummary{Calls: len(entries), ByKind: make(map[string]int)}
	for _, e := range entries {
		s.ByKind[e.Kind]++
		if e.Timeout.Status == boundary.Missing {
			s.NoTimeout++
		}
		if e.Breaker.Status == boundary.Missing {
			s.NoBreaker++
		}
		if e.Retry.Status == boundary.Unsafe {
			s.UnsafeRetry++
		}
		if e.Idempotency.Status == boundary.Missing {
			s.UnkeyedWrites++
			if e.Retry.Status == boundary.Backoff || e.Retry.Status == boundary.Unsafe {
				s.UnkeyedReplayedWrites++
			}
		}
	}
	return s
}

// writeBoundaryMap prints the map in format.
func writeBoundaryMap(w io.Writer, format string, m *boundaryMap, link linker) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	case "markdown":
		return writeBoundaryMarkdown(w, m)
	}
	return writeBoundaryHTML(w, m, link)
}

// writeBoundaryMarkdown prints a summary and a table per package.
func writeBoundaryMarkdown(w io.Writer, m *boundaryMap) error {
	var b strings.Builder
	b.WriteString("# Boundary map\n\n")
	s := m.Summary
	fmt.Fprintf(&b, "%d outbound calls (%s); %d without a timeout, %d without a circuit breaker, %d retried without backoff, %d writes without an idempotency key (%d of them retried).\n",
		s.Calls, kindCounts(s.ByKind), s.NoTimeout, s.NoBreaker, s.UnsafeRetry, s.UnkeyedWrites, s.UnkeyedReplayedWrites)
	pkg := ""
	for _, e := range byPackage(m.Entries) {
		if e.Package != pkg {
			pkg = e.Package
			fmt.Fprintf(&b, "\n## %s\n\n", mdCell(pkg))
			b.WriteString("| Position | Function | Kind | Operation | Timeout | Retry | Idempotency | Breaker | Findings |\n")
			b.WriteString("|---|---|---|---|---|---|---|---|---|\n")
		}
		var fs []string
		for _, f := range e.Findings {
			fs = append(fs, f.Analyzer+": "+f.Message)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			mdCell(e.Pos), mdCell(shortFunc(e.Function, e.Package)), e.Kind, mdCell(e.Operation),
			mdProt(e.Timeout), mdProt(e.Retry), mdProt(e.Idempotency), mdProt(e.Breaker), mdCell(strings.Join(fs, "; ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// byPackage returns the entries sorted by package, keeping the order of
// positions within one.
func byPackage(entries []boundary.Entry) []boundary.Entry {
	out := slices.Clone(entries)
	slices.SortStableFunc(out, func(a, b boundary.Entry) int { return cmp.Compare(a.Package, b.Package) })
	return out
}

func kindCounts(byKind map[string]int) string {
	kinds := make([]string, 0, len(byKind))
	for k := range byKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = k + " " + strconv.Itoa(byKind[k])
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// shortFunc drops the package path from a qualified function name in
// that package: "Charge", "(*Client).Send".
func shortFunc(fn, pkg string) string {
	return strings.ReplaceAll(fn, pkg+".", "")
}

func mdProt(p boundary.Protection) string {
	if p.Evidence == "" {
		return p.Status
	}
	return "**" + p.Status + "** " + mdCell(p.Evidence)
}

// mdCell escapes text for a Markdown table cell.
func mdCell(s string) string {
	r := strings.NewReplacer("|", `\|`, "\n", " ", "*", `\*`, "_", `\_`, "<", "&lt;", "`", "\\`")
	return r.Replace(s)
}
