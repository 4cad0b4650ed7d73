package retry

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// A loop is a for or range-over-int statement under examination.
type Loop struct {
	c     *Finder
	Stmt  ast.Stmt       // the for or range statement
	Body  *ast.BlockStmt // its body
	Cond  ast.Expr       // nil for none
	Post  ast.Stmt       // nil for none
	Label *types.Label   // the loop's label, or nil
	// Counted is set for range-over-int loops, bounded by their count.
	Counted bool
	// Cur is the loop's cursor, found only for the few loops that retry
	// (see Finder.Cursor).
	Cur inspector.Cursor
	cfg *graph // its control flow, built on first use
}

// NewLoop returns the loop n, or nil for a range over a slice, map,
// string, channel or iterator: those visit distinct inputs, they do not
// retry one. label is the statement's label, if any.
func (c *Finder) NewLoop(n ast.Stmt, label *ast.Ident) *Loop {
	l := &Loop{c: c}
	switch n := n.(type) {
	case *ast.ForStmt:
		l.Stmt, l.Body, l.Cond, l.Post = n, n.Body, n.Cond, n.Post
	case *ast.RangeStmt:
		t := c.info.TypeOf(n.X)
		if t == nil {
			return nil
		}
		b, ok := t.Underlying().(*types.Basic)
		if !ok || b.Info()&types.IsInteger == 0 {
			return nil
		}
		l.Stmt, l.Body, l.Counted = n, n.Body, true
	default:
		return nil
	}
	if label != nil {
		l.Label, _ = c.info.Defs[label].(*types.Label)
	}
	return l
}

// An Attempt is a call in a loop whose error is kept in a variable.
type Attempt struct {
	Call *ast.CallExpr
	Err  *types.Var
}

