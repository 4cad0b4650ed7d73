package main

import (
	_ "embed"
	"html/template"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/distlint/distlint/analyzers/boundary"
)

// boundaries.html is the page's template: one self-contained file (its
// style and script inline, nothing fetched) that reads without
// JavaScript; the script adds sorting and filtering.
//
//go:embed boundaries.html
var boundaryPage string

var boundaryTemplate = template.Must(template.New("boundaries").Funcs(template.FuncMap{
	"short": shortFunc,
	"join":  strings.Join,
	"wbr":   wbr,
}).Parse(boundaryPage))

// wbr escapes s for HTML and lets the browser break the line after each
// slash: paths, import paths and URLs wrap at their elements instead of
// mid-word.
func wbr(s string) template.HTML {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(template.HTMLEscapeString(string(r)))
		if r == '/' {
			b.WriteString("<wbr>")
		}
	}
	return template.HTML(b.String())
}

// commonDir returns the directory that holds every position's file,
// ending in a slash, or "" when they share none.
func commonDir(positions []string) string {
	prefix := ""
	for i, pos := range positions {
		dir := filepath.ToSlash(filepath.Dir(parsePosn(pos).Filename)) + "/"
		if i == 0 {
			prefix = dir
			continue
		}
		for !strings.HasPrefix(dir, prefix) {
			prefix = prefix[:strings.LastIndex(strings.TrimSuffix(prefix, "/"), "/")+1]
		}
	}
	if prefix == "./" || prefix == "/" {
		return ""
	}
	return prefix
}

// A linker turns an entry's position (relative file:line:col) into the
// URL of the source line.
type linker func(pos string) string

// newLinker returns the linker for the -boundaries.link template, or
// file:// URLs under cwd when it is empty.
func newLinker(tmpl, cwd string) linker {
	return func(pos string) string {
		p := parsePosn(pos)
		abs := p.Filename
		if !filepath.IsAbs(abs) {
			abs = filepath.Join(cwd, filepath.FromSlash(abs))
		}
		if tmpl == "" {
			u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
			return u.String()
		}
		r := strings.NewReplacer("{path}", filepath.ToSlash(p.Filename), "{abspath}", filepath.ToSlash(abs), "{line}", strconv.Itoa(p.Line))
		return r.Replace(tmpl)
	}
}

// htmlRow is one table row of the page.
type htmlRow struct {
	boundary.Entry
	Link    string
	Short   string   // Pos without the directory all positions share
	Missing []string // the protections visibly lacking: timeout, retry, idempotency, breaker
}

type htmlPage struct {
	Title   string
	Dir     string // the directory all positions share, if any
	Summary boundarySummary
	Kinds   []htmlKind
	Rows    []htmlRow
}

type htmlKind struct {
	Kind  string
	Count int
}

func writeBoundaryHTML(w io.Writer, m *boundaryMap, link linker) error {
	page := htmlPage{Title: "Boundary map", Summary: m.Summary}
	if wd, err := os.Getwd(); err == nil {
		page.Title = "Boundary map of " + filepath.Base(wd)
	}
	for k, n := range m.Summary.ByKind {
		page.Kinds = append(page.Kinds, htmlKind{k, n})
	}
	slices.SortFunc(page.Kinds, func(a, b htmlKind) int { return strings.Compare(a.Kind, b.Kind) })
	var positions []string
	for _, e := range m.Entries {
		positions = append(positions, e.Pos)
	}
	page.Dir = commonDir(positions)
	for _, e := range m.Entries {
		row := htmlRow{Entry: e, Link: link(e.Pos), Short: strings.TrimPrefix(e.Pos, page.Dir)}
		if e.Timeout.Status == boundary.Missing {
			row.Missing = append(row.Missing, "timeout")
		}
		if e.Retry.Status == boundary.Unsafe {
			row.Missing = append(row.Missing, "retry")
		}
		if e.Idempotency.Status == boundary.Missing {
			row.Missing = append(row.Missing, "idempotency")
		}
		if e.Breaker.Status == boundary.Missing {
			row.Missing = append(row.Missing, "breaker")
		}
		page.Rows = append(page.Rows, row)
	}
	return boundaryTemplate.Execute(w, page)
}
