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
	if !ok || !isError(v.Type()) {
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
		if a, ok := c.attemptOf(l.Post, counts); ok && c.conjunct(l.Cond, a.Err, token.NEQ) {
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
		if l.Cond != nil && c.conjunct(l.Cond, a.Err, token.NEQ) {
			return a, true
		}
		// The first if that checks the error decides.
		for j := i; j < len(stmts); j++ {
			is, ok := stmts[j].(*ast.IfStmt)
			if !ok || (j == i && is.Init == nil) {
				continue
			}
			switch {
			case c.disjunct(is.Cond, a.Err, token.NEQ) || c.conjunct(is.Cond, a.Err, token.NEQ):
				// The body runs on failure (always, or when the failure
				// is retryable): what follows runs on success.
				if c.retriesOnError(l, is, stmts[j+1:]) {
					return a, true
				}
			case c.conjunct(is.Cond, a.Err, token.EQL) || c.disjunct(is.Cond, a.Err, token.EQL):
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
	switch l.endOf(is.Body.List) {
	case endContinue:
		// if err != nil { ...; continue }: what follows runs on success.
		return (is.Else != nil && l.canExit(is.Else)) || l.canExitList(rest)
	case endExit:
		// if err != nil { if retryable(err) { continue }; return err }
		if !l.canContinue(is.Body) {
			return false
		}
		return (is.Else != nil && l.canExit(is.Else)) || l.canExitList(rest)
	default:
		// The error branch falls through: only an else that leaves
		// tells success from failure.
		return is.Else != nil && l.canExit(is.Else) && l.endOf(rest) != endExit
	}
}

// retriesOnSuccessCheck reports whether `if err == nil { body } else { els }`
// followed by rest is a retry: success can leave the loop and failure
// goes on to the loop's head.
func (c *Finder) retriesOnSuccessCheck(l *Loop, is *ast.IfStmt, rest []ast.Stmt) bool {
	if !l.canExit(is.Body) {
		return false
	}
	if is.Else != nil {
		if f := l.endOfStmt(is.Else); f == endExit {
			return false
		} else if f == endContinue {
			return true
		}
	}
	return l.endOf(rest) != endExit
}

// conjunct reports whether cond is `v op nil`, or a conjunction (&&) with
// such a term, so that it holds only when v op nil.
func (c *Finder) conjunct(cond ast.Expr, v *types.Var, op token.Token) bool {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LAND {
		return c.conjunct(b.X, v, op) || c.conjunct(b.Y, v, op)
	}
	return c.isNilCompare(cond, v, op)
}

// disjunct reports whether cond is `v op nil`, or a disjunction (||) with
// such a term, so that it holds whenever v op nil.
func (c *Finder) disjunct(cond ast.Expr, v *types.Var, op token.Token) bool {
	cond = ast.Unparen(cond)
	if b, ok := cond.(*ast.BinaryExpr); ok && b.Op == token.LOR {
		return c.disjunct(b.X, v, op) || c.disjunct(b.Y, v, op)
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

// endOf returns how control leaves the statement list, judged by its last
// statement.
func (l *Loop) endOf(list []ast.Stmt) end {
	for i := len(list) - 1; i >= 0; i-- {
		if _, empty := list[i].(*ast.EmptyStmt); empty {
			continue
		}
		return l.endOfStmt(list[i])
	}
	return endFall
}

func (l *Loop) endOfStmt(s ast.Stmt) end {
	switch s := s.(type) {
	case *ast.ReturnStmt:
		return endExit
	case *ast.BranchStmt:
		switch s.Tok {
		case token.GOTO:
			return endExit
		case token.BREAK:
			return endExit // of this loop, or of an outer one
		case token.CONTINUE:
			if s.Label == nil || l.targets(s.Label) {
				return endContinue
			}
			return endExit
		}
	case *ast.BlockStmt:
		return l.endOf(s.List)
	case *ast.IfStmt:
		if s.Else == nil {
			return endFall
		}
		a, b := l.endOf(s.Body.List), l.endOfStmt(s.Else)
		if a == b {
			return a
		}
		if a != endFall && b != endFall {
			return endContinue // one branch exits, the other continues: the loop goes on
		}
	case *ast.ExprStmt:
		if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && l.c.noReturn(call) {
			return endExit
		}
	}
	return endFall
}

// targets reports whether label names this loop.
func (l *Loop) targets(label *ast.Ident) bool {
	return l.Label != nil && label.Name == l.Label.Name()
}

// canExit reports whether n has a statement that leaves the loop: a
// return, a break of this loop or an outer one, a goto, a panic.
func (l *Loop) canExit(n ast.Node) bool {
	found := false
	l.exits(n, func(ast.Node, []ast.Expr) bool {
		found = true
		return false
	})
	return found
}

func (l *Loop) canExitList(list []ast.Stmt) bool {
	for _, s := range list {
		if l.canExit(s) {
			return true
		}
	}
	return false
}

// canContinue reports whether n has a continue of this loop.
func (l *Loop) canContinue(n ast.Node) bool {
	found := false
	var rec func(n ast.Node, inner bool)
	rec = func(n ast.Node, inner bool) {
		ast.Inspect(n, func(x ast.Node) bool {
			if found {
				return false
			}
			switch x := x.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ForStmt:
				if x != n {
					rec(x.Body, true)
					return false
				}
			case *ast.RangeStmt:
				if x != n {
					rec(x.Body, true)
					return false
				}
			case *ast.BranchStmt:
				if x.Tok == token.CONTINUE && ((x.Label == nil && !inner) || (x.Label != nil && l.targets(x.Label))) {
					found = true
				}
			}
			return true
		})
	}
	rec(n, false)
	return found
}

// exits calls visit for every statement in n that leaves the loop, with
// the conditions that guard it inside the loop (if conditions, switch
// tags and cases, select cases' channel operations). Bodies of function
// literals are not walked: their returns leave the literal. visit
// returns false to stop.
func (l *Loop) exits(n ast.Node, visit func(exit ast.Node, guards []ast.Expr) bool) {
	var guards []ast.Expr
	stop := false
	var rec func(n ast.Node, breakable bool)
	recList := func(list []ast.Stmt, breakable bool) {
		for _, s := range list {
			rec(s, breakable)
		}
	}
	// breakable: an unlabeled break here leaves this loop (it is not
	// inside an inner loop, switch or select).
	rec = func(n ast.Node, breakable bool) {
		if stop || n == nil {
			return
		}
		exit := func() {
			if !visit(n, guards) {
				stop = true
			}
		}
		switch n := n.(type) {
		case *ast.ReturnStmt:
			exit()
		case *ast.BranchStmt:
			switch {
			case n.Tok == token.GOTO,
				n.Tok == token.BREAK && n.Label == nil && breakable,
				n.Tok == token.BREAK && n.Label != nil && !l.labelInside(n.Label):
				exit()
			}
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(n.X).(*ast.CallExpr); ok && l.c.noReturn(call) {
				exit()
			}
		case *ast.BlockStmt:
			recList(n.List, breakable)
		case *ast.LabeledStmt:
			rec(n.Stmt, breakable)
		case *ast.IfStmt:
			guards = append(guards, n.Cond)
			rec(n.Body, breakable)
			rec(n.Else, breakable)
			guards = guards[:len(guards)-1]
		case *ast.SwitchStmt:
			for _, cc := range n.Body.List {
				cc := cc.(*ast.CaseClause)
				g := len(guards)
				if n.Tag != nil {
					guards = append(guards, n.Tag)
				}
				guards = append(guards, cc.List...)
				recList(cc.Body, false)
				guards = guards[:g]
			}
		case *ast.TypeSwitchStmt:
			g := len(guards)
			switch a := n.Assign.(type) {
			case *ast.AssignStmt:
				guards = append(guards, a.Rhs...)
			case *ast.ExprStmt:
				guards = append(guards, a.X)
			}
			for _, cc := range n.Body.List {
				recList(cc.(*ast.CaseClause).Body, false)
			}
			guards = guards[:g]
		case *ast.SelectStmt:
			for _, cc := range n.Body.List {
				cc := cc.(*ast.CommClause)
				g := len(guards)
				if e := commExpr(cc.Comm); e != nil {
					guards = append(guards, e)
				}
				recList(cc.Body, false)
				guards = guards[:g]
			}
		case *ast.ForStmt:
			rec(n.Body, false)
		case *ast.RangeStmt:
			rec(n.Body, false)
		}
	}
	rec(n, true)
}

// labelInside reports whether label names a statement inside the loop's
// body: a break to it does not leave the loop.
func (l *Loop) labelInside(label *ast.Ident) bool {
	inner := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		if ls, ok := n.(*ast.LabeledStmt); ok && ls.Label.Name == label.Name {
			inner = true
		}
		return !inner
	})
	return inner
}

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
