package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A verdicts file (bench/verdicts/<half>.tsv) records the triage of a
// half's findings, one tab-separated line each:
//
//	analyzer  file  function  msghash  verdict  reason  [location  message]
//
// file is the module path and the file within it, without the version;
// function is the enclosing top-level function ("Name" or "Recv.Name",
// "-" outside functions); msghash is the first 12 hex digits of the
// SHA-256 of the message with its numbers removed. Together they survive
// reruns, line shifts and version bumps that leave the code alone.
// verdict is fix (a true finding to fix), suppress (true, suppressed with
// the written reason), false (a false positive; the reason names the
// class), or TODO (not triaged yet). The trailing location and message
// columns are for the reader and are not matched.
const (
	verdictFix      = "fix"
	verdictSuppress = "suppress"
	verdictFalse    = "false"
	verdictTODO     = "TODO"
)

type verdict struct {
	key    string // analyzer, file, function, msghash joined by tabs
	value  string
	reason string
	line   string // the whole line, kept when the file is rewritten
}

var digits = regexp.MustCompile(`[0-9]+`)

// msgHash hashes a message without its numbers (line numbers, durations
// and counts that a rerun may shift).
func msgHash(msg string) string {
	sum := sha256.Sum256([]byte(digits.ReplaceAllString(msg, "#")))
	return hex.EncodeToString(sum[:])[:12]
}

// keyFile turns module@version/dir/file.go:l:c into module/dir/file.go.
func keyFile(short string) string {
	file := short
	if i := strings.Index(file, ".go:"); i >= 0 {
		file = file[:i+3]
	}
	if at := strings.Index(file, "@"); at >= 0 {
		rest := file[at:]
		if slash := strings.Index(rest, "/"); slash >= 0 {
			file = file[:at] + rest[slash:]
		}
	}
	return file
}

// enclosingFunc names the top-level function around the position
// file:line:col, or "-".
func enclosingFunc(posn string, cache map[string]*ast.File, fset *token.FileSet) string {
	parts := strings.Split(posn, ":")
	if len(parts) < 3 {
		return "-"
	}
	file := strings.Join(parts[:len(parts)-2], ":")
	line, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		return "-"
	}
	f, ok := cache[file]
	if !ok {
		f, _ = parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		cache[file] = f
	}
	if f == nil {
		return "-"
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		if fset.Position(fd.Pos()).Line <= line && line <= fset.Position(fd.End()).Line {
			if fd.Recv != nil && len(fd.Recv.List) > 0 {
				return recvName(fd.Recv.List[0].Type) + "." + fd.Name.Name
			}
			return fd.Name.Name
		}
	}
	return "-"
}

func recvName(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.StarExpr:
		return recvName(e.X)
	case *ast.IndexExpr:
		return recvName(e.X)
	case *ast.IndexListExpr:
		return recvName(e.X)
	case *ast.Ident:
		return e.Name
	}
	return "?"
}

func (f finding) key() string {
	return strings.Join([]string{f.analyzer, keyFile(f.posn), f.function, msgHash(f.message)}, "\t")
}

// readVerdicts reads a verdicts file; a missing file has no verdicts.
func readVerdicts(path string) ([]verdict, error) {
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var vs []verdict
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 6 {
			return nil, fmt.Errorf("%s:%d: want at least 6 tab-separated fields: analyzer file function msghash verdict reason", path, i+1)
		}
		switch f[4] {
		case verdictFix, verdictSuppress, verdictFalse, verdictTODO:
		default:
			return nil, fmt.Errorf("%s:%d: verdict %q: want fix, suppress, false or TODO", path, i+1, f[4])
		}
		vs = append(vs, verdict{key: strings.Join(f[:4], "\t"), value: f[4], reason: f[5], line: line})
	}
	return vs, nil
}

// appendTODO appends a TODO line for every finding with no verdict: the
// triage template.
func appendTODO(path string, findings []finding, vs []verdict) (int, error) {
	have := make(map[string]bool)
	for _, v := range vs {
		have[v.key] = true
	}
	var buf bytes.Buffer
	if len(vs) == 0 {
		if _, err := os.Stat(path); os.IsNotExist(err) {
			buf.WriteString(verdictsHeader)
		}
	}
	n := 0
	for _, f := range findings {
		k := f.key()
		if have[k] {
			continue
		}
		have[k] = true
		n++
		fmt.Fprintf(&buf, "%s\t%s\t\t%s\t%s\n", k, verdictTODO, f.posn, strings.ReplaceAll(f.message, "\t", " "))
	}
	if buf.Len() == 0 {
		return 0, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, err
	}
	fh, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, err
	}
	if _, err := fh.Write(buf.Bytes()); err != nil {
		fh.Close()
		return 0, err
	}
	return n, fh.Close()
}

const verdictsHeader = `# Triage of a half's findings (bench/cmd/corpus/verdicts.go says the format).
# analyzer	file	function	msghash	verdict	reason	location	message
# verdict: fix | suppress | false | TODO. Replace TODO and write the reason
# (for false: the class of code, not the line).
`

// A row of the precision table.
type tableRow struct {
	analyzer                              string
	findings, fix, suppress, false_, todo int
}

func (r tableRow) precision() string {
	judged := r.fix + r.suppress + r.false_
	if judged == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2f", float64(r.fix+r.suppress)/float64(judged))
}

// precisionTable counts verdicts per analyzer; the last row is the total.
// A finding with no verdict counts as TODO. It also returns the verdicts
// that matched no finding (stale, or code that changed).
func precisionTable(findings []finding, vs []verdict) ([]tableRow, []verdict) {
	byKey := make(map[string]verdict)
	for _, v := range vs {
		byKey[v.key] = v
	}
	used := make(map[string]bool)
	rows := make(map[string]*tableRow)
	var names []string
	for _, f := range findings {
		r := rows[f.analyzer]
		if r == nil {
			r = &tableRow{analyzer: f.analyzer}
			rows[f.analyzer] = r
			names = append(names, f.analyzer)
		}
		r.findings++
		k := f.key()
		v, ok := byKey[k]
		used[k] = true
		switch {
		case !ok || v.value == verdictTODO:
			r.todo++
		case v.value == verdictFix:
			r.fix++
		case v.value == verdictSuppress:
			r.suppress++
		case v.value == verdictFalse:
			r.false_++
		}
	}
	slices.Sort(names)
	var out []tableRow
	total := tableRow{analyzer: "total"}
	for _, n := range names {
		r := *rows[n]
		out = append(out, r)
		total.findings += r.findings
		total.fix += r.fix
		total.suppress += r.suppress
		total.false_ += r.false_
		total.todo += r.todo
	}
	out = append(out, total)
	var stale []verdict
	for _, v := range vs {
		if !used[v.key] {
			stale = append(stale, v)
		}
	}
	return out, stale
}

func formatTable(rows []tableRow) string {
	var b strings.Builder
	b.WriteString("| analyzer | findings | true (fix) | true (suppress) | false | not triaged | precision |\n")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %s |\n", r.analyzer, r.findings, r.fix, r.suppress, r.false_, r.todo, r.precision())
	}
	return b.String()
}
