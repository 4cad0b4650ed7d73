package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"sync"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// A WriteKind says how a write gives a variable its value.
type WriteKind uint8

const (
	// WriteAssign is an assignment or a declaration: x = v, s.f, err =
	// g() (Index 0), var x = v, var x T (a nil Value: the zero value).
	WriteAssign WriteKind = iota
	// WriteLiteral is an element of a struct literal, keyed (T{F: v})
	// or positional (T{v}).
	WriteLiteral
	// WriteUpdate is a value derived from the variable's own: x += v,
	// x++.
	WriteUpdate
	// WriteAddress is &x: the variable may be written through the
	// pointer, out of view.
	WriteAddress
	// WriteRange is a range statement assigning the variable its keys or
	// elements: for x = range e.
	WriteRange
)

// A Write is one place where the package gives a struct field or a
// package-level variable a value.
type Write struct {
	Kind WriteKind
	// Cursor is the writing node: the AssignStmt, ValueSpec,
	// CompositeLit, IncDecStmt, UnaryExpr or RangeStmt. The function
	// around it (EnclosingFunc) is where Value is read; a package-level
	// declaration has none.
	Cursor inspector.Cursor
	// Value is the expression written: nil for the zero value of a
	// declaration, and for the kinds whose value cannot be read
	// (WriteUpdate, WriteAddress, WriteRange).
	Value ast.Expr
	// Index is the result written when Value is a call with several
	// results or a comma-ok form (v, ok = m[k]), as in Def: the first
	// of several has Index 0 and a Value of tuple type.
	Index int
}

// A Writes indexes the writes of the struct fields and package-level
// variables of one package, wherever in the package they occur. It is
// built on first use with one walk of the package, so asking about any
// number of variables costs that one walk; it is safe for concurrent use.
type Writes struct {
	pkg    *types.Package
	info   *types.Info
	root   inspector.Cursor
	once   sync.Once
	writes map[*types.Var][]Write
}

// NewWrites returns the index of the writes in the package pkg, whose
// syntax root and type information are given. Nothing is walked until
// the first question.
func NewWrites(pkg *types.Package, info *types.Info, root inspector.Cursor) *Writes {
	return &Writes{pkg: pkg, info: info, root: root}
}

// Of returns every write of v, a struct field or a package-level
// variable, in source order, including those whose value cannot be
// read. A field is known by its generic origin, whichever instance is
// asked.
func (w *Writes) Of(v *types.Var) []Write {
	if v == nil {
		return nil
	}
	w.once.Do(w.build)
	return w.writes[v.Origin()]
}

// Values returns the writes of v whose value can be read (WriteAssign
// and WriteLiteral), in source order. ok is false when v may hold
// values that cannot be seen: it is a local variable (see Defs), it
// belongs to another package or is exported (other packages may write
// it), or a write of it is an update, takes its address or is a range.
// A field's zero value, before any write, is not among the values.
func (w *Writes) Values(v *types.Var) (values []Write, ok bool) {
	if v == nil {
		return nil, false
	}
	ok = v.Pkg() == w.pkg && !v.Exported() && (v.IsField() || isPackageVar(v))
	for _, wr := range w.Of(v) {
		switch wr.Kind {
		case WriteAssign, WriteLiteral:
			values = append(values, wr)
		default:
			ok = false
		}
	}
	return values, ok
}

// build walks the package once and records every write.
func (w *Writes) build() {
	w.writes = make(map[*types.Var][]Write)
	add := func(v *types.Var, wr Write) {
		if v != nil {
			w.writes[v] = append(w.writes[v], wr)
		}
	}
	for cur := range w.root.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil),
		(*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := FieldOrGlobal(w.info, lhs)
				if v != nil && n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					add(v, Write{Kind: WriteUpdate, Cursor: cur})
				} else if value, index, ok := nth(n.Rhs, len(n.Lhs), i); v != nil && ok {
					add(v, Write{Kind: WriteAssign, Cursor: cur, Value: value, Index: index})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := w.info.Defs[name].(*types.Var)
				if !ok || !isPackageVar(v) {
					continue
				}
				if value, index, ok := nth(n.Values, len(n.Names), i); ok || len(n.Values) == 0 {
					add(v, Write{Kind: WriteAssign, Cursor: cur, Value: value, Index: index})
				}
			}
		case *ast.CompositeLit:
			for _, fv := range match.LiteralFields(w.info, n) {
				add(fv.Field, Write{Kind: WriteLiteral, Cursor: cur, Value: fv.Value})
			}
		case *ast.IncDecStmt:
			add(FieldOrGlobal(w.info, n.X), Write{Kind: WriteUpdate, Cursor: cur})
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(FieldOrGlobal(w.info, n.X), Write{Kind: WriteAddress, Cursor: cur})
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					add(FieldOrGlobal(w.info, e), Write{Kind: WriteRange, Cursor: cur})
				}
			}
		}
	}
}

// FieldOrGlobal returns the variable that e denotes if it is one that
// Writes indexes: a struct field, as its generic origin, or a
// package-level variable, qualified or not; nil otherwise.
func FieldOrGlobal(info *types.Info, e ast.Expr) *types.Var {
	if f := match.SelectedField(info, e); f != nil {
		return f
	}
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return nil
	}
	if v, ok := info.Uses[id].(*types.Var); ok && isPackageVar(v) {
		return v
	}
	return nil
}

// isPackageVar reports whether v is declared at package level.
func isPackageVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// nth returns the value that the i-th of n variables is given by
// values, the right-hand side of an assignment or declaration: values[i],
// or the i-th result of values[0] when it is one call (or comma-ok form)
// with several. ok is false when values has no such value (a
// declaration without values, or invalid syntax).
func nth(values []ast.Expr, n, i int) (value ast.Expr, index int, ok bool) {
	switch {
	case len(values) == n:
		return values[i], 0, true
	case len(values) == 1:
		return values[0], i, true
	}
	return nil, 0, false
}
