package retrystorm

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
)

// capped reports whether the loop's attempts or time are limited by a
// count of attempts or a deadline read on the clock, so that a fixed
// delay between them makes a short run of waves that ends with the
// outage still on, not a storm that lasts as long as the outage. A
// count compared with a constant above maxProbeAttempts is no cap (a
// hundred attempts a second apart are a storm); a count compared with a
// parameter or a field is one (the analyzer cannot see the value, and
// stays silent). A context, a stop channel or a flag is no cap: it ends
// the loop at shutdown, not when the retries have gone on too long; a
// context the function gives a deadline, or a timer it starts before
// the loop, is one (deadlineCase).
//
// Without -retrystorm.strict, a fixed-delay loop that is capped is not
// reported: on service code that nobody had tuned the rules on, such
// loops (five attempts a second apart at startup, six status updates)
// were judged harmless every time.
func (c *checker) capped(l *retry.Loop) bool {
	if l.Counted {
		rs := l.Stmt.(*ast.RangeStmt)
		return !c.aboveProbeCount(rs.X)
	}
	counters := c.counters(l)
	capped := c.deadlineCase(l)
	for cond := range limits(l) {
		switch {
		case c.deadlineCheck(l, cond):
			capped = true
		case c.readsAny(cond, counters):
			if c.comparesAboveProbeCount(cond) {
				return false // a storm: more attempts than a short burst
			}
			capped = true
		}
	}
	return capped
}

// readsAny reports whether cond reads one of the variables.
func (c *checker) readsAny(cond ast.Expr, vars map[types.Object]bool) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && vars[c.info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// comparesAboveProbeCount reports whether cond compares something with
// an integer constant above maxProbeAttempts (i < 100, n >= maxTries
// with maxTries a constant 50).
func (c *checker) comparesAboveProbeCount(cond ast.Expr) bool {
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		b, ok := n.(*ast.BinaryExpr)
		if !ok {
			return true
		}
		switch b.Op {
		case token.LSS, token.LEQ, token.GTR, token.GEQ, token.EQL, token.NEQ:
			found = c.aboveProbeCount(b.X) || c.aboveProbeCount(b.Y)
		}
		return !found
	})
	return found
}

// aboveProbeCount reports whether e is an integer constant above
// maxProbeAttempts.
func (c *checker) aboveProbeCount(e ast.Expr) bool {
	n, ok := c.intConst(e)
	return ok && n > maxProbeAttempts
}

// deadlineCase reports whether a select in the loop's body leaves the
// loop (returns, or breaks or jumps out by label) when a deadline made
// in the function passes: the Done channel of a context from
// context.WithTimeout or context.WithDeadline, or a timer from
// time.After or time.NewTimer made before the loop (go-secure-stdlib's
// credential check, polled once a second until the validity timeout the
// caller sets). A parameter's context is the caller's, out of view, and
// a timer made in the loop is a delay: neither is a cap.
func (c *checker) deadlineCase(l *retry.Loop) bool {
	cur, ok := c.find.Cursor(l)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CommClause:
			if recv := match.RecvChan(n.Comm); recv != nil && c.leavesLoop(n.Body) && c.deadlineChan(cur, l, ast.Unparen(recv)) {
				found = true
			}
		}
		return !found
	})
	return found
}

// leavesLoop reports whether a select case's statements leave the loop
// around the select: they leave the function (match.EndsFunction), or
// end in a break or goto with a label (a bare break ends only the
// select, and a continue starts the next attempt).
func (c *checker) leavesLoop(stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return false // case <-time.After(d): the delay
	}
	if match.EndsFunction(c.info, stmts) {
		return true
	}
	s, ok := stmts[len(stmts)-1].(*ast.BranchStmt)
	return ok && s.Label != nil && (s.Tok == token.BREAK || s.Tok == token.GOTO)
}

// deadlineChan reports whether ch, received from in the loop at cur, is
// a deadline made in the function before the loop: ctx.Done() of a
// context from context.WithTimeout or context.WithDeadline, t.C of a
// time.NewTimer, or a channel from time.After.
func (c *checker) deadlineChan(cur inspector.Cursor, l *retry.Loop, ch ast.Expr) bool {
	var id *ast.Ident
	var ctx bool
	switch x := ch.(type) {
	case *ast.Ident:
		id = x // d := time.After(timeout)
	case *ast.SelectorExpr:
		id, _ = ast.Unparen(x.X).(*ast.Ident) // t.C
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && match.IsMethod(match.Callee(c.info, x), "context", "Context", "Done") {
			id, _ = ast.Unparen(sel.X).(*ast.Ident) // ctx.Done()
			ctx = true
		}
	}
	if id == nil {
		return false
	}
	made := flow.UniqueCall(c.info, cur, id)
	if made == nil || made.Pos() >= l.Stmt.Pos() {
		return false
	}
	fn := match.Callee(c.info, made)
	if ctx {
		return match.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause")
	}
	return match.IsFunc(fn, "time", "After", "NewTimer")
}
