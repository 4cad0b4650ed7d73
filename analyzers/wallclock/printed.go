package wallclock

// A name is not evidence on its own: a clock reading kept in a local
// variable whose every use is visible, and only prints it for an
// operator, orders, keys, versions and sends nothing.

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// onlyPrinted reports whether target, the variable a clock value is
// given to, is a local variable of the function whose body is scope and
// every use of it is visible and only formats or logs it: an argument
// of a print or log call, or arithmetic, conversions and formatting
// whose results are in turn only printed (offset := now - days;
// log.Printf("starting at %d", offset)). A value stored in a field or
// a map, returned, sent, compared, passed to any other function, or
// whose address is taken could order, key or version something: false.
func (c *checker) onlyPrinted(scope inspector.Cursor, target ast.Expr) bool {
	id, ok := ast.Unparen(target).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || !c.localVar(scope, v) {
		return false
	}
	return c.varPrinted(scope, v, map[*types.Var]bool{})
}

// localVar reports whether v is declared in the body that scope is, and
// is neither a parameter nor a result of a function literal there (a
// named result leaves through a bare return).
func (c *checker) localVar(scope inspector.Cursor, v *types.Var) bool {
	n := scope.Node()
	if v.IsField() || v.Pos() < n.Pos() || v.Pos() >= n.End() {
		return false
	}
	for ft := range scope.Preorder((*ast.FuncType)(nil)) {
		if c.info.Scopes[ft.Node().(*ast.FuncType)] == v.Parent() {
			return false
		}
	}
	return true
}

// varPrinted reports whether every use of the local variable v in scope
// only prints it. seen guards against variables feeding each other.
func (c *checker) varPrinted(scope inspector.Cursor, v *types.Var, seen map[*types.Var]bool) bool {
	if seen[v] {
		return true // already being judged: its other uses decide
	}
	if len(seen) > maxDefDepth {
		return false
	}
	seen[v] = true
	for _, use := range flow.Uses(c.info, scope, v) {
		if c.written(use) {
			continue
		}
		if !c.usePrinted(scope, use, v, seen) {
			return false
		}
	}
	return true
}

// written reports whether the identifier at cur is the target of an
// assignment or an increment (x = ..., x -= n, x++): a write of the
// variable, not a use of its value elsewhere.
func (c *checker) written(cur inspector.Cursor) bool {
	cur = match.OuterParens(cur)
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		return slices.Contains(p.Lhs, cur.Node().(ast.Expr))
	case *ast.IncDecStmt:
		return true
	}
	return false
}

// usePrinted reports whether the expression at cur, a value computed
// from the variable v, is only printed.
func (c *checker) usePrinted(scope inspector.Cursor, cur inspector.Cursor, v *types.Var, seen map[*types.Var]bool) bool {
	cur = match.Carried(c.info, cur, match.TextMethod, maxDefDepth+2)
	e := cur.Node().(ast.Expr)
	switch p := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		return p.Fun != e && match.PrintArg(c.info, p, match.Callee(c.info, p), e)
	case *ast.AssignStmt:
		i := slices.Index(p.Rhs, e)
		if i < 0 || len(p.Lhs) != len(p.Rhs) {
			return false
		}
		return c.printedVar(scope, p.Lhs[i], v, seen)
	case *ast.ValueSpec:
		i := slices.Index(p.Values, e)
		if i < 0 || len(p.Names) != len(p.Values) {
			return false
		}
		return c.printedVar(scope, p.Names[i], v, seen)
	}
	return false // compared, stored, returned, sent
}

// printedVar reports whether lhs, given a value computed from v, is v
// itself (offset = offset - days) or another local variable that is
// only printed.
func (c *checker) printedVar(scope inspector.Cursor, lhs ast.Expr, v *types.Var, seen map[*types.Var]bool) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	w, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	return w == v || c.localVar(scope, w) && c.varPrinted(scope, w, seen)
}
