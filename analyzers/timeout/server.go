package timeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// handedToHelper reports whether the server literal at cur, or the local
// variable it initializes, is passed as an *http.Server to a function
// outside net/http: a helper that may set its timeouts out of view
// (service corpus: kratos's graceful.WithDefaults(&http.Server{...})).
func (c *checker) handedToHelper(cur inspector.Cursor) bool {
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		if c.serverArg(cur.Parent()) {
			return true
		}
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	path, ok := c.target(cur)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	for _, use := range flow.Uses(c.info, body, path.Root) {
		if u, ok := use.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
			use = use.Parent()
		}
		if c.serverArg(use) {
			return true
		}
	}
	return false
}

// serverArg reports whether the expression at cur is an argument, for a
// parameter of type http.Server or *http.Server, of a function outside
// net/http.
func (c *checker) serverArg(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "net/http" {
		return false
	}
	params := fn.Signature().Params()
	_, idx := cur.ParentEdge()
	if params.Len() == 0 || idx < 0 {
		return false
	}
	if idx >= params.Len() {
		idx = params.Len() - 1 // variadic
	}
	return match.IsTypeOrPointer(params.At(idx).Type(), "net/http.Server")
}

// serverFix inserts ReadHeaderTimeout: 10 * time.Second into a keyed
// (or empty) http.Server literal, importing "time" if the file lacks it.
func (c *checker) serverFix(lit *ast.CompositeLit) []analysis.SuggestedFix {
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return nil // positional literal: no safe place to add a field
		}
	}
	file := c.fileOf(lit.Pos())
	if file == nil {
		return nil
	}
	timePkg, importEdit, ok := c.timeImport(file, lit.Pos())
	if !ok {
		return nil
	}
	field := "ReadHeaderTimeout: 10 * " + timePkg + ".Second"
	var edit analysis.TextEdit
	fset := c.pass.Fset
	switch {
	case len(lit.Elts) == 0:
		edit = analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(field)}
	case fset.Position(lit.Elts[len(lit.Elts)-1].End()).Line == fset.Position(lit.Rbrace).Line:
		last := lit.Elts[len(lit.Elts)-1]
		edit = analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + field)}
	default:
		// One field per line: add a line before the closing brace,
		// indented like the last field.
		last := lit.Elts[len(lit.Elts)-1]
		indent := strings.Repeat("\t", fset.Position(last.Pos()).Column-1)
		tf := fset.File(lit.Rbrace)
		lineStart := tf.LineStart(tf.Line(lit.Rbrace))
		edit = analysis.TextEdit{Pos: lineStart, End: lineStart, NewText: []byte(indent + field + ",\n")}
	}
	edits := []analysis.TextEdit{edit}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return []analysis.SuggestedFix{{Message: "Add ReadHeaderTimeout: 10 * time.Second", TextEdits: edits}}
}

func (c *checker) fileOf(pos token.Pos) *ast.File {
	for _, f := range c.pass.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// timeImport returns the name under which file refers to package time at
// pos and, if the file does not import it, the edit that adds the import.
// ok is false if "time" would not resolve to the package at pos.
func (c *checker) timeImport(file *ast.File, pos token.Pos) (name string, edit *analysis.TextEdit, ok bool) {
	for _, imp := range file.Imports {
		if path, _ := strconv.Unquote(imp.Path.Value); path == "time" {
			switch {
			case imp.Name == nil:
				name = "time"
			case imp.Name.Name == "_" || imp.Name.Name == ".":
				return "", nil, false
			default:
				name = imp.Name.Name
			}
			return name, nil, c.resolvesToTime(pos, name)
		}
	}
	if !c.resolvesToNothing(pos, "time") {
		return "", nil, false
	}
	// Add the import after the last existing one, or after the package clause.
	var at token.Pos
	text := "\nimport \"time\"\n"
	if n := len(file.Imports); n > 0 {
		last := file.Imports[n-1]
		at = last.End()
		text = "\n\t\"time\""
		if gd := c.importDecl(file, last); gd != nil && !gd.Lparen.IsValid() {
			text = "\nimport \"time\""
		}
	} else {
		at = file.Name.End()
		text = "\n" + text
	}
	return "time", &analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)}, true
}

func (c *checker) importDecl(file *ast.File, spec *ast.ImportSpec) *ast.GenDecl {
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Pos() <= spec.Pos() && spec.End() <= gd.End() {
			return gd
		}
	}
	return nil
}

func (c *checker) resolvesToTime(pos token.Pos, name string) bool {
	_, obj := c.pass.Pkg.Scope().Innermost(pos).LookupParent(name, pos)
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == "time"
}

func (c *checker) resolvesToNothing(pos token.Pos, name string) bool {
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	return obj == nil
}
