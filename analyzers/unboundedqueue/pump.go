package unboundedqueue

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
	"golang.org/x/tools/go/ast/inspector"
)

// pump reports buf = append(buf, item) in a loop that receives item from
// one channel and sends buf[0] to another, with no bound on len(buf).
func (c *checker) pump(cur inspector.Cursor, as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || call.Ellipsis.IsValid() || !match.IsBuiltin(c.info, call, "append") {
		return
	}
	buf, ok := flow.PathOf(c.info, as.Lhs[0])
	if arg, ok2 := flow.PathOf(c.info, call.Args[0]); !ok || !ok2 || !arg.Equal(buf) {
		return
	}
	loop, ok := retry.Innermost(cur)
	if !ok {
		return
	}
	items, _, ok := c.sourceItems(loop)
	if !ok || !c.refersTo(call.Args[1], items) || !c.sendsHead(loop, buf) {
		return
	}
	if body, ok := flow.EnclosingFunc(cur); ok && c.lenBounded(body, buf) {
		return
	}
	c.rep.Reportf(as, "pump",
		"slice buffer between channels grows without bound: %s every pending item is kept in memory until it runs out; cap the buffer and block or drop (with a metric) when it is full", msgGrow)
}

// sendsHead reports whether the loop sends buf[0] on a channel.
func (c *checker) sendsHead(loop inspector.Cursor, buf flow.Path) bool {
	found := false
	ast.Inspect(loop.Node(), func(n ast.Node) bool {
		if s, ok := n.(*ast.SendStmt); ok {
			if ix, ok := ast.Unparen(s.Value).(*ast.IndexExpr); ok {
				p, ok := flow.PathOf(c.info, ix.X)
				if ok && p.Equal(buf) && flow.IsZeroConst(c.info, ix.Index) {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// lenBounded reports whether the function compares len(buf) with
// something other than 0 or 1 (an emptiness check bounds nothing).
func (c *checker) lenBounded(body inspector.Cursor, buf flow.Path) bool {
	for bc := range body.Preorder((*ast.BinaryExpr)(nil)) {
		bin := bc.Node().(*ast.BinaryExpr)
		switch bin.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
		default:
			continue
		}
		for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
			if c.isLenOf(pair[0], buf) && !isSmallConst(c.info, pair[1]) {
				return true
			}
		}
	}
	return false
}

func (c *checker) isLenOf(expr ast.Expr, buf flow.Path) bool {
	call, ok := ast.Unparen(expr).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !match.IsBuiltin(c.info, call, "len") {
		return false
	}
	p, ok := flow.PathOf(c.info, call.Args[0])
	return ok && p.Equal(buf)
}

func isSmallConst(info *types.Info, expr ast.Expr) bool {
	tv := info.Types[expr]
	if tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	n, exact := constant.Int64Val(tv.Value)
	return exact && n <= 1
}
