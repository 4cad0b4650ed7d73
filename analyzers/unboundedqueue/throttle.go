package unboundedqueue

// A connect attempt per discovered peer: the goroutine gives its work a
// deadline of its own, and the loop starts one per key at most once per
// back-off period. Neither alone bounds the goroutines (a deadline alone
// still lets them pile up at the input rate; a throttle alone still lets
// slow work pile up behind it); together they cap those alive at the
// keys' rate times the deadline, and none waits on a consumer.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// timedPerKey reports whether the goroutine that spawn starts bounds its
// own lifetime (timedWork) and the loop starts it at most once per key
// per back-off period (keyThrottled). A goroutine started once per key
// (keyGuarded) is bounded by the key set already, deadline or not.
func (c *checker) timedPerKey(loop inspector.Cursor, spawn *ast.CallExpr, items []*types.Var) bool {
	return c.timedWork(loop, spawn, items) && c.keyThrottled(loop, spawn, items)
}

// timedWork reports whether the goroutine's body, before anything but
// bookkeeping, makes a context with context.WithTimeout or WithDeadline
// from a duration fixed outside the loop (a constant, a field of the
// spawner's receiver; nothing the item or the iteration carries), and
// then runs its work under it: every call that takes a context gets the
// new one (or one derived from it), every call given the item takes it
// (logging aside), and it neither sends, nor receives but in a select
// that also waits on the new context's Done, nor starts goroutines.
func (c *checker) timedWork(loop inspector.Cursor, spawn *ast.CallExpr, items []*types.Var) bool {
	body := c.goroutineBody(spawn)
	if body == nil {
		return false
	}
	node := loop.Node()
	params := c.spawnParams(spawn, node)
	fixed := func(e ast.Expr) bool {
		ok := true
		ast.Inspect(e, func(n ast.Node) bool {
			id, isID := n.(*ast.Ident)
			if !isID || !ok {
				return ok
			}
			v, isVar := c.info.Uses[id].(*types.Var)
			if !isVar || v.IsField() {
				return true
			}
			inLoop := v.Pos() >= node.Pos() && v.Pos() < node.End()
			inBody := v.Pos() >= body.Pos() && v.Pos() < body.End()
			ok = !inLoop && !inBody && !params[v] && !c.refersTo(id, items)
			return ok
		})
		return ok
	}
	derived := append([]*types.Var(nil), items...)
	for p := range params {
		derived = append(derived, p)
	}
	for i, st := range body.List {
		if as, ok := st.(*ast.AssignStmt); ok && len(as.Lhs) == 2 && len(as.Rhs) == 1 {
			call, isCall := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if isCall && len(call.Args) >= 2 &&
				match.IsFunc(match.Callee(c.info, call), "context", "WithTimeout", "WithTimeoutCause", "WithDeadline", "WithDeadlineCause") {
				ctx := c.varOf(as.Lhs[0])
				return ctx != nil && fixed(call.Args[1]) && c.runsUnder(body.List[i+1:], ctx, derived)
			}
		}
		if !c.bookkeeping(st) {
			return false
		}
	}
	return false
}

// spawnParams returns the parameters of the function that spawn runs
// (and, for a method of the package, its receiver, unless the spawn
// calls it on a variable declared outside the loop node): values bound
// at the spawn, which may come from the iteration.
func (c *checker) spawnParams(spawn *ast.CallExpr, node ast.Node) map[*types.Var]bool {
	out := make(map[*types.Var]bool)
	var lists []*ast.FieldList
	if lit, ok := ast.Unparen(spawn.Fun).(*ast.FuncLit); ok {
		lists = append(lists, lit.Type.Params)
	} else if fn := match.Callee(c.info, spawn); fn != nil && fn.Pkg() == c.pass.Pkg {
		if decl := match.FuncDecl(c.pass.Files, c.info, fn.Origin()); decl != nil {
			lists = append(lists, decl.Type.Params)
			if !c.fixedRecv(spawn, node) {
				lists = append(lists, decl.Recv)
			}
		}
	}
	for _, list := range lists {
		if list == nil {
			continue
		}
		for _, f := range list.List {
			for _, name := range f.Names {
				if v, ok := c.info.Defs[name].(*types.Var); ok {
					out[v] = true
				}
			}
		}
	}
	return out
}

