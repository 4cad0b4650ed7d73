package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/inspector"
)

// EachDef calls f with every value given to the local variable that id
// refers to, inside the function around cur (closures share their
// parent's view). It returns true when all of them can be seen and f
// accepts each; false as soon as one cannot be seen (see Defs) or f
// refuses one. The zero value of a declaration without a value reaches f
// as a Def with a nil Expr; a value that is one of several results of a
// call has a non-zero Index or a call whose type is a tuple.
//
// It is the one definition follower of the suite: analyzers that wrote
// their own (localDefs, uniqueCallDef) call it.
func EachDef(info *types.Info, cur inspector.Cursor, id *ast.Ident, f func(Def) bool) bool {
	body, ok := EnclosingFunc(cur)
	return ok && eachDefIn(info, body, id, f)
}

// eachDefIn is EachDef inside scope.
func eachDefIn(info *types.Info, scope inspector.Cursor, id *ast.Ident, f func(Def) bool) bool {
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return false
	}
	defs, ok := Defs(info, scope, v)
	if !ok {
		return false
	}
	for _, d := range defs {
		if !f(d) {
			return false
		}
	}
	return true
}

// UniqueCall returns the call that is the only value the local variable
// id refers to is given in the function around cur, or nil.
func UniqueCall(info *types.Info, cur inspector.Cursor, id *ast.Ident) *ast.CallExpr {
	var call *ast.CallExpr
	n := 0
	ok := EachDef(info, cur, id, func(d Def) bool {
		n++
		call, _ = ast.Unparen(d.Expr).(*ast.CallExpr)
		return call != nil
	})
	if !ok || n != 1 {
		return nil
	}
	return call
}

// Origins returns the expressions that the value of expr can come from,
// following local variables through their definitions (a chain of
// copies x := y; z := x) inside the function around cur: calls,
// composite literals, constants, parameters and fields as written. A
// leading & and parentheses are looked through. ok is false when a
// variable on the way may hold a value that cannot be seen (see Defs):
// then the origin is out of view and the caller should stay silent.
// The zero value of a declaration without a value is a nil Expr.
func Origins(info *types.Info, cur inspector.Cursor, expr ast.Expr) (origins []ast.Expr, ok bool) {
	seen := make(map[*types.Var]bool)
	var follow func(e ast.Expr, depth int) bool
	follow = func(e ast.Expr, depth int) bool {
		if depth > maxDepth {
			return false
		}
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			if _, isLit := ast.Unparen(u.X).(*ast.CompositeLit); isLit {
				e = ast.Unparen(u.X)
			}
		}
		id, isIdent := e.(*ast.Ident)
		if !isIdent {
			origins = append(origins, e)
			return true
		}
		v, isVar := info.Uses[id].(*types.Var)
		if !isVar || v.IsField() {
			origins = append(origins, e)
			return true
		}
		if seen[v] {
			return true
		}
		seen[v] = true
		body, ok := EnclosingFunc(cur)
		if !ok || v.Pos() < body.Node().Pos() || v.Pos() >= body.Node().End() {
			origins = append(origins, e) // a parameter or a global: an origin of its own
			return true
		}
		defs, ok := Defs(info, body, v)
		if !ok {
			return false
		}
		for _, d := range defs {
			if d.Expr == nil {
				origins = append(origins, nil)
				continue
			}
			if d.Index != 0 {
				return false // one of several results
			}
			if !follow(d.Expr, depth+1) {
				return false
			}
		}
		return true
	}
	if !follow(expr, 0) {
		return nil, false
	}
	return origins, true
}

// Assignments yields every local variable given a value in scope by an
// assignment or a declaration, with the value: the right-hand side that
// goes to it, or, when one call gives several variables their values,
// the call and the variable's Index among its results. A declaration
// without a value yields a Def with a nil Expr.
func Assignments(info *types.Info, scope inspector.Cursor) iter.Seq2[*types.Var, Def] {
	return func(yield func(*types.Var, Def) bool) {
		for cur := range scope.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
			var lhs, rhs []ast.Expr
			switch n := cur.Node().(type) {
			case *ast.AssignStmt:
				if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					continue // v += x: not a new value
				}
				lhs, rhs = n.Lhs, n.Rhs
			case *ast.ValueSpec:
				for _, id := range n.Names {
					lhs = append(lhs, id)
				}
				rhs = n.Values
			}
			for i, l := range lhs {
				id, ok := ast.Unparen(l).(*ast.Ident)
				if !ok {
					continue
				}
				v, ok := info.ObjectOf(id).(*types.Var)
				if !ok {
					continue
				}
				var d Def
				switch {
				case len(rhs) == 0:
				case len(rhs) == len(lhs):
					d.Expr = rhs[i]
				case len(rhs) == 1:
					d = Def{Expr: rhs[0], Index: i}
				default:
					continue
				}
				if !yield(v, d) {
					return
				}
			}
		}
	}
}
