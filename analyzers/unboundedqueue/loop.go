package unboundedqueue

import (
	"go/ast"
	"go/types"
	"slices"

	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/ast/inspector"
)

// sameNamed reports whether a and b are the same type, or pointers to it.
func sameNamed(a, b types.Type) bool {
	if p, ok := a.(*types.Pointer); ok {
		a = p.Elem()
	}
	if p, ok := b.(*types.Pointer); ok {
		b = p.Elem()
	}
	return types.Identical(a, b)
}

func walkLoopBody(body *ast.BlockStmt, f func(ast.Node)) {
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt:
			return false
		case nil:
			return true
		}
		f(n)
		return true
	})
}

// refersTo reports whether node uses any of vars.
func (c *checker) refersTo(node ast.Node, vars []*types.Var) bool {
	found := false
	ast.Inspect(node, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && slices.Contains(vars, v) {
				found = true
			}
		}
		return !found
	})
	return found
}

func (c *checker) varOf(expr ast.Expr) *types.Var {
	id, ok := expr.(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	return v
}

// isTimeChan reports whether expr is a channel of package time (a
// ticker's or timer's C, time.Tick, time.After): its rate is fixed.
func (c *checker) isTimeChan(expr ast.Expr) bool {
	switch e := ast.Unparen(expr).(type) {
	case *ast.SelectorExpr:
		if sel, ok := c.info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			return match.IsTypeOrPointer(sel.Recv(), "time.Ticker") || match.IsTypeOrPointer(sel.Recv(), "time.Timer")
		}
	case *ast.CallExpr:
		return match.IsFunc(match.Callee(c.info, e), "time", "Tick", "After")
	}
	return false
}

func isChan(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Chan)
	return ok
}

func isBool(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// loopBody returns the body of the for or range statement at loop.
func loopBody(loop inspector.Cursor) *ast.BlockStmt {
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		return l.Body
	case *ast.ForStmt:
		return l.Body
	}
	return nil
}
