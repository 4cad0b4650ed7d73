package unboundedqueue

// A goroutine that replaces the previous one: the loop keeps the cancel
// function of the latest goroutine's context in one variable and calls
// it, so a new event stops the goroutine of the last one.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// replacesPrevious reports whether the goroutine that spawn starts in the
// loop at cur runs with a context made in the loop
// (ctx, cancel = context.WithCancel(parent), and the other With
// functions that return a cancel function) whose cancel function is
// assigned to a variable declared outside the loop, which the loop
// calls: the loop holds the handle of one goroutine at a time and stops
// it when the next event comes (a leadership change cancels the start
// of the previous term). The goroutines are bounded by that one handle,
// not by the event rate. A cancel function local to the iteration
// (ctx, cancel := ...) bounds nothing and is still reported.
func (c *checker) replacesPrevious(loop inspector.Cursor, spawn *ast.CallExpr) bool {
	body := loopBody(loop)
	if body == nil {
		return false
	}
	node := loop.Node()
	outside := func(v *types.Var) bool { return v != nil && (v.Pos() < node.Pos() || v.Pos() >= node.End()) }
	var cancels []*types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit {
			return false
		}
		as, ok := n.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != 2 || len(as.Rhs) != 1 {
			return true
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !match.IsFunc(match.Callee(c.info, call), "context",
			"WithCancel", "WithCancelCause", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause") {
			return true
		}
		ctx, cancel := c.varOf(as.Lhs[0]), c.varOf(as.Lhs[1])
		if ctx != nil && outside(cancel) && c.refersTo(spawn, []*types.Var{ctx}) {
			cancels = append(cancels, cancel)
		}
		return true
	})
	if len(cancels) == 0 {
		return false
	}
	called := false
	ast.Inspect(body, func(n ast.Node) bool {
		if _, lit := n.(*ast.FuncLit); lit || called {
			return false
		}
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				for _, v := range cancels {
					if c.info.Uses[id] == v {
						called = true
					}
				}
			}
		}
		return !called
	})
	return called
}
