package retrystorm

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"math"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// maxProbeAttempts is the most attempts a constant count may allow for
// a retried probe to be a short burst: ten readiness checks of a server
// coming up, a few seconds apart, end before an outage does, and carry
// no work for it.
const maxProbeAttempts = 10

// shortBound reports whether the loop is bounded by a constant count of
// at most maxProbeAttempts (i < 6, or if i >= retryN { break } with
// retryN a constant) or by a deadline it checks (time.Now().After(d),
// time.Since(start) > d): a count from a parameter or a field, which a
// configuration may set to anything, is not one.
func (c *checker) shortBound(l *retry.Loop) bool {
	for cond := range limits(l) {
		if c.constCount(cond) || c.deadlineCheck(l, cond) {
			return true
		}
	}
	return false
}

// limits yields the conditions that can end the loop: its own, and the
// condition of each if statement of its body (outside function
// literals) whose block leaves it.
func limits(l *retry.Loop) iter.Seq[ast.Expr] {
	return func(yield func(ast.Expr) bool) {
		if l.Cond != nil && !yield(l.Cond) {
			return
		}
		ok := true
		ast.Inspect(l.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.IfStmt:
				if leaves(n.Body) {
					ok = yield(n.Cond)
				}
			}
			return ok
		})
	}
}

// constCount reports whether cond compares a variable with an integer
// constant of at most maxProbeAttempts.
func (c *checker) constCount(cond ast.Expr) bool {
	b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch b.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
	default:
		return false
	}
	for _, e := range []ast.Expr{b.X, b.Y} {
		if n, ok := c.intConst(e); ok {
			return n >= 0 && n <= maxProbeAttempts
		}
	}
	return false
}

// intConst returns the value of e if it is an integer constant, clamped
// to the int64 range.
func (c *checker) intConst(e ast.Expr) (int64, bool) {
	tv, ok := c.info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return 0, false
	}
	n, exact := constant.Int64Val(tv.Value)
	switch {
	case exact:
		return n, true
	case constant.Sign(tv.Value) < 0:
		return math.MinInt64, true
	}
	return math.MaxInt64, true
}

// deadlineCheck reports whether cond reads the clock: time.Now(),
// time.Since or time.Until, directly or through a local variable that
// every assignment in the function gives such a reading and the loop
// reads again (elapsed = time.Since(start) at the end of each attempt:
// go-vcloud-director's wait for a user it just created). A reading taken
// once before the loop (start := time.Now()) is no deadline.
func (c *checker) deadlineCheck(l *retry.Loop, cond ast.Expr) bool {
	cur, haveCur := c.find.Cursor(l)
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = found || readsClock(c.info, n)
		case *ast.Ident:
			if v, ok := c.info.Uses[n].(*types.Var); haveCur && ok && !v.IsField() {
				inLoop := false
				found = found || flow.EachDef(c.info, cur, n, func(d flow.Def) bool {
					call, ok := ast.Unparen(d.Expr).(*ast.CallExpr)
					if ok && call.Pos() > l.Body.Pos() && call.End() < l.Body.End() {
						inLoop = true
					}
					return ok && readsClock(c.info, call)
				}) && inLoop
			}
		}
		return !found
	})
	return found
}

// readsClock reports whether call is time.Now, time.Since or time.Until.
func readsClock(info *types.Info, call *ast.CallExpr) bool {
	return match.IsFunc(match.Callee(info, call), "time", "Now", "Since", "Until")
}

// leaves reports whether the block leaves the loop: it ends in a return
// or a break.
func leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch s := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK
	}
	return false
}

// probe reports whether call is a readiness probe: (*sql.DB).Ping or
// PingContext, or a call of a function of this package whose every
// network call is a probe or an HTTP GET or HEAD whose response it reads
// only for its status (res.StatusCode, res.Status, res.Body.Close()).
// A probe carries no work: a short run of them waits for a server to
// come up rather than loading it.
func (c *checker) probe(call *ast.CallExpr, depth int) bool {
	nc, direct, ok := c.net.Call(call)
	if !ok {
		return false
	}
	if direct {
		return match.IsMethod(nc.Func, "database/sql", "DB", "Ping", "PingContext") ||
			match.IsMethod(nc.Func, "database/sql", "Conn", "PingContext")
	}
	if depth >= maxUnixDepth {
		return false
	}
	body := c.localBody(nc.Func)
	return c.onlyNetCalls(body, func(inner *ast.CallExpr) bool {
		return c.statusOnlyGet(body, inner) || c.probe(inner, depth+1)
	})
}

// statusOnlyGet reports whether call is an HTTP GET or HEAD (http.Get,
// (*http.Client).Get or Head) whose response body reads only for its
// status and to close its body.
func (c *checker) statusOnlyGet(body *ast.BlockStmt, call *ast.CallExpr) bool {
	fn := match.Callee(c.info, call)
	if !match.IsFunc(fn, "net/http", "Get", "Head") && !match.IsMethod(fn, "net/http", "Client", "Get", "Head") {
		return false
	}
	var res *types.Var
	ast.Inspect(body, func(n ast.Node) bool {
		if as, ok := n.(*ast.AssignStmt); ok && len(as.Rhs) == 1 && ast.Unparen(as.Rhs[0]) == call && len(as.Lhs) == 2 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok {
				res, _ = c.info.ObjectOf(id).(*types.Var)
			}
		}
		return res == nil
	})
	if res == nil {
		return false
	}
	uses, allowed := 0, 0
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if c.info.Uses[n] == res {
				uses++
			}
		case *ast.SelectorExpr:
			if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && c.info.Uses[id] == res {
				switch n.Sel.Name {
				case "StatusCode", "Status":
					allowed++
				}
			}
			if inner, ok := ast.Unparen(n.X).(*ast.SelectorExpr); ok && n.Sel.Name == "Close" && inner.Sel.Name == "Body" {
				if id, ok := ast.Unparen(inner.X).(*ast.Ident); ok && c.info.Uses[id] == res {
					allowed++
				}
			}
		}
		return true
	})
	return uses > 0 && uses == allowed
}