// fixedRecv reports whether spawn calls a method on a variable (or a
// field of one) declared outside node: the same receiver every
// iteration.
func (c *checker) fixedRecv(spawn *ast.CallExpr, node ast.Node) bool {
	sel, ok := ast.Unparen(spawn.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	p, ok := flow.PathOf(c.info, sel.X)
	return ok && (p.Root.Pos() < node.Pos() || p.Root.Pos() >= node.End())
}

// runsUnder reports whether stmts run their work under the context ctx:
// see timedWork.
func (c *checker) runsUnder(stmts []ast.Stmt, ctx *types.Var, derived []*types.Var) bool {
	timed := []*types.Var{ctx}
	guarded := make(map[ast.Node]bool) // communications of a select on ctx.Done()
	used, ok := false, true
	isCtx := func(e ast.Expr) bool { return match.IsType(c.info.TypeOf(e), "context.Context") }
	done := func(e ast.Expr) bool { // ctx.Done() of a timed context
		call, isCall := ast.Unparen(e).(*ast.CallExpr)
		if !isCall {
			return false
		}
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return isSel && sel.Sel.Name == "Done" && c.refersTo(sel.X, timed)
	}
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.GoStmt:
				ok = false
			case *ast.SelectStmt:
				onDone := false
				for _, cl := range n.Body.List {
					if cc, isCC := cl.(*ast.CommClause); isCC && cc.Comm != nil && done(match.RecvChan(cc.Comm)) {
						onDone = true
					}
				}
				for _, cl := range n.Body.List {
					if cc, isCC := cl.(*ast.CommClause); isCC && cc.Comm != nil && onDone {
						ast.Inspect(cc.Comm, func(m ast.Node) bool {
							guarded[m] = true
							return true
						})
					}
				}
			case *ast.SendStmt:
				ok = guarded[n]
			case *ast.UnaryExpr:
				ok = n.Op != token.ARROW || guarded[n] || done(n.X)
			case *ast.AssignStmt:
				if len(n.Rhs) == 1 && c.refersTo(n.Rhs[0], timed) {
					for _, lhs := range n.Lhs {
						if v := c.varOf(lhs); v != nil && isCtx(lhs) {
							timed = append(timed, v)
						}
					}
				}
			case *ast.CallExpr:
				if tv := c.info.Types[n.Fun]; tv.IsType() || tv.IsBuiltin() {
					return true
				}
				if logCall(match.Callee(c.info, n)) {
					return false // only printed
				}
				takes := false
				for _, arg := range n.Args {
					if isCtx(arg) {
						if !c.refersTo(arg, timed) {
							ok = false // work under another context
						}
						takes = true
					}
				}
				if takes {
					used = true
					return ok
				}
				for _, arg := range n.Args {
					ok = ok && !c.refersTo(arg, derived)
				}
				if sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr); isSel && c.refersTo(sel.X, derived) {
					ok = false // a method of the item, with no deadline
				}
			}
			return ok
		})
	}
	return ok && used
}

// logCall reports whether fn is named like a logger's verb (Debug,
// Infof, Warnw, Error, Printf, Log) and only prints: variadic, with no
// result.
func logCall(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	sig := fn.Signature()
	if !sig.Variadic() || sig.Results().Len() != 0 {
		return false
	}
	for _, verb := range []string{"Debug", "Info", "Warn", "Error", "Trace", "Print", "Log"} {
		if strings.HasPrefix(fn.Name(), verb) {
			return true
		}
	}
	return false
}

// A throttle is a per-key back-off in a loop: the entry of the key that
// the item carries is looked up, the iteration is skipped while its
// next-allowed time is in the future, and the next time is stored.
type throttle struct {
	entry     *types.Var // the entry looked up
	container flow.Path  // the map or cache
	key       string     // the key expression
}

