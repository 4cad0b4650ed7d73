// Package edit builds the text edits of suggested fixes: adding a field
// to a struct literal, importing a package, finding a position's file.
// Each helper says when it cannot edit safely, and the analyzer then
// offers no fix rather than a wrong one.
package edit

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// FileOf returns the file among files that holds pos, or nil.
func FileOf(files []*ast.File, pos token.Pos) *ast.File {
	for _, f := range files {
		if f.FileStart <= pos && pos < f.FileEnd {
			return f
		}
	}
	return nil
}

// AddField returns the edit that adds field (the text "Name: value") to
// the keyed or empty struct literal lit: inside the braces of an empty
// literal, after the last field of a literal on one line, or on a line
// of its own before the closing brace, indented like the last field.
// ok is false for a positional literal, which has no safe place for it.
func AddField(fset *token.FileSet, lit *ast.CompositeLit, field string) (analysis.TextEdit, bool) {
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return analysis.TextEdit{}, false
		}
	}
	switch {
	case len(lit.Elts) == 0:
		return analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(field)}, true
	case fset.Position(lit.Elts[len(lit.Elts)-1].End()).Line == fset.Position(lit.Rbrace).Line:
		last := lit.Elts[len(lit.Elts)-1]
		return analysis.TextEdit{Pos: last.End(), End: last.End(), NewText: []byte(", " + field)}, true
	}
	last := lit.Elts[len(lit.Elts)-1]
	indent := strings.Repeat("\t", fset.Position(last.Pos()).Column-1)
	tf := fset.File(lit.Rbrace)
	lineStart := tf.LineStart(tf.Line(lit.Rbrace))
	return analysis.TextEdit{Pos: lineStart, End: lineStart, NewText: []byte(indent + field + ",\n")}, true
}

// Import returns the name under which file refers, at pos, to the
// package importPath and, if the file does not import it, the edit that
// adds the import (after the last import, or after the package clause).
// A new import is named by the last element of its path. ok is false
// when that name would not resolve to the package at pos: a blank or dot
// import, or another declaration of the name in scope.
func Import(pkg *types.Package, file *ast.File, pos token.Pos, importPath string) (name string, e *analysis.TextEdit, ok bool) {
	for _, imp := range file.Imports {
		if p, _ := strconv.Unquote(imp.Path.Value); p == importPath {
			switch {
			case imp.Name == nil:
				name = path.Base(importPath)
			case imp.Name.Name == "_" || imp.Name.Name == ".":
				return "", nil, false
			default:
				name = imp.Name.Name
			}
			return name, nil, resolvesTo(pkg, pos, name, importPath)
		}
	}
	name = path.Base(importPath)
	if !resolvesToNothing(pkg, pos, name) {
		return "", nil, false
	}
	var at token.Pos
	quoted := strconv.Quote(importPath)
	text := "\nimport " + quoted + "\n"
	if n := len(file.Imports); n > 0 {
		last := file.Imports[n-1]
		at = last.End()
		text = "\n\t" + quoted
		if gd := importDecl(file, last); gd != nil && !gd.Lparen.IsValid() {
			text = "\nimport " + quoted
		}
	} else {
		at = file.Name.End()
		text = "\n" + text
	}
	return name, &analysis.TextEdit{Pos: at, End: at, NewText: []byte(text)}, true
}

// importDecl returns the import declaration that holds spec.
func importDecl(file *ast.File, spec *ast.ImportSpec) *ast.GenDecl {
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT && gd.Pos() <= spec.Pos() && spec.End() <= gd.End() {
			return gd
		}
	}
	return nil
}

// resolvesTo reports whether name, at pos, is the package importPath.
func resolvesTo(pkg *types.Package, pos token.Pos, name, importPath string) bool {
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	pn, ok := obj.(*types.PkgName)
	return ok && pn.Imported().Path() == importPath
}

// resolvesToNothing reports whether name, at pos, is not declared.
func resolvesToNothing(pkg *types.Package, pos token.Pos, name string) bool {
	scope := pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	return obj == nil
}
