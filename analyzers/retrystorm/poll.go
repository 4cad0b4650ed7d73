package retrystorm

// A loop that waits for a state polls: it asks for the state, and goes
// on after a successful answer that says "not yet" exactly as after a
// failure, with the same wait. Its pace is the poll's, whatever the
// server does: a failure brings no attempt sooner and no more of them,
// so an outage cannot turn it into waves.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
	"github.com/distlint/distlint/internal/retry"
)

// pollsState reports whether the loop around the attempt a polls for a
// state: the attempt reads (a function named Get, Describe, Status,
// Probe, Check, Wait, Read, List, Fetch, ...: a write's answer, a batch's
// unprocessed items, a TryX's false, is the failure itself); every way
// out of the loop that success can take is guarded by a test of what
// the attempt returned besides its error (a VM's status, a ready flag:
// `else if vmState["status"] == "stopped" { return nil }`, `if ready {
// return nil }`), so that a successful answer without that state goes
// round again; and the loop waits at its top level, after the attempt,
// on every path (a time.Sleep, or a select with no default, as a
// statement of the loop's body). A test of an HTTP response, of a status
// or error code, of a name that says success, failure, throttling or
// ok (`resp.StatusCode == 200`, `resp.IsSuccess()`, `ack.Throttled`),
// and a nil test are about the failure, not a state: such a loop
// retries.
func (c *checker) pollsState(l *retry.Loop, a retry.Attempt) bool {
	if fn := match.Callee(c.info, a.Call); fn == nil || !readName(fn.Name()) {
		return false
	}
	var results []*types.Var
	for _, v := range c.attemptResults(l, a) {
		if v != a.Err && !match.IsError(v.Type()) {
			results = append(results, v)
		}
	}
	if len(results) == 0 || !c.waitsAfter(l, a) {
		return false
	}
	polls, retries := 0, false
	type guard struct {
		cond ast.Expr
		then bool
		// otherExits: the branch not taken leaves the loop on every
		// path, so the test only picks how success leaves.
		otherExits bool
	}
	var walk func(stmts []ast.Stmt, guards []guard, nested, inSelect bool)
	exit := func(s ast.Stmt, guards []guard, inSelect bool) {
		if s.Pos() < a.Call.End() || inSelect {
			return // before the attempt, or on a channel's event: not its outcome
		}
		failure, success, about, state := false, false, false, false
		for _, g := range guards {
			if g.then && c.find.Conjunct(g.cond, a.Err, token.NEQ) || !g.then && c.find.Disjunct(g.cond, a.Err, token.EQL) {
				failure = true
			}
			if g.then && c.find.Conjunct(g.cond, a.Err, token.EQL) || !g.then && c.find.Disjunct(g.cond, a.Err, token.NEQ) {
				success = true
			}
			if g.then && !g.otherExits && c.readsState(g.cond, results) {
				state = true
			}
			if c.aboutAttempt(g.cond, a.Err, results, nil) {
				about = true
			}
		}
		switch {
		case failure:
		case state:
			polls++
		case success || !about && len(guards) == 0:
			retries = true // success leaves whatever it answered
		}
	}
	walk = func(stmts []ast.Stmt, guards []guard, nested, inSelect bool) {
		for _, s := range stmts {
			switch s := s.(type) {
			case *ast.ReturnStmt:
				exit(s, guards, inSelect)
			case *ast.BranchStmt:
				if s.Tok == token.GOTO || s.Tok == token.BREAK && (s.Label != nil || !nested) {
					exit(s, guards, inSelect)
				}
			case *ast.IfStmt:
				elseExits := s.Else != nil && allExit(s.Else)
				walk(s.Body.List, append(slices.Clip(guards), guard{s.Cond, true, elseExits}), nested, inSelect)
				if s.Else != nil {
					walk([]ast.Stmt{s.Else}, append(slices.Clip(guards), guard{s.Cond, false, allExit(s.Body)}), nested, inSelect)
				}
			case *ast.BlockStmt:
				walk(s.List, guards, nested, inSelect)
			case *ast.LabeledStmt:
				walk([]ast.Stmt{s.Stmt}, guards, nested, inSelect)
			case *ast.ForStmt:
				walk(s.Body.List, guards, true, inSelect)
			case *ast.RangeStmt:
				walk(s.Body.List, guards, true, inSelect)
			case *ast.SwitchStmt:
				walk(s.Body.List, guards, true, inSelect)
			case *ast.TypeSwitchStmt:
				walk(s.Body.List, guards, true, inSelect)
			case *ast.SelectStmt:
				walk(s.Body.List, guards, true, true)
			case *ast.CaseClause:
				walk(s.Body, guards, nested, inSelect)
			case *ast.CommClause:
				walk(s.Body, guards, nested, inSelect)
			}
		}
	}
	walk(l.Body.List, nil, false, false)
	return polls > 0 && !retries
}

