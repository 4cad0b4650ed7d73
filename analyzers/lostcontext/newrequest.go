package lostcontext

import (
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// newRequest checks http.NewRequest in a function with a context.
func (c *checker) newRequest(f *ast.File, cur inspector.Cursor, call *ast.CallExpr) {
	s, ok := c.requestScope(f, cur)
	if !ok || s.goroutine || c.mayGetContext(cur) {
		return
	}
	d := analysis.Diagnostic{
		Pos:      call.Fun.Pos(),
		End:      call.Fun.End(),
		Category: "newrequest",
		Message:  "http.NewRequest makes a request with no context where " + s.expr + " is in scope: the request ignores the caller's deadline and cancellation and drops its trace; use http.NewRequestWithContext(" + s.expr + ", ...)",
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message: "Use http.NewRequestWithContext",
			TextEdits: []analysis.TextEdit{
				{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("NewRequestWithContext")},
				{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(s.expr + ", ")},
			},
		}}
	}
	c.emit(s, d, "http.NewRequest")
}

// mayGetContext reports whether the request made at cur may be given a
// context out of this view, so that only requests visibly sent without
// one are reported: it is returned (go-kit's request factories, whose
// caller calls WithContext), stored anywhere but a local variable
// (Prometheus caches its scrape request), passed to a call together with
// a context (Prometheus's opts.Do(ctx, c, req)), or given one here with
// WithContext or Clone.
func (c *checker) mayGetContext(cur inspector.Cursor) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return true // returned, passed or stored directly
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return true // stored in a field or an element
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	body, inFunc := flow.EnclosingFunc(cur)
	if !ok || !inFunc {
		return true
	}
	for _, use := range flow.Uses(c.info, body, v) {
		switch p := use.Parent().Node().(type) {
		case *ast.SelectorExpr:
			if use.ParentEdgeKind() == edge.SelectorExpr_X && (p.Sel.Name == "WithContext" || p.Sel.Name == "Clone") {
				return true
			}
		case *ast.ReturnStmt, *ast.CompositeLit, *ast.KeyValueExpr:
			return true
		case *ast.AssignStmt:
			if use.ParentEdgeKind() == edge.AssignStmt_Rhs {
				return true // copied somewhere
			}
		case *ast.CallExpr:
			if use.ParentEdgeKind() == edge.CallExpr_Args && c.hasContextArg(p) {
				return true
			}
		}
	}
	return false
}

// hasContextArg reports whether one of call's arguments is a context.
func (c *checker) hasContextArg(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if match.IsType(c.info.TypeOf(arg), "context.Context") {
			return true
		}
	}
	return false
}
