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
	// Index is, when Value is a call with several results or a
	// comma-ok form (v, ok = m[k]), the one written.
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
				v := w.target(lhs)
				switch {
				case v == nil:
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					add(v, Write{Kind: WriteUpdate, Cursor: cur})
				case len(n.Lhs) == len(n.Rhs):
					add(v, Write{Kind: WriteAssign, Cursor: cur, Value: n.Rhs[i]})
				case len(n.Rhs) == 1:
					add(v, Write{Kind: WriteAssign, Cursor: cur, Value: n.Rhs[0], Index: i})
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := w.info.Defs[name].(*types.Var)
				if !ok || !isPackageVar(v) {
					continue
				}
				switch {
				case len(n.Values) == 0:
					add(v, Write{Kind: WriteAssign, Cursor: cur})
				case len(n.Values) == len(n.Names):
					add(v, Write{Kind: WriteAssign, Cursor: cur, Value: n.Values[i]})
				case len(n.Values) == 1:
					add(v, Write{Kind: WriteAssign, Cursor: cur, Value: n.Values[0], Index: i})
				}
			}
		case *ast.CompositeLit:
			for _, fv := range match.LiteralFields(w.info, n) {
				add(fv.Field, Write{Kind: WriteLiteral, Cursor: cur, Value: fv.Value})
			}
		case *ast.IncDecStmt:
			add(w.target(n.X), Write{Kind: WriteUpdate, Cursor: cur})
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(w.target(n.X), Write{Kind: WriteAddress, Cursor: cur})
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					add(w.target(e), Write{Kind: WriteRange, Cursor: cur})
				}
			}
		}
	}
}

// target returns the variable that the expression e writes, if it is a
// struct field (as its generic origin) or a package-level variable,
// qualified or not; nil otherwise.
func (w *Writes) target(e ast.Expr) *types.Var {
	if f := match.SelectedField(w.info, e); f != nil {
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
	if v, ok := w.info.Uses[id].(*types.Var); ok && isPackageVar(v) {
		return v
	}
	return nil
}

// isPackageVar reports whether v is declared at package level.
func isPackageVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}
