package unboundedqueue

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
	"github.com/distlint/distlint/internal/retry"
)

// A spawnsPerCall is the fact that every call of a function starts a
// goroutine that works on one of its arguments, with nothing in the
// function limiting how many run: no semaphore, no counter or flag
// checked before the spawn, no map of keys already started. A caller
// that calls it once per received item starts a goroutine per item,
// even though the go statement and the loop are in different functions
// (or packages).
type spawnsPerCall struct {
	// Param is the index of the first parameter the goroutine uses.
	Param int
	// Net names the network call the goroutine makes, directly or
	// through the functions it calls; empty if none is seen.
	Net string
}

// AFact marks spawnsPerCall as a fact.
func (*spawnsPerCall) AFact() {}

func (f *spawnsPerCall) String() string { return "spawns an unbounded goroutine per call" }

// spawners finds the package's functions that spawn a goroutine per
// call, exports the fact for them, and returns them.
func (c *checker) spawners(insp *inspector.Inspector) map[*types.Func]*spawnsPerCall {
	out := make(map[*types.Func]*spawnsPerCall)
	for cur := range insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		fn, ok := c.info.Defs[decl.Name].(*types.Func)
		if !ok || decl.Body == nil {
			continue
		}
		if f := c.spawnsPerCall(fn, decl); f != nil {
			out[fn] = f
			c.pass.ExportObjectFact(fn, f)
		}
	}
	return out
}

// spawnsPerCall returns the fact for fn if its body, outside loops and
// function literals, starts a goroutine (go, errgroup or WaitGroup Go)
// that uses one of fn's parameters, under no condition (an if around
// the spawn or an early return before it may be a counter, a flag or a
// key check: a bound out of view), and the body takes no token, waits
// for nothing and checks no key set.
func (c *checker) spawnsPerCall(fn *types.Func, decl *ast.FuncDecl) *spawnsPerCall {
	sig := fn.Signature()
	if sig.Params().Len() == 0 {
		return nil
	}
	var spawn *ast.CallExpr
	conditional := false
	for _, st := range decl.Body.List {
		switch s := st.(type) {
		case *ast.GoStmt:
			if _, sends := c.sendOnly(s.Call); !sends && !nonBlocking(s.Call) && spawn == nil {
				spawn = s.Call
			}
		case *ast.ExprStmt:
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && spawn == nil {
				if f := match.Callee(c.info, call); match.IsMethod(f, "sync", "WaitGroup", "Go") && len(call.Args) == 1 {
					spawn = call
				}
			}
		case *ast.IfStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if spawn == nil {
				conditional = true // a guard before the spawn
			}
		}
	}
	if spawn == nil || conditional || c.blocksOnToken(decl.Body, true) || c.selfExpiring(spawn) {
		return nil
	}
	if c.releasesItem(spawn, slices.Collect(sig.Params().Variables())) {
		return nil // go c.Close(): a release, not work
	}
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if p.Name() != "" && p.Name() != "_" && c.refersTo(spawn, []*types.Var{p}) {
			via, _ := c.goroutineNet(spawn)
			return &spawnsPerCall{Param: i, Net: via}
		}
	}
	return nil
}

// spawnCall reports a call, in a loop over an unbounded source, of a
// function that starts a goroutine per call, passing it the received
// item, with no limit on concurrency in view in the loop.
func (c *checker) spawnCall(cur inspector.Cursor, call *ast.CallExpr, local map[*types.Func]*spawnsPerCall) {
	fn := match.Callee(c.info, call)
	if fn == nil {
		return
	}
	fn = fn.Origin()
	f := local[fn]
	if f == nil && fn.Pkg() != c.pass.Pkg {
		var imported spawnsPerCall
		if c.pass.ImportObjectFact(fn, &imported) {
			f = &imported
		}
	}
	if match.IsMethod(fn, "sync", "WaitGroup", "Go") || match.IsMethod(fn, "golang.org/x/sync/errgroup", "Group", "Go", "TryGo") {
		return // see groupGo
	}
	if f == nil || f.Param >= len(call.Args) || fn.Signature().Variadic() && f.Param >= fn.Signature().Params().Len()-1 {
		return
	}
	if f.Net == "" && !c.cfg.Strict {
		return // the goroutine is not seen to wait on the network
	}
	if _, inGo := cur.Parent().Node().(*ast.GoStmt); inGo {
		return // go f(m): the go statement is the spawn
	}
	loop, ok := retry.Innermost(cur)
	if !ok {
		return
	}
	items, source, ok := c.sourceItems(loop)
	if !ok || !c.refersTo(call.Args[f.Param], items) || c.limited(loop) || c.keyGuarded(loop) {
		return
	}
	c.rep.Reportf(report.Span(call.Pos(), call.Lparen), "goroutine-per-item",
		"%s starts a goroutine on every call, and it is called per item received from %s with no limit on concurrency: %s goroutines pile up until memory runs out; bound them with a worker pool, a semaphore or errgroup.SetLimit, here or in %s",
		fn.Name(), source, msgGrow, fn.Name())
}

// nonBlocking reports whether the goroutine is a function literal whose
// body is one select with a default case: it ends at once.
func nonBlocking(call *ast.CallExpr) bool {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok || len(lit.Body.List) != 1 {
		return false
	}
	sel, ok := lit.Body.List[0].(*ast.SelectStmt)
	return ok && hasDefault(sel)
}

// hasDefault reports whether the select has a default case.
func hasDefault(sel *ast.SelectStmt) bool {
	for _, cl := range sel.Body.List {
		if cc, ok := cl.(*ast.CommClause); ok && cc.Comm == nil {
			return true
		}
	}
	return false
}
