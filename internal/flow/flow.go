// Package flow follows values with syntax and types: inside one
// function, where a value is stored, which values a local variable can
// hold (Defs, EachDef, Origins) and which fields are assigned on it
// later; across functions and packages, through the Analyzer's Summary
// facts, what a factory returns, what a helper does with the struct it
// is given (sets fields, sends it, keeps it) and which methods return
// their receiver (Engine.Unset). It answers only what it can see; every
// helper reports when a value may come from somewhere out of view, so
// that analyzers can stay silent instead of guessing.
package flow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A Path names a storage location rooted at a variable: v, v.f, v.f.g.
// Root is the variable; Fields are the selected struct fields in order.
type Path struct {
	Root   *types.Var
	Fields []*types.Var
}

// Equal reports whether p and q name the same location.
func (p Path) Equal(q Path) bool {
	if p.Root != q.Root || len(p.Fields) != len(q.Fields) {
		return false
	}
	for i := range p.Fields {
		if p.Fields[i] != q.Fields[i] {
			return false
		}
	}
	return true
}

// PathOf returns the location that expr denotes, if it is a variable or a
// chain of field selections on one (implicit and explicit dereferences
// included).
func PathOf(info *types.Info, expr ast.Expr) (Path, bool) {
	switch e := ast.Unparen(expr).(type) {
	case *ast.Ident:
		v, ok := info.ObjectOf(e).(*types.Var)
		if !ok || v.IsField() {
			return Path{}, false
		}
		return Path{Root: v}, true
	case *ast.StarExpr:
		return PathOf(info, e.X)
	case *ast.SelectorExpr:
		sel, ok := info.Selections[e]
		if !ok || sel.Kind() != types.FieldVal {
			return Path{}, false
		}
		p, ok := PathOf(info, e.X)
		if !ok {
			return Path{}, false
		}
		f, _ := sel.Obj().(*types.Var)
		return Path{Root: p.Root, Fields: append(p.Fields[:len(p.Fields):len(p.Fields)], f)}, true
	}
	return Path{}, false
}

// Target returns the location that the value of the expression at c is
// stored into: the left-hand side of an assignment or declaration, or a
// field of a struct literal that is itself stored somewhere. Parentheses
// and a leading & are looked through.
func Target(info *types.Info, c inspector.Cursor) (Path, bool) {
	for {
		switch p := c.Parent().Node().(type) {
		case *ast.ParenExpr:
			c = c.Parent()
			continue
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				c = c.Parent()
				continue
			}
		case *ast.AssignStmt:
			if c.ParentEdgeKind() == edge.AssignStmt_Rhs && len(p.Lhs) == len(p.Rhs) {
				return PathOf(info, p.Lhs[c.ParentEdgeIndex()])
			}
		case *ast.ValueSpec:
			if c.ParentEdgeKind() == edge.ValueSpec_Values && len(p.Names) == len(p.Values) {
				return PathOf(info, p.Names[c.ParentEdgeIndex()])
			}
		case *ast.KeyValueExpr:
			_, inLit := c.Parent().Parent().Node().(*ast.CompositeLit)
			key, isIdent := p.Key.(*ast.Ident)
			if c.ParentEdgeKind() != edge.KeyValueExpr_Value || !inLit || !isIdent {
				return Path{}, false
			}
			f, ok := info.ObjectOf(key).(*types.Var)
			if !ok || !f.IsField() {
				return Path{}, false
			}
			outer, ok := Target(info, c.Parent().Parent())
			if !ok {
				return Path{}, false
			}
			return Path{Root: outer.Root, Fields: append(outer.Fields[:len(outer.Fields):len(outer.Fields)], f)}, true
		}
		return Path{}, false
	}
}

// FieldSet reports whether, in scope and after pos, one of the named
// fields of the location path is assigned a value that is not the
// constant zero (`path.Timeout = d`).
func FieldSet(info *types.Info, scope inspector.Cursor, after token.Pos, path Path, fields ...string) bool {
	for c := range scope.Preorder((*ast.AssignStmt)(nil)) {
		as := c.Node().(*ast.AssignStmt)
		if as.Pos() < after {
			continue
		}
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || !contains(fields, sel.Sel.Name) {
				continue
			}
			owner, ok := PathOf(info, sel.X)
			if !ok || !owner.Equal(path) {
				continue
			}
			if len(as.Lhs) == len(as.Rhs) && IsZeroConst(info, as.Rhs[i]) {
				continue
			}
			return true
		}
	}
	return false
}

