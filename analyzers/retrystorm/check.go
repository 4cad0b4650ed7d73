package retrystorm

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/report"
	"github.com/distlint/distlint/internal/retry"
)

// check reports the loop if it retries a network call with no delay, a
// fixed delay, or (with a growing delay) no bound.
func (c *checker) check(l *retry.Loop) {
	var around string
	a, ok := c.find.Retried(l, func(call *ast.CallExpr) bool {
		name, found := c.networkCall(call)
		if found && around == "" {
			around = name
		}
		return found
	})
	if !ok {
		return
	}
	around, _ = c.networkCall(a.Call)
	if c.find.UsesLibrary(l) || c.find.IndexesInputs(l) || c.failsOver(l) {
		return
	}
	cur, ok := c.find.Cursor(l)
	if !ok || c.roundRobin(l, a, cur) || c.skipsMarked(l, a, cur) || c.retriesOnlyNotFound(l, a) || c.pollsState(l, a) {
		return
	}
	d := c.find.Delay(l)
	if (d == retry.DelayFixed || d == retry.DelayVarying) && c.waitsOnlySometimes(l, a) {
		d = retry.DelayUnknown
	}
	bounded := c.find.Bounded(l)
	if bounded && (c.schemaSetup(a.Call) || c.dialsUnixSocket(a.Call) || c.dialsThisMachine(a.Call)) {
		return
	}
	if d == retry.DelayFixed && bounded && c.shortBound(l) && c.probe(a.Call, 0) {
		return
	}
	if d == retry.DelayFixed && bounded && !c.strict && c.capped(l) {
		return
	}
	rng := report.Span(l.Stmt.Pos(), l.Body.Lbrace)
	switch {
	case d == retry.DelayNone && !bounded:
		c.rep.Reportf(rng, "no-delay",
			"retry loop around %s has no delay and no limit on attempts or time: during an outage every client retries at once, forever, and keeps the server down; back off exponentially with jitter and cap the attempts", around)
	case d == retry.DelayNone:
		c.rep.Reportf(rng, "no-delay",
			"retry loop around %s has no delay: during an outage every client retries at once and keeps the server down; back off exponentially with jitter", around)
	case d == retry.DelayFixed && !bounded:
		c.rep.Reportf(rng, "fixed-delay",
			"retry loop around %s waits a fixed delay with no jitter and has no limit on attempts or time: clients that failed together retry together, in waves, forever; back off exponentially with jitter and cap the attempts", around)
	case d == retry.DelayFixed:
		c.rep.Reportf(rng, "fixed-delay",
			"retry loop around %s waits a fixed delay with no jitter: clients that failed together retry together, in waves that keep the server down; back off exponentially with jitter", around)
	case d == retry.DelayVarying && !bounded && c.find.ReturnsError(l):
		c.rep.Reportf(rng, "unbounded",
			"retry loop around %s has no limit on attempts or time: while the server is down the caller never gets its error and work piles up behind it; cap the attempts or the total time, or stop when the context is done", around)
	}
}

// schemaSetup reports whether the retried call is schema setup (its name,
// or the enclosing function's, says migration or schema): a bounded retry
// of it runs once per process start, staggered by the starts, so it
// cannot make the waves a fixed delay makes of requests
// (execSchemaWithRetry retrying a DDL statement on a deadlock during a
// rolling deploy).
func (c *checker) schemaSetup(call *ast.CallExpr) bool {
	if names.SchemaSetup(c.fn) {
		return true
	}
	fn := match.Callee(c.info, call)
	return fn != nil && names.SchemaSetup(fn.Name())
}

