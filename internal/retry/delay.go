package retry

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// A Delay is what is known of the wait between two attempts.
type Delay int

// The delays.
const (
	DelayNone    Delay = iota // nothing waits
	DelayFixed                // every wait lasts the same, with no jitter
	DelayVarying              // the wait grows or carries jitter
	DelayUnknown              // something waits for a reason out of view
)

// UsesLibrary reports whether the loop uses a retry or backoff library
// (anything declared in one of the configured packages), which owns the
// delays and the limit.
func (c *Finder) UsesLibrary(l *Loop) bool {
	found := false
	ast.Inspect(l.Stmt, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || found {
			return !found
		}
		if obj := c.info.Uses[id]; obj != nil && obj.Pkg() != nil && c.libs.Has(obj.Pkg().Path()) {
			found = true
		}
		return !found
	})
	return found
}

// IndexesInputs reports whether the loop's counter indexes something in
// the loop's body (addrs[i]): each attempt goes to another input, a
// failover over distinct servers rather than a retry of one (gokrb5
// tries its KDCs this way).
func (c *Finder) IndexesInputs(l *Loop) bool {
	counters := make(map[types.Object]bool)
	switch s := l.Stmt.(type) {
	case *ast.ForStmt:
		switch post := s.Post.(type) {
		case *ast.IncDecStmt:
			if id := identOf(post.X); id != nil {
				counters[c.info.Uses[id]] = true
			}
		case *ast.AssignStmt:
			for _, lhs := range post.Lhs {
				if id := identOf(lhs); id != nil {
					counters[c.info.Uses[id]] = true
				}
			}
		}
	case *ast.RangeStmt:
		if id := identOf(s.Key); id != nil {
			counters[c.info.ObjectOf(id)] = true
		}
	}
	delete(counters, nil)
	if len(counters) == 0 {
		return false
	}
	found := false
	ast.Inspect(l.Body, func(n ast.Node) bool {
		ix, ok := n.(*ast.IndexExpr)
		if !ok || found {
			return !found
		}
		if tv, ok := c.info.Types[ix.X]; ok && tv.IsValue() {
			ast.Inspect(ix.Index, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok && counters[c.info.Uses[id]] {
					found = true
				}
				return !found
			})
		}
		return !found
	})
	return found
}

// ReturnsError reports whether the loop is in a function declaration
// (not a literal, which may be a daemon's goroutine) whose last result is
// an error: its caller waits for the outcome.
func (c *Finder) ReturnsError(l *Loop) bool {
	cur, ok := c.Cursor(l)
	if !ok {
		return false
	}
	fd, ok := match.DeclOf(cur)
	if !ok {
		return false
	}
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	res := fn.Signature().Results()
	return res.Len() > 0 && match.IsError(res.At(res.Len()-1).Type())
}

// Delay classifies the waits in the loop: sleeps, receives from timers,
// tickers and other channels, selects, and calls of functions that wait.
func (c *Finder) Delay(l *Loop) Delay {
	var durs []ast.Expr // the durations of timer waits
	unknown := false
	var visit func(n ast.Node) bool
	visit = func(n ast.Node) bool {
		if unknown {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.SelectStmt:
			d, known, waits := c.selectWait(l, n)
			switch {
			case waits && !known:
				unknown = true
			case waits:
				durs = append(durs, d...)
			}
			// Walk the cases' bodies, not their channel operations.
			for _, cc := range n.Body.List {
				for _, s := range cc.(*ast.CommClause).Body {
					ast.Inspect(s, visit)
				}
			}
			return false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				if d, ok := c.timerWait(l, n.X); ok {
					durs = append(durs, d)
				} else {
					unknown = true
				}
			}
		case *ast.RangeStmt:
			if t := c.info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					unknown = true
				}
			}
		case *ast.CallExpr:
			fn := match.Callee(c.info, n)
			switch {
			case match.IsFunc(fn, "time", "Sleep") && len(n.Args) == 1:
				durs = append(durs, n.Args[0])
			case c.mayWait(n, fn, 0):
				unknown = true
			}
		}
		return !unknown
	}
	ast.Inspect(l.Body, visit)
	if l.Post != nil {
		ast.Inspect(l.Post, visit)
	}
	switch {
	case unknown:
		return DelayUnknown
	case len(durs) == 0:
		return DelayNone
	case c.Jitter(l):
		return DelayVarying
	}
	for _, d := range durs {
		if d == nil {
			continue // a ticker: a fixed period
		}
		if !c.invariant(l, d, 0) {
			return DelayVarying
		}
	}
	return DelayFixed
}

