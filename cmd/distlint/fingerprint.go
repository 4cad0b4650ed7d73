package main

import (
	"crypto/sha256"
	"encoding/hex"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// A fingerprint identifies a finding in a way that survives edits
// elsewhere in its file: lines inserted above it, a function moved. It
// is what a baseline records and what SARIF's partialFingerprints carry.
type fingerprint struct {
	Analyzer string // the analyzer's name
	File     string // slash-separated path relative to the module root
	Function string // the enclosing function: Name or Type.Name; "" outside functions
	Hash     string // of the message and the normalised text of the finding's line
}

// fingerprinter computes fingerprints, reading each file once.
type fingerprinter struct {
	cwd   string
	files map[string]*sourceFile
	roots map[string]string // directory -> module root ("" when none)
}

type sourceFile struct {
	lines []string
	funcs []funcSpan
}

// funcSpan is a top-level function's lines, first and last.
type funcSpan struct {
	from, to int
	name     string
}

func newFingerprinter(cwd string) *fingerprinter {
	return &fingerprinter{cwd: cwd, files: make(map[string]*sourceFile), roots: make(map[string]string)}
}

// of returns the fingerprint of f.
func (fp *fingerprinter) of(f finding) fingerprint {
	src := fp.file(f.posn.Filename)
	var line, fn string
	if l := f.posn.Line; l > 0 && l <= len(src.lines) {
		line = strings.Join(strings.Fields(src.lines[l-1]), " ")
	}
	for _, s := range src.funcs {
		if s.from <= f.posn.Line && f.posn.Line <= s.to {
			fn = s.name
			break
		}
	}
	h := sha256.Sum256([]byte(normMessage(f.diag.Message) + "\x00" + line))
	return fingerprint{
		Analyzer: f.analyzer,
		File:     fp.relFile(f.posn.Filename),
		Function: fn,
		Hash:     hex.EncodeToString(h[:8]),
	}
}

// id is the fingerprint as one opaque string.
func (p fingerprint) id() string {
	h := sha256.Sum256([]byte(p.Analyzer + "\x00" + p.File + "\x00" + p.Function + "\x00" + p.Hash))
	return hex.EncodeToString(h[:16])
}

// positions in messages ("written at store.go:42:3", "line 12") change
// when lines move; they are left out of the hash.
var (
	msgPosn = regexp.MustCompile(`\.go:\d+(:\d+)?`)
	msgLine = regexp.MustCompile(`\bline \d+`)
)

func normMessage(msg string) string {
	msg = msgPosn.ReplaceAllString(msg, ".go")
	return msgLine.ReplaceAllString(msg, "line")
}

// file reads and parses a source file; a file that cannot be read or
// parsed has no lines or functions.
func (fp *fingerprinter) file(name string) *sourceFile {
	if src, ok := fp.files[name]; ok {
		return src
	}
	src := new(sourceFile)
	fp.files[name] = src
	data, err := os.ReadFile(name)
	if err != nil {
		return src
	}
	src.lines = strings.Split(string(data), "\n")
	fset := token.NewFileSet()
	file, _ := parser.ParseFile(fset, name, data, parser.SkipObjectResolution)
	if file == nil {
		return src
	}
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		name := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) > 0 {
			if recv := recvName(fd.Recv.List[0].Type); recv != "" {
				name = recv + "." + name
			}
		}
		src.funcs = append(src.funcs, funcSpan{fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line, name})
	}
	return src
}

// recvName returns the type name of a method receiver: T for T, *T, T[P].
func recvName(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

// relFile returns name relative to the root of its module, or to the
// working directory when it is in no module.
func (fp *fingerprinter) relFile(name string) string {
	dir := filepath.Dir(name)
	root, ok := fp.roots[dir]
	if !ok {
		root = moduleRoot(dir)
		fp.roots[dir] = root
	}
	if root == "" {
		root = fp.cwd
	}
	if rel, err := filepath.Rel(root, name); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(name)
}

// moduleRoot returns the directory holding the go.mod of dir, or "".
func moduleRoot(dir string) string {
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// occurrences returns the fingerprint of each finding and its rank among
// the findings with the same fingerprint (0 for the first), in the order
// of findings.
func (fp *fingerprinter) occurrences(findings []finding) ([]fingerprint, []int) {
	prints := make([]fingerprint, len(findings))
	ranks := make([]int, len(findings))
	seen := make(map[fingerprint]int)
	for i, f := range findings {
		prints[i] = fp.of(f)
		ranks[i] = seen[prints[i]]
		seen[prints[i]]++
	}
	return prints, ranks
}

// partialFingerprint is the SARIF partialFingerprints value of the
// rank'th finding with fingerprint p.
func partialFingerprint(p fingerprint, rank int) string {
	return p.id() + ":" + strconv.Itoa(rank+1)
}