// attemptOf returns the attempt that the assignment s makes, if any:
// `resp, err := c.Do(req)`, `err = db.PingContext(ctx)`, where the call
// is one that counts.
func (c *Finder) attemptOf(s ast.Stmt, counts func(*ast.CallExpr) bool) (Attempt, bool) {
	as, ok := s.(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || (as.Tok != token.ASSIGN && as.Tok != token.DEFINE) {
		return Attempt{}, false
	}
	call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
	if !ok {
		return Attempt{}, false
	}
	id, ok := ast.Unparen(as.Lhs[len(as.Lhs)-1]).(*ast.Ident)
	if !ok {
		return Attempt{}, false
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || !match.IsError(v.Type()) {
		return Attempt{}, false
	}
	if !counts(call) {
		return Attempt{}, false
	}
	return Attempt{Call: call, Err: v}, true
}

// Retried returns the first call that counts (a network call, say)
// that the loop repeats after it fails, and whether there is one. The loop retries a call when the
// call's failure leads back to the loop's head while its success can
// leave the loop:
//
//	for err != nil { err = call() }
//	for { err := call(); if err == nil { break }; ... }
//	for { if err := call(); err != nil { ...; continue }; return }
//
// Only statements directly in the loop's body are considered: an inner
// loop is a loop of its own.
func (c *Finder) Retried(l *Loop, counts func(call *ast.CallExpr) bool) (Attempt, bool) {
	stmts := l.Body.List
	if l.Cond != nil && l.Post != nil {
		// for err = call(); err != nil; err = call() {}
		if a, ok := c.attemptOf(l.Post, counts); ok && c.Conjunct(l.Cond, a.Err, token.NEQ) {
			return a, true
		}
	}
	for i, s := range stmts {
		var a Attempt
		var ok bool
		if is, isIf := s.(*ast.IfStmt); isIf && is.Init != nil {
			a, ok = c.attemptOf(is.Init, counts)
		} else {
			a, ok = c.attemptOf(s, counts)
		}
		if !ok {
			continue
		}
		if l.Cond != nil && c.Conjunct(l.Cond, a.Err, token.NEQ) {
			return a, true
		}
		// The first if that checks the error decides.
		for j := i; j < len(stmts); j++ {
			is, ok := stmts[j].(*ast.IfStmt)
			if !ok || (j == i && is.Init == nil) {
				continue
			}
			switch {
			case c.Disjunct(is.Cond, a.Err, token.NEQ) || c.Conjunct(is.Cond, a.Err, token.NEQ):
				// The body runs on failure (always, or when the failure
				// is retryable): what follows runs on success.
				if c.retriesOnError(l, is, stmts[j+1:]) {
					return a, true
				}
			case c.Conjunct(is.Cond, a.Err, token.EQL) || c.Disjunct(is.Cond, a.Err, token.EQL):
				// The body runs on success (and, for `err == nil ||
				// attempts >= max`, when the loop gives up).
				if c.retriesOnSuccessCheck(l, is, stmts[j+1:]) {
					return a, true
				}
			default:
				continue
			}
			break
		}
	}
	return Attempt{}, false
}

// retriesOnError reports whether `if err != nil { body } else { els }`
// followed by rest in the loop's body is a retry: the error branch goes
// back to the loop's head (continue) and the success path can leave.
func (c *Finder) retriesOnError(l *Loop, is *ast.IfStmt, rest []ast.Stmt) bool {
	switch l.thenEnd(is).end() {
	case endContinue:
		// if err != nil { ...; continue }, or
		// if err != nil { if retryable(err) { continue }; return err }:
		// what follows runs on success.
		return (is.Else != nil && l.elseEnd(is).exit) || (len(rest) > 0 && l.restEnd(is).exit)
	case endExit:
		return false // every failure leaves
	default:
		// The error branch falls through: only an else that leaves
		// tells success from failure.
		return is.Else != nil && l.elseEnd(is).exit && l.restEnd(is).end() != endExit
	}
}

// retriesOnSuccessCheck reports whether `if err == nil { body } else { els }`
// followed by rest is a retry: success can leave the loop and failure
// goes on to the loop's head.
func (c *Finder) retriesOnSuccessCheck(l *Loop, is *ast.IfStmt, rest []ast.Stmt) bool {
	if !l.thenEnd(is).exit {
		return false
	}
	if is.Else != nil {
		if f := l.elseEnd(is).end(); f == endExit {
			return false
		} else if f == endContinue {
			return true
		}
	}
	return l.restEnd(is).end() != endExit
}

// Conjunct reports whether cond is `v op nil`, or a conjunction (&&) with
// such a term, so that it holds only when v op nil.
func (c *Finder) Conjunct(cond ast.Expr, v *types.Var, op token.Token) bool {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return c.Conjunct(b.X, v, op) || c.Conjunct(b.Y, v, op)
	}
	return c.isNilCompare(cond, v, op)
}

// Disjunct reports whether cond is `v op nil` (or `nil op v`), or a
// disjunction (||) with such a term, so that it holds whenever v op nil:
// `if err != nil || resp.StatusCode != 500 { break }` leaves on every
// error.
func (c *Finder) Disjunct(cond ast.Expr, v *types.Var, op token.Token) bool {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LOR {
		return c.Disjunct(b.X, v, op) || c.Disjunct(b.Y, v, op)
	}
	return c.isNilCompare(cond, v, op)
}

// isNilCompare reports whether e is `v op nil` or `nil op v`.
func (c *Finder) isNilCompare(e ast.Expr, v *types.Var, op token.Token) bool {
	b, ok := e.(*ast.BinaryExpr)
	if !ok || b.Op != op {
		return false
	}
	isV := func(x ast.Expr) bool {
		id, ok := ast.Unparen(x).(*ast.Ident)
		return ok && c.info.Uses[id] == v
	}
	isNil := func(x ast.Expr) bool {
		tv, ok := c.info.Types[x]
		return ok && tv.IsNil()
	}
	return (isV(b.X) && isNil(b.Y)) || (isNil(b.X) && isV(b.Y))
}

// An end is how control leaves a statement list.
type end int

const (
	endFall     end = iota // falls through to what follows
	endContinue            // continues the loop
	endExit                // leaves the loop (return, break, goto, panic)
)

// commExpr returns the channel operation of a select case as an
// expression.
func commExpr(s ast.Stmt) ast.Expr {
	switch s := s.(type) {
	case *ast.ExprStmt:
		return s.X
	case *ast.AssignStmt:
		return s.Rhs[0]
	case *ast.SendStmt:
		return s.Chan
	}
	return nil
}

// noReturn reports whether call does not return: panic, os.Exit,
// runtime.Goexit, and any function or method named like log.Fatal,
// log.Panic or testing's FailNow (klog, logrus, zap, testing.T). Taking
// a call for one that does not return only makes the analyzer report
// less: a loop that leaves on failure is not a retry.
func (c *Finder) noReturn(call *ast.CallExpr) bool {
	if match.NoReturn(c.info, call) {
		return true
	}
	fn := match.Callee(c.info, call)
	if fn == nil {
		return false
	}
	switch fn.Name() {
	case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln", "FailNow", "Exit", "Exitf":
		return true
	}
	return false
}