// networkCall reports whether call reaches the network (by
// internal/netreach: directly, or through the function it calls, in this
// package or by facts in another) and names it for a message: the
// called function, and the network call it makes when that is another.
func (c *checker) networkCall(call *ast.CallExpr) (string, bool) {
	nc, direct, ok := c.net.Call(call)
	if !ok {
		return "", false
	}
	fn := match.Callee(c.info, call)
	if fn == nil {
		return "", false
	}
	name := netreach.FuncName(c.pass.Pkg, fn.Origin())
	if !direct && nc.Op != "" && nc.Op != name {
		name += " (which calls " + nc.Op + ")"
	}
	return name, true
}

// waitsOnlySometimes reports whether every wait of the loop is under a
// condition that is not about the attempt (its error, its results, a
// counter of attempts): a wait that happens only when some state says so
// (no leader yet, a full queue) is not a delay between attempts, and the
// loop's pace is that state's, which the analyzer cannot follow.
func (c *checker) waitsOnlySometimes(l *retry.Loop, a retry.Attempt) bool {
	results := c.attemptResults(l, a)
	counters := c.counters(l)
	sometimes, always := false, false
	var visit func(n ast.Node, conditional bool) bool
	visit = func(n ast.Node, conditional bool) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.IfStmt:
			if !c.aboutAttempt(n.Cond, a.Err, results, counters) {
				if n.Init != nil {
					ast.Inspect(n.Init, func(m ast.Node) bool { return visit(m, conditional) })
				}
				ast.Inspect(n.Body, func(m ast.Node) bool { return visit(m, true) })
				if n.Else != nil {
					ast.Inspect(n.Else, func(m ast.Node) bool { return visit(m, true) })
				}
				return false
			}
		case *ast.CallExpr:
			if match.IsFunc(match.Callee(c.info, n), "time", "Sleep") {
				sometimes, always = sometimes || conditional, always || !conditional
			}
		case *ast.SelectStmt:
			sometimes, always = sometimes || conditional, always || !conditional
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				sometimes, always = sometimes || conditional, always || !conditional
			}
		}
		return true
	}
	ast.Inspect(l.Body, func(n ast.Node) bool { return visit(n, false) })
	return sometimes && !always
}

// aboutAttempt reports whether the condition tests the attempt: it only
// tests errors, or it reads the attempt's error or results or a counter
// of attempts.
func (c *checker) aboutAttempt(cond ast.Expr, err *types.Var, results []*types.Var, counters map[types.Object]bool) bool {
	if c.find.ErrorOnly(cond) {
		return true
	}
	about := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			obj := c.info.Uses[id]
			if v, isVar := obj.(*types.Var); isVar && (v == err || slices.Contains(results, v)) || counters[obj] {
				about = true
			}
		}
		return !about
	})
	return about
}

// attemptResults returns the variables the attempt's results are kept
// in (resp, err := c.Do(req)).
func (c *checker) attemptResults(l *retry.Loop, a retry.Attempt) []*types.Var {
	var out []*types.Var
	ast.Inspect(l.Stmt, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != a.Call {
			return true
		}
		for _, lhs := range as.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
				if v, ok := c.info.ObjectOf(id).(*types.Var); ok {
					out = append(out, v)
				}
			}
		}
		return false
	})
	return out
}

// counters returns the variables the loop counts attempts with: those
// its post statement assigns, those it increments or adds to, and a
// range key.
func (c *checker) counters(l *retry.Loop) map[types.Object]bool {
	counters := make(map[types.Object]bool)
	add := func(e ast.Expr) {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			counters[c.info.ObjectOf(id)] = true
		}
	}
	ast.Inspect(l.Stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IncDecStmt:
			add(n.X)
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				for _, lhs := range n.Lhs {
					add(lhs)
				}
			}
		}
		return true
	})
	if l.Post != nil {
		if as, ok := l.Post.(*ast.AssignStmt); ok {
			for _, lhs := range as.Lhs {
				add(lhs)
			}
		}
	}
	if rs, ok := l.Stmt.(*ast.RangeStmt); ok && rs.Key != nil {
		add(rs.Key)
	}
	delete(counters, nil)
	return counters
}