// selectWait classifies a select statement: waits is false when it has a
// default case; otherwise known reports whether it waits only for timers
// (whose durations it returns) or for cancellation (ctx.Done(), a
// chan struct{}).
func (c *Finder) selectWait(l *Loop, s *ast.SelectStmt) (durs []ast.Expr, known, waits bool) {
	for _, cc := range s.Body.List {
		cc := cc.(*ast.CommClause)
		if cc.Comm == nil {
			return nil, false, false // default: the select does not block
		}
	}
	for _, cc := range s.Body.List {
		e, ok := ast.Unparen(commExpr(cc.(*ast.CommClause).Comm)).(*ast.UnaryExpr)
		if !ok || e.Op != token.ARROW {
			return nil, false, true // a send
		}
		if d, ok := c.timerWait(l, e.X); ok {
			durs = append(durs, d)
		} else if !c.isCancel(e.X) {
			return nil, false, true
		}
	}
	return durs, len(durs) > 0, true
}

// isCancel reports whether receiving from ch waits for cancellation or
// shutdown: ctx.Done(), or a chan struct{} (a closed-to-signal channel).
func (c *Finder) isCancel(ch ast.Expr) bool {
	if call, ok := ast.Unparen(ch).(*ast.CallExpr); ok && match.IsMethod(match.Callee(c.info, call), "context", "Context", "Done") {
		return true
	}
	t, ok := c.info.TypeOf(ch).(*types.Chan)
	if !ok {
		return false
	}
	st, ok := t.Elem().Underlying().(*types.Struct)
	return ok && st.NumFields() == 0
}

// timerWait reports whether receiving from ch waits for a timer, and for
// how long: time.After(d), time.Tick(d), t.C of a *time.Timer made or
// Reset in the loop with d, t.C of a *time.Ticker (a nil duration: a
// fixed period).
func (c *Finder) timerWait(l *Loop, ch ast.Expr) (ast.Expr, bool) {
	switch ch := ast.Unparen(ch).(type) {
	case *ast.CallExpr:
		if fn := match.Callee(c.info, ch); match.IsFunc(fn, "time", "After", "Tick") && len(ch.Args) == 1 {
			return ch.Args[0], true
		}
	case *ast.SelectorExpr:
		if ch.Sel.Name != "C" {
			return nil, false
		}
		t := c.info.TypeOf(ch.X)
		switch {
		case match.IsTypeOrPointer(t, "time.Ticker"):
			return nil, true
		case match.IsTypeOrPointer(t, "time.Timer"):
			return c.timerDuration(l, ch.X)
		}
	}
	return nil, false
}

// timerDuration finds the duration that the timer expression is made or
// Reset with inside the loop.
func (c *Finder) timerDuration(l *Loop, timer ast.Expr) (ast.Expr, bool) {
	path, ok := flow.PathOf(c.info, timer)
	if !ok {
		return nil, false
	}
	var dur ast.Expr
	ast.Inspect(l.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := match.Callee(c.info, n)
			if match.IsMethod(fn, "time", "Timer", "Reset") && len(n.Args) == 1 {
				if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok {
					if p, ok := flow.PathOf(c.info, sel.X); ok && p.Equal(path) {
						dur = n.Args[0]
					}
				}
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if p, ok := flow.PathOf(c.info, lhs); ok && p.Equal(path) && len(n.Lhs) == len(n.Rhs) {
					if call, ok := ast.Unparen(n.Rhs[i]).(*ast.CallExpr); ok && match.IsFunc(match.Callee(c.info, call), "time", "NewTimer") && len(call.Args) == 1 {
						dur = call.Args[0]
					}
				}
			}
		}
		return true
	})
	return dur, dur != nil
}

// waitWords are parts of the names of functions that wait: a call whose
// body is out of view (in another package, an interface method, a
// function value) and that is named like one is taken to wait, so the
// analyzer stays silent rather than report a delay it cannot see.
var waitWords = []string{"sleep", "wait", "backoff", "delay", "pause", "throttle"}