// keyThrottled reports whether the loop, before the spawn, throttles it
// per key of the item: it looks up the entry of a key that the item
// carries (v := m[k], v, ok := cache.Get(k)), skips the iteration
// (continue) when the entry's time is still in the future
// (now.Before(v.next), v.next.After(now)), and then stores the next time
// for that key (v.next = ..., or m[k] = ... for a map of times). A
// check that never stores a time lets every item through once the first
// period is over, and bounds nothing.
func (c *checker) keyThrottled(loop inspector.Cursor, spawn *ast.CallExpr, items []*types.Var) bool {
	body := loopBody(loop)
	before := func(n ast.Node) bool { return n.End() <= spawn.Pos() }
	var lookups []throttle
	walkLoopBody(body, func(n ast.Node) {
		as, ok := n.(*ast.AssignStmt)
		if !ok || !before(n) || len(as.Rhs) != 1 {
			return
		}
		v := c.varOf(as.Lhs[0])
		if v == nil {
			return
		}
		var container, key ast.Expr
		switch r := ast.Unparen(as.Rhs[0]).(type) {
		case *ast.IndexExpr:
			if t := c.info.TypeOf(r.X); t != nil && isMapType(t) {
				container, key = r.X, r.Index
			}
		case *ast.CallExpr:
			if sel, isSel := ast.Unparen(r.Fun).(*ast.SelectorExpr); isSel && len(r.Args) >= 1 {
				if s, isMethod := c.info.Selections[sel]; isMethod && s.Kind() == types.MethodVal {
					container, key = sel.X, r.Args[0]
				}
			}
		}
		if key == nil || !c.refersTo(key, items) {
			return
		}
		if p, ok := flow.PathOf(c.info, container); ok {
			lookups = append(lookups, throttle{entry: v, container: p, key: types.ExprString(key)})
		}
	})
	for _, t := range lookups {
		var compared []flow.Path // the times of t.entry compared with now
		var skipAt token.Pos
		walkLoopBody(body, func(n ast.Node) {
			ifs, ok := n.(*ast.IfStmt)
			if !ok || !before(n) || !endsWithContinue(ifs.Body) {
				return
			}
			ast.Inspect(ifs.Cond, func(m ast.Node) bool {
				if p, ok := c.futureTime(m, t.entry); ok {
					compared = append(compared, p)
					skipAt = ifs.End()
				}
				return true
			})
		})
		if len(compared) == 0 {
			continue
		}
		stored := false
		walkLoopBody(body, func(n ast.Node) {
			if stored || !before(n) || n.Pos() < skipAt {
				return
			}
			if call, ok := n.(*ast.CallExpr); ok && len(call.Args) >= 2 && types.ExprString(call.Args[0]) == t.key {
				if sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr); isSel && timeOnly(compared) {
					if p, ok := flow.PathOf(c.info, sel.X); ok && p.Equal(t.container) {
						stored = true // cache.Add(k, next) for a cache of times
					}
				}
			}
			as, ok := n.(*ast.AssignStmt)
			if !ok || as.Tok != token.ASSIGN {
				return
			}
			for _, lhs := range as.Lhs {
				if ix, isIx := ast.Unparen(lhs).(*ast.IndexExpr); isIx {
					if p, ok := flow.PathOf(c.info, ix.X); ok && p.Equal(t.container) && types.ExprString(ix.Index) == t.key {
						stored = true // m[k] = next
					}
					continue
				}
				p, ok := flow.PathOf(c.info, lhs)
				for _, cp := range compared {
					if ok && len(cp.Fields) > 0 && p.Equal(cp) {
						stored = true // v.next = next
					}
				}
			}
		})
		if stored {
			return true
		}
	}
	return false
}

// futureTime returns the location rooted at entry whose time n tests to
// be in the future: now.Before(entry.f) or entry.f.After(now), with now
// not taken from entry.
func (c *checker) futureTime(n ast.Node, entry *types.Var) (flow.Path, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 || !match.IsMethod(match.Callee(c.info, call), "time", "Time", "Before", "After") {
		return flow.Path{}, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return flow.Path{}, false
	}
	later, now := call.Args[0], sel.X // now.Before(later)
	if sel.Sel.Name == "After" {
		later, now = sel.X, call.Args[0] // later.After(now)
	}
	p, ok := flow.PathOf(c.info, later)
	if !ok || p.Root != entry || c.refersTo(now, []*types.Var{entry}) {
		return flow.Path{}, false
	}
	return p, true
}

// timeOnly reports whether some compared location is the entry itself:
// the container holds times.
func timeOnly(compared []flow.Path) bool {
	for _, p := range compared {
		if len(p.Fields) == 0 {
			return true
		}
	}
	return false
}

// endsWithContinue reports whether the block's last statement is a
// continue.
func endsWithContinue(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	br, ok := b.List[len(b.List)-1].(*ast.BranchStmt)
	return ok && br.Tok == token.CONTINUE
}

func isMapType(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}
