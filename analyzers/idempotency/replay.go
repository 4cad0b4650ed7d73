package idempotency

import (
	"go/ast"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// retryLoop returns what calls call again after a failure ("this retry
// loop", "backoff.Retry", a retry helper of the program), or "" if
// nothing in view does: the evidence of a replay.
func (c *checker) retryLoop(cur inspector.Cursor, call *ast.CallExpr) string {
	name, _ := c.retryScope(cur, call)
	return name
}

// retryScope is retryLoop that also returns the code run again on each
// attempt: the function literal handed to the retry helper, or the loop.
func (c *checker) retryScope(cur inspector.Cursor, call *ast.CallExpr) (string, inspector.Cursor) {
	// A call in a function literal handed to a backoff library or to a
	// retry helper.
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := e.Node().(*ast.FuncLit); !ok {
			break
		}
		if k, i := e.ParentEdge(); k == edge.CallExpr_Args {
			outer := e.Parent().Node().(*ast.CallExpr)
			if name, ok := c.helpers.Retries(outer, i, c.cfg.Libraries); ok {
				if c.retriesOnlyAnswers(match.Callee(c.info, outer)) {
					return "", inspector.Cursor{} // a lost response is never retried (answers.go)
				}
				if fn := match.Callee(c.info, outer); fn != nil && fn.Pkg() != nil && !c.cfg.Libraries.Has(fn.Pkg().Path()) {
					name = funcName(fn)
				}
				return name, e
			}
		}
		break
	}
	// A loop that goes round again after the call fails and can leave
	// after it succeeds.
	lc, ok := retry.Innermost(cur)
	if !ok {
		return "", inspector.Cursor{}
	}
	var label *ast.Ident
	if ls, ok := lc.Parent().Node().(*ast.LabeledStmt); ok {
		label = ls.Label
	}
	l := c.loops.NewLoop(lc.Node().(ast.Stmt), label)
	if l == nil || c.loops.IndexesInputs(l) {
		return "", inspector.Cursor{} // over a collection, or one input per attempt: not a retry of one write
	}
	l.Cur = lc
	if _, ok := c.loops.Retried(l, func(x *ast.CallExpr) bool { return x == call }); ok {
		return "this retry loop", lc
	}
	return "", inspector.Cursor{}
}
