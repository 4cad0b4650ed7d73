package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
	"github.com/distlint/distlint/internal/retry"
	"golang.org/x/tools/go/ast/inspector"
)

// goStmt checks a go statement: a goroutine that only sends, and a
// goroutine per received item.
func (c *checker) goStmt(cur inspector.Cursor, g *ast.GoStmt) {
	if ch, ok := c.sendOnly(g.Call); ok {
		_, inLoop := retry.Innermost(cur)
		if (inLoop || !c.localChan(cur, ch)) && !c.sendBounded(cur, g, ch, inLoop) && !c.selfWake(cur, ch) {
			if _, waits := c.chanConsumerNet(match.VarOf(c.info, ch)); !waits && !c.cfg.Strict {
				return // no slow consumer in view
			}
			end := g.Call.Fun.End()
			if lit, ok := g.Call.Fun.(*ast.FuncLit); ok {
				end = lit.Type.End()
			}
			c.rep.Reportf(report.Span(g.Pos(), end), "send-goroutine",
				"goroutine started only to send on a channel: %s every send parks one more goroutine, an unbounded queue that grows until memory runs out; send in place (blocking is backpressure) or select with a default that drops and counts the drop", msgGrow)
		}
		return
	}
	c.perItem(cur, g.Call, report.Span(g.Pos(), g.Call.Lparen))
}

// sendOnly reports whether the goroutine call does nothing but send an
// already computed value on a channel, and returns the channel.
func (c *checker) sendOnly(call *ast.CallExpr) (ast.Expr, bool) {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.FuncLit:
		if len(fun.Body.List) != 1 {
			return nil, false
		}
		switch s := fun.Body.List[0].(type) {
		case *ast.SendStmt:
			if c.cheap(s.Chan) && c.cheap(s.Value) {
				return s.Chan, true
			}
		case *ast.SelectStmt:
			// A select whose only cases are sends is a send; one that
			// also waits on ctx.Done or has a default can give up.
			var ch ast.Expr
			for _, cl := range s.Body.List {
				cc, ok := cl.(*ast.CommClause)
				if !ok {
					return nil, false
				}
				send, ok := cc.Comm.(*ast.SendStmt)
				if !ok || !c.cheap(send.Chan) || !c.cheap(send.Value) {
					return nil, false
				}
				ch = send.Chan
			}
			return ch, ch != nil
		}
	case *ast.Ident, *ast.SelectorExpr:
		// go send(ch, v), where send's body is a lone send on a parameter.
		fn := match.Callee(c.info, call)
		if fn == nil || fn.Pkg() != c.pass.Pkg {
			return nil, false
		}
		decl := match.FuncDecl(c.pass.Files, c.info, fn)
		if decl == nil || decl.Body == nil || len(decl.Body.List) != 1 {
			return nil, false
		}
		s, ok := decl.Body.List[0].(*ast.SendStmt)
		if !ok || !c.cheap(s.Value) {
			return nil, false
		}
		id, ok := ast.Unparen(s.Chan).(*ast.Ident)
		if !ok {
			return nil, false
		}
		sig := fn.Type().(*types.Signature)
		for i := range sig.Params().Len() {
			if sig.Params().At(i) == c.info.Uses[id] && i < len(call.Args) && !sig.Variadic() {
				return call.Args[i], true
			}
		}
	}
	return nil, false
}

// cheap reports whether evaluating expr does no work worth a goroutine:
// no calls (conversions aside) and no receives.
func (c *checker) cheap(expr ast.Expr) bool {
	ok := true
	ast.Inspect(expr, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if tv, found := c.info.Types[n.Fun]; !found || !tv.IsType() {
				ok = false
			}
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		}
		return ok
	})
	return ok
}

// localChan reports whether the channel expression is a variable
// declared in the enclosing function (a one-shot hand-off), as opposed to
// a field, parameter or global that outlives the call.
func (c *checker) localChan(cur inspector.Cursor, ch ast.Expr) bool {
	path, ok := flow.PathOf(c.info, ch)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	_, ok = flow.Defs(c.info, body, path.Root)
	return ok
}

// selfWake reports whether the goroutine at cur, started in a case of a
// select, sends on a channel that another case of that same select
// receives from: the loop hands an event back to itself (a redraw after
// a terminal resize). A send in place would block the only receiver, and
// the loop drains each such send on a later pass, so they cannot pile
// up faster than the loop's own cases start them.
func (c *checker) selfWake(cur inspector.Cursor, ch ast.Expr) bool {
	target, ok := flow.PathOf(c.info, ch)
	if !ok {
		return false
	}
	for cc := range cur.Enclosing((*ast.CommClause)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if _, isClause := cc.Node().(*ast.CommClause); !isClause {
			return false
		}
		sel, ok := cc.Parent().Parent().Node().(*ast.SelectStmt)
		if !ok {
			return false
		}
		for _, cl := range sel.Body.List {
			other, ok := cl.(*ast.CommClause)
			if !ok || other == cc.Node() || other.Comm == nil {
				continue
			}
			var recv ast.Expr
			switch st := other.Comm.(type) {
			case *ast.ExprStmt:
				recv = st.X
			case *ast.AssignStmt:
				if len(st.Rhs) == 1 {
					recv = st.Rhs[0]
				}
			}
			u, ok := ast.Unparen(recv).(*ast.UnaryExpr)
			if !ok || u.Op != token.ARROW {
				continue
			}
			if p, ok := flow.PathOf(c.info, u.X); ok && p.Equal(target) {
				return true
			}
		}
		return false
	}
	return false
}
