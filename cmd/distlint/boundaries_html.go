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
}).Parse(boundaryPage))

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
	Missing []string // the protections visibly lacking: timeout, retry, idempotency, breaker
}

type htmlPage struct {
	Title   string
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
	for _, e := range m.Entries {
		row := htmlRow{Entry: e, Link: link(e.Pos)}
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
