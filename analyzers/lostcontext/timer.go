package lostcontext

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// onlyPolled reports whether the context that the derivation at cur
// makes (ctx, cancel := context.WithTimeout(context.Background(), d)) is
// used only as a local deadline timer: stored in a local variable whose
// every use reads its Done, Err or Deadline (polled in a select or a
// loop), or derives another context used the same way. Such a context
// is handed to no work, so the request's context, which the work gets,
// loses nothing (held-out run: oauth2-proxy's lock-retry loop). A
// context passed to any call, returned, stored or assigned is not.
func (c *checker) onlyPolled(cur inspector.Cursor, depth int) bool {
	if depth > 4 {
		return false
	}
	var lhs ast.Expr
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		if cur.ParentEdgeKind() != edge.AssignStmt_Rhs || len(p.Rhs) != 1 {
			return false
		}
		lhs = p.Lhs[0]
	case *ast.ValueSpec:
		if cur.ParentEdgeKind() != edge.ValueSpec_Values || len(p.Values) != 1 {
			return false
		}
		lhs = p.Names[0]
	default:
		return false
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	uses := flow.Uses(c.info, body, v)
	if len(uses) == 0 {
		return false
	}
	for _, use := range uses {
		if !c.polled(use, depth) {
			return false
		}
	}
	return true
}

// polled reports whether the use of a context at cur only reads its
// state (ctx.Done(), ctx.Err(), ctx.Deadline()), or derives a context
// that is only polled.
func (c *checker) polled(cur inspector.Cursor, depth int) bool {
	if cur.ParentEdgeKind() == edge.SelectorExpr_X {
		sel := cur.Parent().Node().(*ast.SelectorExpr)
		switch sel.Sel.Name {
		case "Done", "Err", "Deadline":
			return cur.Parent().ParentEdgeKind() == edge.CallExpr_Fun
		}
		return false
	}
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	fn := match.Callee(c.info, cur.Parent().Node().(*ast.CallExpr))
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "context" || fn.Signature().Recv() != nil || cur.ParentEdgeIndex() != 0 {
		return false
	}
	return c.onlyPolled(cur.Parent(), depth+1)
}
