package unboundedqueue

// A goroutine that expires on its own: it waits for a timer (or for a
// signal that comes first), then does a little bookkeeping and ends. It
// never waits on a consumer, so it cannot pile up behind a slow one.

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// goroutineBody returns the body that spawn runs on a new goroutine: a
// function literal (go func() {...}(), g.Go(func() error {...})) or a
// function of this package (go s.expire(id)), or nil when it cannot be
// seen.
func (c *checker) goroutineBody(spawn *ast.CallExpr) *ast.BlockStmt {
	fun := c.goroutineFunc(spawn)
	if fun == nil {
		return nil
	}
	if lit, ok := fun.(*ast.FuncLit); ok {
		return lit.Body
	}
	id, ok := fun.(*ast.Ident)
	if sel, isSel := fun.(*ast.SelectorExpr); isSel {
		id, ok = sel.Sel, true
	}
	if !ok {
		return nil
	}
	fn, ok := c.info.Uses[id].(*types.Func)
	if !ok || fn.Pkg() != c.pass.Pkg {
		return nil
	}
	if decl := match.FuncDecl(c.pass.Files, c.info, fn.Origin()); decl != nil {
		return decl.Body
	}
	return nil
}

// goroutineFunc returns the function that spawn runs on a new
// goroutine: the argument of errgroup's or sync.WaitGroup's Go, or the
// called function of a go statement's call; nil for a Go call with
// other arguments.
func (c *checker) goroutineFunc(spawn *ast.CallExpr) ast.Expr {
	if fn := match.Callee(c.info, spawn); match.IsMethod(fn, "sync", "WaitGroup", "Go") ||
		match.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go", "TryGo") {
		if len(spawn.Args) != 1 {
			return nil
		}
		return ast.Unparen(spawn.Args[0])
	}
	return ast.Unparen(spawn.Fun)
}

// selfExpiring reports whether the goroutine that spawn starts ends on
// its own within a timer's duration: its body first waits on a timer
// (<-time.After(d), or a select with a case on time.After or on the C of
// a timer that the body makes, and only receives in its other cases),
// and then, like the select's cases, only does bookkeeping: assignments,
// delete, close, locking a mutex, stopping the timer; no loop, no send,
// no other wait, no other call. Such a goroutine lives at most the
// timer's duration whatever the consumers do: it holds a little memory
// per item for a fixed time, as any per-request state does, and is no
// queue.
func (c *checker) selfExpiring(spawn *ast.CallExpr) bool {
	body := c.goroutineBody(spawn)
	if body == nil || len(body.List) == 0 {
		return false
	}
	timers := make(map[*types.Var]bool) // timers the body makes
	waited := false
	for _, st := range body.List {
		if !waited {
			switch s := st.(type) {
			case *ast.AssignStmt:
				if c.makesTimer(s, timers) {
					continue
				}
			case *ast.DeferStmt:
				if c.bookkeeping(s.Call) {
					continue
				}
			case *ast.ExprStmt:
				if u, ok := ast.Unparen(s.X).(*ast.UnaryExpr); ok && u.Op == token.ARROW && c.timerChan(u.X, timers) {
					waited = true
					continue
				}
			case *ast.SelectStmt:
				if c.timedSelect(s, timers) {
					waited = true
					continue
				}
			}
			return false
		}
		if !c.bookkeeping(st) {
			return false
		}
	}
	return waited
}

// makesTimer reports whether s is t := time.NewTimer(d) (or t =), and
// records t.
func (c *checker) makesTimer(s *ast.AssignStmt, timers map[*types.Var]bool) bool {
	if len(s.Lhs) != 1 || len(s.Rhs) != 1 {
		return false
	}
	call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
	if !ok || !match.IsFunc(match.Callee(c.info, call), "time", "NewTimer") {
		return false
	}
	v := c.varOf(s.Lhs[0])
	if v == nil {
		return false
	}
	timers[v] = true
	return true
}

// timerChan reports whether e is time.After(d) or t.C of a timer the
// body made.
func (c *checker) timerChan(e ast.Expr, timers map[*types.Var]bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return match.IsFunc(match.Callee(c.info, e), "time", "After")
	case *ast.SelectorExpr:
		v := c.varOf(ast.Unparen(e.X))
		return e.Sel.Name == "C" && v != nil && timers[v]
	}
	return false
}

// timedSelect reports whether the select has a case on a timer, receives
// in every other case (no send, no default: it waits), and does only
// bookkeeping in its cases.
func (c *checker) timedSelect(s *ast.SelectStmt, timers map[*types.Var]bool) bool {
	timed := false
	for _, cl := range s.Body.List {
		cc, ok := cl.(*ast.CommClause)
		if !ok || cc.Comm == nil {
			return false
		}
		ch := match.RecvChan(cc.Comm)
		if ch == nil {
			return false
		}
		if c.timerChan(ch, timers) {
			timed = true
		}
		for _, st := range cc.Body {
			if !c.bookkeeping(st) {
				return false
			}
		}
	}
	return timed
}

// bookkeeping reports whether n does only bounded bookkeeping:
// assignments, delete, close, len, conversions, locking and unlocking a
// mutex, stopping a timer, returns; no loop, no send or receive, no go
// statement, no call of anything else.
func (c *checker) bookkeeping(n ast.Node) bool {
	ok := true
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ForStmt, *ast.RangeStmt, *ast.GoStmt, *ast.SendStmt, *ast.SelectStmt, *ast.FuncLit:
			ok = false
		case *ast.UnaryExpr:
			if n.Op == token.ARROW {
				ok = false
			}
		case *ast.CallExpr:
			if tv, isType := c.info.Types[n.Fun]; isType && tv.IsType() {
				break // a conversion
			}
			fn := match.Callee(c.info, n)
			switch {
			case match.IsBuiltin(c.info, n, "delete"), match.IsBuiltin(c.info, n, "close"), match.IsBuiltin(c.info, n, "len"):
			case match.IsMethod(fn, "sync", "Mutex", "Lock", "Unlock"), match.IsMethod(fn, "sync", "RWMutex", "Lock", "Unlock", "RLock", "RUnlock"):
			case match.IsMethod(fn, "time", "Timer", "Stop"):
			default:
				ok = false
			}
		}
		return ok
	})
	return ok
}
