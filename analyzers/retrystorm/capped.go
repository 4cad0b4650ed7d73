package retrystorm

import (
	"go/ast"
	"go/token"
	"go/types"

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
// the loop at shutdown, not when the retries have gone on too long.
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
	capped := false
	for cond := range limits(l) {
		switch {
		case c.deadlineCheck(cond):
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