// mayWait reports whether call may wait: a call of a function of this
// package that waits (looked into a few levels deep), or of a function
// out of view named like one that waits.
func (c *Finder) mayWait(call *ast.CallExpr, fn *types.Func, depth int) bool {
	if match.IsFunc(fn, "time", "Sleep") {
		return true
	}
	if fn != nil && fn.Pkg() == c.pkg && depth < 3 {
		for _, m := range c.implementations(fn.Origin()) {
			if decl := match.FuncDecl(c.files, c.info, m); decl != nil && decl.Body != nil && c.bodyWaits(decl.Body, depth+1) {
				return true
			}
		}
	}
	var name string
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		name = f.Name
	case *ast.SelectorExpr:
		name = f.Sel.Name
	case *ast.IndexExpr:
		if id, ok := ast.Unparen(f.X).(*ast.Ident); ok {
			name = id.Name
		}
	}
	name = strings.ToLower(name)
	for _, w := range waitWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// implementations returns fn if it is concrete, and the methods of the
// package's concrete types that implement it if it is an interface method
// (client-go's rest.WithRetry.Before sleeps in its one implementation).
func (c *Finder) implementations(fn *types.Func) []*types.Func {
	recv := fn.Signature().Recv()
	if recv == nil {
		return []*types.Func{fn}
	}
	iface, ok := recv.Type().Underlying().(*types.Interface)
	if !ok {
		return []*types.Func{fn}
	}
	var impls []*types.Func
	scope := c.pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() || types.IsInterface(tn.Type()) {
			continue
		}
		t := types.NewPointer(tn.Type())
		if named, ok := tn.Type().(*types.Named); ok && named.TypeParams().Len() > 0 {
			continue // generic types would need instantiating
		}
		if !types.Implements(t, iface) {
			continue
		}
		if m, _, _ := types.LookupFieldOrMethod(t, true, c.pkg, fn.Name()); m != nil {
			if mf, ok := m.(*types.Func); ok && mf.Pkg() == c.pkg {
				impls = append(impls, mf)
			}
		}
	}
	return impls
}

// bodyWaits reports whether a function body sleeps, receives, selects
// without default, or calls something that may wait.
func (c *Finder) bodyWaits(body *ast.BlockStmt, depth int) bool {
	waits := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt:
			return false
		case *ast.UnaryExpr:
			waits = waits || n.Op == token.ARROW
		case *ast.SelectStmt:
			waits = true
		case *ast.CallExpr:
			waits = waits || c.mayWait(n, match.Callee(c.info, n), depth)
		}
		return !waits
	})
	return waits
}

// Jitter reports whether the loop draws random numbers (math/rand,
// math/rand/v2): jitter.
func (c *Finder) Jitter(l *Loop) bool {
	found := false
	ast.Inspect(l.Stmt, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if obj := c.info.Uses[id]; obj != nil && obj.Pkg() != nil {
				p := obj.Pkg().Path()
				found = found || p == "math/rand" || p == "math/rand/v2"
			}
		}
		return !found
	})
	return found
}