// IsZeroConst reports whether expr is a constant equal to zero.
func IsZeroConst(info *types.Info, expr ast.Expr) bool {
	tv, ok := info.Types[expr]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Sign(tv.Value) == 0
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// A Def is one value given to a variable. Expr is the right-hand side
// (nil for a declaration without a value: the zero value); when Expr is
// a call with several results, Index is the one assigned.
type Def struct {
	Expr  ast.Expr
	Index int
}

// Defs returns every value the local variable v is given inside scope.
// ok is false when v may hold values that cannot be seen: it is declared
// outside scope (a parameter, a global, a variable captured from an
// enclosing function), it is a range variable, its address is taken, or
// it is assigned through a multi-value form Defs does not model.
func Defs(info *types.Info, scope inspector.Cursor, v *types.Var) (defs []Def, ok bool) {
	n := scope.Node()
	if v.Pos() < n.Pos() || v.Pos() >= n.End() {
		return nil, false
	}
	defs, ok = Assigned(info, scope, v)
	return defs, ok && len(defs) > 0
}

// Assigned returns the values given to v inside scope, wherever v is
// declared: for a parameter of the function whose body is scope, the
// values it is given besides its argument. ok is false when v may be
// given values there that cannot be seen (see Defs).
func Assigned(info *types.Info, scope inspector.Cursor, v *types.Var) (defs []Def, ok bool) {
	return assigned(info, scope, v, false)
}

// assigned is Assigned; with addrSeen, a taken address of v does not
// make it out of view: the caller follows every use of v itself.
func assigned(info *types.Info, scope inspector.Cursor, v *types.Var, addrSeen bool) (defs []Def, ok bool) {
	for c := range scope.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.Field)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				id, isIdent := ast.Unparen(lhs).(*ast.Ident)
				if !isIdent || info.ObjectOf(id) != v {
					continue
				}
				if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					return nil, false // v += x and friends
				}
				value, index, given := nth(n.Rhs, len(n.Lhs), i)
				if !given {
					return nil, false
				}
				defs = append(defs, Def{Expr: value, Index: index})
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if info.Defs[name] != v {
					continue
				}
				value, index, given := nth(n.Values, len(n.Names), i)
				if !given && len(n.Values) > 0 {
					return nil, false
				}
				defs = append(defs, Def{Expr: value, Index: index})
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if id, isIdent := e.(*ast.Ident); isIdent && info.ObjectOf(id) == v {
					return nil, false
				}
			}
		case *ast.UnaryExpr:
			if id, isIdent := ast.Unparen(n.X).(*ast.Ident); isIdent && n.Op == token.AND && info.Uses[id] == v && !addrSeen {
				return nil, false
			}
		case *ast.Field:
			for _, name := range n.Names {
				if info.Defs[name] == v {
					return nil, false // a parameter of a nested function literal
				}
			}
		}
	}
	return defs, true
}

// Uses returns the cursors of every identifier in scope that refers to v.
func Uses(info *types.Info, scope inspector.Cursor, v types.Object) []inspector.Cursor {
	var uses []inspector.Cursor
	for c := range scope.Preorder((*ast.Ident)(nil)) {
		if info.Uses[c.Node().(*ast.Ident)] == v {
			uses = append(uses, c)
		}
	}
	return uses
}

// EnclosingFunc returns the body of the outermost function declaration
// or literal that encloses c, so that closures share their parent's
// view. ok is false outside any function (package-level initializers).
func EnclosingFunc(c inspector.Cursor) (body inspector.Cursor, ok bool) {
	for f := range c.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		switch n := f.Node().(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				body, ok = f.ChildAt(edge.FuncDecl_Body, -1), true
			}
		case *ast.FuncLit:
			body, ok = f.ChildAt(edge.FuncLit_Body, -1), true
		}
	}
	return body, ok
}