// allExit reports whether s leaves the loop on every path: a return, a
// break or goto, or a block or an if and else that all end so.
func allExit(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.BranchStmt:
		return s.Tok == token.BREAK || s.Tok == token.GOTO
	case *ast.BlockStmt:
		return len(s.List) > 0 && allExit(s.List[len(s.List)-1])
	case *ast.IfStmt:
		return s.Else != nil && allExit(s.Body) && allExit(s.Else)
	}
	return false
}

// waitsAfter reports whether a statement of the loop's body after the
// attempt, at its top level, waits: a time.Sleep or a select with no
// default.
func (c *checker) waitsAfter(l *retry.Loop, a retry.Attempt) bool {
	for _, s := range l.Body.List {
		if s.Pos() < a.Call.End() {
			continue
		}
		switch s := s.(type) {
		case *ast.SelectStmt:
			return !slices.ContainsFunc(s.Body.List, func(cc ast.Stmt) bool { return cc.(*ast.CommClause).Comm == nil })
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && match.IsFunc(match.Callee(c.info, call), "time", "Sleep") {
				return true
			}
		}
	}
	return false
}

// readsState reports whether cond tests a state the attempt returned:
// it reads one of its results other than in a nil test, and tests no
// HTTP response and no status or error code.
func (c *checker) readsState(cond ast.Expr, results []*types.Var) bool {
	reads, code := false, false
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if (n.Op == token.EQL || n.Op == token.NEQ) && (c.isNil(n.X) || c.isNil(n.Y)) {
				return false
			}
		case *ast.Ident:
			if names.HasWord(n.Name, failureWord) {
				code = true
				return false
			}
			v, ok := c.info.Uses[n].(*types.Var)
			if !ok {
				return true
			}
			if match.IsTypeOrPointer(v.Type(), "net/http.Response") {
				code = true
			}
			if slices.Contains(results, v) {
				reads = true
			}
		}
		return !code
	})
	return reads && !code
}

// readName reports whether a function named name reads: its first word
// is get, describe, status, probe, check, wait, read, list, fetch and
// the like.
func readName(name string) bool {
	ws := names.Words(name)
	if len(ws) == 0 {
		return false
	}
	switch ws[0] {
	case "get", "describe", "status", "state", "probe", "poll", "check", "wait", "read", "list", "fetch", "head", "query", "lookup", "inspect", "health", "ready", "stat":
		return true
	}
	return false
}

// failureWord reports whether a word of a name says the answer is a
// success or a failure rather than a state: status codes, errors,
// throttling, unprocessed items, ok and accepted flags.
func failureWord(w string) bool {
	switch w {
	case "code", "codes", "success", "successful", "succeeded", "error", "errors", "err", "fail", "failed", "failure", "failures",
		"throttle", "throttled", "throttling", "unprocessed", "retry", "retryable", "ok", "accepted", "rejected", "denied":
		return true
	}
	return false
}

func (c *checker) isNil(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	return ok && tv.IsNil()
}