// invariant reports whether the duration expression e has the same value
// in every iteration of the loop: it is built from constants and from
// variables and fields that the loop never assigns, with no calls other
// than conversions and min/max. A call (a backoff policy, a jitter
// helper) is not known to be invariant.
func (c *Finder) invariant(l *Loop, e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return c.invariant(l, e.X, depth+1) && c.invariant(l, e.Y, depth+1)
	case *ast.UnaryExpr:
		return e.Op != token.ARROW && c.invariant(l, e.X, depth+1)
	case *ast.CallExpr:
		tv, ok := c.info.Types[e.Fun]
		if !ok || !(tv.IsType() || match.IsBuiltin(c.info, e, "min") || match.IsBuiltin(c.info, e, "max")) {
			return false
		}
		for _, arg := range e.Args {
			if !c.invariant(l, arg, depth+1) {
				return false
			}
		}
		return true
	case *ast.Ident, *ast.SelectorExpr:
		if sel, ok := e.(*ast.SelectorExpr); ok {
			if _, isPkg := c.info.Uses[identOf(sel.X)].(*types.PkgName); isPkg {
				_, isVar := c.info.Uses[sel.Sel].(*types.Var)
				return !isVar || !c.assignedInLoop(l, flow.Path{Root: c.info.Uses[sel.Sel].(*types.Var)})
			}
		}
		path, ok := flow.PathOf(c.info, e)
		if !ok {
			return false
		}
		if path.Root.Pos() >= l.Body.Pos() && path.Root.Pos() < l.Body.End() && len(path.Fields) == 0 {
			// Declared in the loop: invariant if its only value is.
			cur, ok := c.Cursor(l)
			if !ok {
				return false
			}
			defs, ok := flow.Defs(c.info, cur, path.Root)
			if !ok || len(defs) != 1 || defs[0].Expr == nil || defs[0].Index != 0 {
				return false
			}
			return c.invariant(l, defs[0].Expr, depth+1)
		}
		return !c.assignedInLoop(l, path)
	}
	return false
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// assignedInLoop reports whether the loop assigns the location path, a
// part of it or a location containing it (d = d * 2, d *= 2, d++,
// b.delay = next, &d).
func (c *Finder) assignedInLoop(l *Loop, path flow.Path) bool {
	related := func(e ast.Expr) bool {
		p, ok := flow.PathOf(c.info, e)
		if !ok || p.Root != path.Root {
			return false
		}
		n := min(len(p.Fields), len(path.Fields))
		for i := range n {
			if p.Fields[i] != path.Fields[i] {
				return false
			}
		}
		return true
	}
	found := false
	ast.Inspect(l.Stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				found = found || related(lhs)
			}
		case *ast.IncDecStmt:
			found = found || related(n.X)
		case *ast.UnaryExpr:
			found = found || (n.Op == token.AND && related(n.X))
		case *ast.RangeStmt:
			found = found || (n.Key != nil && related(n.Key)) || (n.Value != nil && related(n.Value))
		}
		return !found
	})
	return found
}

// Bounded reports whether something visibly limits the loop's attempts
// or time: a range over an integer, a loop condition or a guard of a
// statement leaving the loop that is more than a test of errors (a
// counter, a deadline, ctx.Err(), a select case, a stop flag).
func (c *Finder) Bounded(l *Loop) bool {
	if l.Counted {
		return true
	}
	if l.Cond != nil && !c.ErrorOnly(l.Cond) {
		return true
	}
	bound := false
	l.exits(func(guards []ast.Expr) bool {
		for _, g := range guards {
			if g != nil && !c.ErrorOnly(g) {
				bound = true
			}
		}
		return !bound
	})
	return bound
}

// ErrorOnly reports whether the condition only tests errors: it is made
// of error values (the attempt's error, sentinel errors), nil, constants,
// comparisons and logical operators, and calls whose arguments are all
// such (errors.Is(err, io.EOF), isRetryable(err), err.Error()). Anything
// else (a counter, a deadline, a context, a flag, a call with no
// arguments) may bound the loop.
func (c *Finder) ErrorOnly(e ast.Expr) bool {
	tv, ok := c.info.Types[e]
	if !ok {
		return false
	}
	if tv.Value != nil || tv.IsNil() {
		return true
	}
	if tv.IsValue() && isErrorType(tv.Type) {
		switch ast.Unparen(e).(type) {
		case *ast.Ident, *ast.SelectorExpr:
			return true // an error variable, field or sentinel
		}
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		return c.ErrorOnly(e.X) && c.ErrorOnly(e.Y)
	case *ast.UnaryExpr:
		// !isTemporary(err), or the target of errors.As(err, &apiErr).
		return (e.Op == token.NOT || e.Op == token.AND) && c.ErrorOnly(e.X)
	case *ast.TypeAssertExpr:
		return c.ErrorOnly(e.X)
	case *ast.CallExpr:
		if len(e.Args) == 0 {
			// A method of an error value: err.Error(), netErr.Timeout().
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			return ok && c.ErrorOnly(sel.X) && c.info.Selections[sel] != nil
		}
		for _, arg := range e.Args {
			if !c.ErrorOnly(arg) {
				return false
			}
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && c.info.Selections[sel] != nil {
			return c.ErrorOnly(sel.X) // a method: its receiver counts too
		}
		return true
	}
	return false
}

// isErrorType reports whether t implements error.
func isErrorType(t types.Type) bool {
	return t != nil && types.Implements(t, types.Universe.Lookup("error").Type().Underlying().(*types.Interface))
}
