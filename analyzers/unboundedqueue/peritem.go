package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/retry"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// groupGo checks errgroup.Group.Go and sync.WaitGroup.Go in a loop.
func (c *checker) groupGo(cur inspector.Cursor, call *ast.CallExpr) {
	fn := match.Callee(c.info, call)
	switch {
	case match.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go"):
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || !c.groupUnlimited(cur, sel.X) {
			return
		}
	case match.IsMethod(fn, "sync", "WaitGroup", "Go"):
	default:
		return
	}
	c.perItem(cur, call, call.Fun)
}

// groupUnlimited reports whether the errgroup expression is a local
// group on which SetLimit is never called in the function. A group from
// elsewhere may have a limit out of view.
func (c *checker) groupUnlimited(cur inspector.Cursor, group ast.Expr) bool {
	path, ok := flow.PathOf(c.info, group)
	body, inFunc := flow.EnclosingFunc(cur)
	if !ok || !inFunc || len(path.Fields) != 0 || path.Root.Pos() < body.Node().Pos() || path.Root.Pos() >= body.Node().End() {
		return false
	}
	for cc := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if !match.IsMethod(match.Callee(c.info, call), "golang.org/x/sync/errgroup", "Group", "SetLimit") {
			continue
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if p, ok := flow.PathOf(c.info, sel.X); ok && p.Equal(path) {
				return false
			}
		}
	}
	return true
}

// perItem reports a goroutine started at cur, in a loop over an
// unbounded source, for the item the loop received, with no limit on
// concurrency in view.
func (c *checker) perItem(cur inspector.Cursor, spawn *ast.CallExpr, at analysis.Range) {
	loop, ok := retry.Innermost(cur)
	if !ok {
		return
	}
	items, source, ok := c.sourceItems(loop)
	if !ok || connItems(items) || !c.refersTo(spawn, items) || c.limited(loop) || c.acksItem(spawn, items) || c.keyGuarded(loop) || c.replacesPrevious(loop, spawn) || c.selfExpiring(spawn) || c.fedOncePerKey(loop, spawn, items) ||
		c.releasesItem(spawn, items) || c.timedPerKey(loop, spawn, items) || c.inTickCase(cur, loop) {
		return
	}
	if _, waits := c.goroutineNet(spawn); !waits && !c.cfg.Strict {
		return // no slow consumer in view
	}
	c.rep.Reportf(at, "goroutine-per-item",
		"goroutine started per item received from %s with no limit on concurrency: %s goroutines pile up until memory runs out; bound them with a worker pool, a semaphore or errgroup.SetLimit", source, msgGrow)
}

// inTickCase reports whether the goroutine started at cur is started in
// a select case that receives from a ticker (t.C of a *time.Ticker, or
// time.Tick) in a for loop whose items other cases receive: one
// goroutine per tick, paced by the clock, whatever those cases received
// and it uses (New Relic's agent: a harvest per second of the data
// received since, on the connection a previous case stored). A timer or
// time.After case is no pace: in a loop over items it fires per item
// (an overflow path when the workers are busy).
func (c *checker) inTickCase(cur, loop inspector.Cursor) bool {
	if _, ok := loop.Node().(*ast.ForStmt); !ok {
		return false
	}
	for p := cur.Parent(); p != loop && p.Node() != nil; p = p.Parent() {
		if cc, ok := p.Node().(*ast.CommClause); ok {
			if ch := match.RecvChan(cc.Comm); ch != nil && c.isTicker(ch) {
				return true
			}
		}
	}
	return false
}

// isTicker reports whether ch is a ticker's channel: t.C of a
// *time.Ticker, or time.Tick(d).
func (c *checker) isTicker(ch ast.Expr) bool {
	switch x := ast.Unparen(ch).(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name == "C" && match.IsTypeOrPointer(c.info.TypeOf(x.X), "time.Ticker")
	case *ast.CallExpr:
		return match.IsFunc(match.Callee(c.info, x), "time", "Tick")
	}
	return false
}

// acksItem reports whether the goroutine started by spawn acknowledges
// the message it handles (calls Ack or Nack on a value of the item's
// type): a subscription that waits for acknowledgements bounds the
// messages in flight, and with them the goroutines (service corpus:
// watermill's router, whose subscribers deliver the next message after
// the Ack). A message acknowledged before the goroutine starts is still
// reported. The goroutine's body must be in view: a function literal or
// a function of this package.
func (c *checker) acksItem(spawn *ast.CallExpr, items []*types.Var) bool {
	var body *ast.BlockStmt
	if lit, ok := ast.Unparen(spawn.Fun).(*ast.FuncLit); ok {
		body = lit.Body
	} else if fn := match.Callee(c.info, spawn); fn != nil && fn.Pkg() == c.pass.Pkg {
		if decl := match.FuncDecl(c.pass.Files, c.info, fn); decl != nil {
			body = decl.Body
		}
	}
	if body == nil {
		return false
	}
	acked := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || acked {
			return !acked
		}
		fn := match.Callee(c.info, call)
		if fn == nil || (fn.Name() != "Ack" && fn.Name() != "Nack") {
			return true
		}
		recv := fn.Signature().Recv()
		if recv == nil {
			return true
		}
		for _, v := range items {
			if sameNamed(recv.Type(), v.Type()) {
				acked = true
			}
		}
		return !acked
	})
	return acked
}

// sourceItems returns the variables that hold the item a loop receives
// from an unbounded source (a channel or a subscription), and names the
// source. ok is false for loops over bounded sources.
func (c *checker) sourceItems(loop inspector.Cursor) (items []*types.Var, source string, ok bool) {
	var body *ast.BlockStmt
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		body = l.Body
		if isChan(c.info.TypeOf(l.X)) {
			if c.isTimeChan(l.X) {
				return nil, "", false
			}
			if v := c.varOf(l.Key); v != nil {
				return []*types.Var{v}, "a channel", true
			}
			return nil, "", false
		}
	case *ast.ForStmt:
		body = l.Body
	}
	walkLoopBody(body, func(n ast.Node) {
		as, isAssign := n.(*ast.AssignStmt)
		if !isAssign || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return
		}
		v := c.varOf(as.Lhs[0])
		if v == nil {
			return
		}
		switch rhs := ast.Unparen(as.Rhs[0]).(type) {
		case *ast.UnaryExpr:
			if rhs.Op == token.ARROW && !c.isTimeChan(rhs.X) {
				items = append(items, v)
				source = "a channel"
			}
		case *ast.CallExpr:
			fn := match.Callee(c.info, rhs)
			if fn == nil || !slices.Contains(subscriptionMethods, fn.Name()) {
				return
			}
			sig, isSig := fn.Type().(*types.Signature)
			if !isSig || sig.Recv() == nil || sig.Results().Len() == 0 || isBool(sig.Results().At(0).Type()) {
				return
			}
			items = append(items, v)
			source = fn.Name()
		}
	})
	return items, source, len(items) > 0
}

// walkLoopBody calls f for every node of a loop body, not descending into
// function literals or nested loops (their items are theirs).
