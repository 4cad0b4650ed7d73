package boundary

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// retrier decides how calls are replayed, with internal/retry's view of
// the package's loops and retry helpers.
type retrier struct {
	finder  *retry.Finder
	helpers *retry.Helpers
	libs    *retry.Libraries // nil: the defaults
	info    *types.Info
}

// retryOf decides how the call at cur is replayed inside its function:
// by a retry library or helper it is handed to, by a loop that calls it
// again after it fails (backoff with a growing or jittered delay, unsafe
// with none or a fixed one), or not at all (none).
func (r *retrier) retryOf(cur inspector.Cursor) Protection {
	call := cur.Node()
	// counts reports whether an attempt of a loop is the call, or
	// contains it (a Scan of QueryRow, a breaker's Execute around it).
	counts := func(c *ast.CallExpr) bool { return c.Pos() <= call.Pos() && call.End() <= c.End() }
	for c := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			return Protection{None, "sent once in " + n.Name.Name}
		case *ast.FuncLit:
			parent, ok := c.Parent().Node().(*ast.CallExpr)
			if !ok {
				continue
			}
			kind, arg := c.ParentEdge()
			if kind != edge.CallExpr_Args {
				continue // called in place, not handed over
			}
			name, ok := r.helpers.Retries(parent, arg, r.libs)
			if !ok {
				continue
			}
			if fn := match.Callee(r.info, parent); fn != nil && fn.Pkg() != nil && r.libs.Has(fn.Pkg().Path()) {
				return Protection{Backoff, "retried by " + name}
			}
			return Protection{Unknown, "retried by " + name + ", delays out of view"}
		case *ast.ForStmt, *ast.RangeStmt:
			var label *ast.Ident
			if ls, ok := c.Parent().Node().(*ast.LabeledStmt); ok {
				label = ls.Label
			}
			l := r.finder.NewLoop(n.(ast.Stmt), label)
			if l == nil {
				continue // a range over elements: once per element
			}
			if _, ok := r.finder.Retried(l, counts); !ok {
				continue
			}
			if r.finder.UsesLibrary(l) {
				return Protection{Backoff, "retried in a loop with a backoff library"}
			}
			limit := ""
			if !r.finder.Bounded(l) {
				limit = ", no attempt limit"
			}
			switch r.finder.Delay(l) {
			case retry.DelayNone:
				return Protection{Unsafe, "retried in a loop with no delay" + limit}
			case retry.DelayFixed:
				return Protection{Unsafe, "retried in a loop with a fixed delay" + limit}
			case retry.DelayVarying:
				return Protection{Backoff, "retried in a loop with a growing or jittered delay" + limit}
			}
			return Protection{Unknown, "retried in a loop with a delay out of view" + limit}
		}
	}
	return Protection{None, "sent once"}
}
