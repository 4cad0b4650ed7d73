package unboundedqueue

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// fedOncePerKey reports whether every item that the goroutine started
// by spawn uses comes from a channel fed once per distinct key: a struct
// field or package variable of this package, unexported, made here and
// never handed out, and every send to it in the package is reached only
// when a key the item carries was absent from a map or sync.Map that the
// sending path then records it in (LoadOrStore, or a check then a store).
// The goroutines are then bounded by the key set (the assigned
// partitions or queues), not by a message rate, as with keyGuarded on
// the receiving side (service corpus: rocketmq-client-go's consumers
// start one puller per message queue that a rebalance assigns, sent only
// when the queue is new to processQueueTable).
func (c *checker) fedOncePerKey(loop inspector.Cursor, spawn *ast.CallExpr, items []*types.Var) bool {
	var chans []ast.Expr
	var body *ast.BlockStmt
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		if isChan(c.info.TypeOf(l.X)) {
			chans = append(chans, l.X)
		}
		body = l.Body
	case *ast.ForStmt:
		body = l.Body
	}
	fromSub := false
	walkLoopBody(body, func(n ast.Node) {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Rhs) != 1 || len(as.Lhs) == 0 {
			return
		}
		v := c.varOf(as.Lhs[0])
		if v == nil || !slices.Contains(items, v) || !c.refersTo(spawn, []*types.Var{v}) {
			return
		}
		if u, ok := ast.Unparen(as.Rhs[0]).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
			chans = append(chans, u.X)
		} else {
			fromSub = true // a subscription's message
		}
	})
	if fromSub {
		return false
	}
	if len(chans) == 0 {
		return false
	}
	for _, ch := range chans {
		v := c.chanVar(ch)
		if v == nil || !c.keyedChan(v) {
			return false
		}
	}
	return true
}

// chanVar returns the unexported field or package variable of this
// package that ch denotes, or nil.
func (c *checker) chanVar(ch ast.Expr) *types.Var {
	var v *types.Var
	switch e := ast.Unparen(ch).(type) {
	case *ast.SelectorExpr:
		v = match.SelectedField(c.info, e)
	case *ast.Ident:
		if pv, ok := c.info.Uses[e].(*types.Var); ok && pv.Parent() == c.pass.Pkg.Scope() {
			v = pv
		}
	}
	if v == nil || v.Pkg() != c.pass.Pkg || v.Exported() {
		return nil
	}
	return v
}

// keyedChan reports whether every send to the channel variable v in the
// package is guarded by a key set (sendKeyed) and the channel never
// leaves view: it is only made here (make or nil), sent to, received
// from, closed or measured. Passed to a function, assigned from a
// parameter or stored elsewhere, it may be fed by code out of view.
func (c *checker) keyedChan(v *types.Var) bool {
	if ok, seen := c.keyedChans[v]; seen {
		return ok
	}
	ok := c.keyedChanUses(v)
	if c.keyedChans == nil {
		c.keyedChans = make(map[*types.Var]bool)
	}
	c.keyedChans[v] = ok
	return ok
}

func (c *checker) keyedChanUses(v *types.Var) bool {
	sends := 0
	for cur := range c.insp.Root().Preorder((*ast.Ident)(nil), (*ast.CompositeLit)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			for _, fv := range match.LiteralFields(c.info, n) {
				if fv.Field == v && !c.madeHere(fv.Value) {
					return false
				}
			}
			continue
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if c.info.Defs[name] == v && i < len(n.Values) && !c.madeHere(n.Values[i]) {
					return false
				}
			}
			continue
		}
		id := cur.Node().(*ast.Ident)
		obj, _ := c.info.Uses[id].(*types.Var)
		if obj == nil || obj.Origin() != v {
			continue
		}
		use, e := cur, ast.Expr(id)
		parent := use.Parent()
		if sel, ok := parent.Node().(*ast.SelectorExpr); ok && sel.Sel == id {
			use, e = parent, sel
			parent = use.Parent()
		} else if kv, ok := parent.Node().(*ast.KeyValueExpr); ok && kv.Key == id {
			continue // a literal's key: its value is checked above
		}
		for {
			if _, ok := parent.Node().(*ast.ParenExpr); !ok {
				break
			}
			use, e = parent, parent.Node().(ast.Expr)
			parent = use.Parent()
		}
		switch p := parent.Node().(type) {
		case *ast.SendStmt:
			if p.Chan != e || !c.sendKeyed(parent) {
				return false
			}
			sends++
		case *ast.UnaryExpr:
			if p.Op != token.ARROW {
				return false // &s.ch
			}
		case *ast.RangeStmt:
			if p.X != e {
				return false
			}
		case *ast.AssignStmt:
			i := exprIndex(p.Lhs, e)
			if i < 0 || len(p.Lhs) != len(p.Rhs) || !c.madeHere(p.Rhs[i]) {
				return false
			}
		case *ast.CallExpr:
			if !match.IsBuiltin(c.info, p, "close") && !match.IsBuiltin(c.info, p, "len") && !match.IsBuiltin(c.info, p, "cap") {
				return false
			}
		default:
			return false
		}
	}
	return sends > 0
}

func exprIndex(list []ast.Expr, e ast.Expr) int {
	for i, x := range list {
		if x == e {
			return i
		}
	}
	return -1
}

// madeHere reports whether e is a new channel (make) or nil.
func (c *checker) madeHere(e ast.Expr) bool {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
		return match.IsBuiltin(c.info, call, "make")
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	_, isNil := c.info.Uses[id].(*types.Nil)
	return ok && isNil
}

// A keyCheck is a test of whether key is in a map (or sync.Map).
type keyCheck struct {
	m      flow.Path
	key    ast.Expr
	pos    token.Pos
	stores bool // LoadOrStore: the check records the key too
}

// sendKeyed reports whether the send at cur runs only when a key that
// the sent item carries was absent from a map, and the key is recorded
// in that map before the send: inside the branch of an if whose
// condition says the key is absent, or after an if that leaves the
// function or iteration when it is present. The function literal or
// declaration enclosing the send bounds the search.
func (c *checker) sendKeyed(cur inspector.Cursor) bool {
	send := cur.Node().(*ast.SendStmt)
	var checks []keyCheck
	var fn inspector.Cursor
	found := false
	child := cur
	for p := cur.Parent(); !found && p.Node() != nil; child, p = p, p.Parent() {
		switch n := p.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			fn, found = p, true
		case *ast.IfStmt:
			if child.Node() == n.Body {
				checks = append(checks, c.absentWhen(p, n.Cond, true)...)
			} else if n.Else != nil && child.Node() == n.Else {
				checks = append(checks, c.absentWhen(p, n.Cond, false)...)
			}
		case *ast.BlockStmt:
			checks = append(checks, c.earlyExits(p, n.List, child.Node())...)
		case *ast.CaseClause:
			checks = append(checks, c.earlyExits(p, n.Body, child.Node())...)
		case *ast.CommClause:
			checks = append(checks, c.earlyExits(p, n.Body, child.Node())...)
		}
	}
	if !found {
		return false
	}
	for _, ck := range checks {
		if (ck.stores || c.recorded(fn.Node(), ck, send.Pos())) && c.carries(fn, send.Value, ck.key) {
			return true
		}
	}
	return false
}

// earlyExits returns the checks of the if statements before stmt in
// list that end the function or iteration when the key is present:
// after them, the key was absent.
func (c *checker) earlyExits(at inspector.Cursor, list []ast.Stmt, stmt ast.Node) []keyCheck {
	var checks []keyCheck
	for _, s := range list {
		if s == stmt {
			break
		}
		ifs, ok := s.(*ast.IfStmt)
		if !ok || ifs.Else != nil || len(ifs.Body.List) == 0 || !c.exits(ifs.Body.List[len(ifs.Body.List)-1]) {
			continue
		}
		if cur, ok := match.CursorOf(at, ifs); ok {
			checks = append(checks, c.absentWhen(cur, ifs.Cond, false)...)
		}
	}
	return checks
}

// exits reports whether s leaves the block for good: return, continue,
// break, goto, or a call that never returns.
func (c *checker) exits(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && match.NoReturn(c.info, call)
	}
	return false
}

// absentWhen returns the key checks that cond, evaluating to truth in
// the if statement at ifCur, shows absent.
func (c *checker) absentWhen(ifCur inspector.Cursor, cond ast.Expr, truth bool) []keyCheck {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return c.absentWhen(ifCur, e.X, !truth)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND, token.LOR:
			if (e.Op == token.LAND) == truth { // both sides have this truth
				return append(c.absentWhen(ifCur, e.X, truth), c.absentWhen(ifCur, e.Y, truth)...)
			}
		case token.EQL, token.NEQ:
			x := e.X
			if c.isNil(x) {
				x = e.Y
			} else if !c.isNil(e.Y) {
				return nil
			}
			// m[k] != nil is true when present.
			if ck, ok := c.indexCheck(x); ok && truth != (e.Op == token.NEQ) {
				return []keyCheck{ck}
			}
		}
	case *ast.IndexExpr:
		if ck, ok := c.indexCheck(e); ok && !truth && isBool(c.info.TypeOf(e)) {
			return []keyCheck{ck}
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok && !truth {
			if ck, ok := c.okCheck(ifCur, v); ok {
				return []keyCheck{ck}
			}
		}
	}
	return nil
}

func (c *checker) isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := c.info.Uses[id].(*types.Nil)
	return isNil
}

// indexCheck returns the check that m[k] makes, for a map m.
func (c *checker) indexCheck(e ast.Expr) (keyCheck, bool) {
	ix, ok := ast.Unparen(e).(*ast.IndexExpr)
	if !ok {
		return keyCheck{}, false
	}
	if t := c.info.TypeOf(ix.X); t == nil {
		return keyCheck{}, false
	} else if _, isMap := t.Underlying().(*types.Map); !isMap {
		return keyCheck{}, false
	}
	p, ok := flow.PathOf(c.info, ix.X)
	return keyCheck{m: p, key: ix.Index, pos: ix.Pos()}, ok
}

// okCheck returns the check that last set the boolean v before the if
// statement at ifCur (its Init included): _, ok := m[k],
// _, ok := m.Load(k) or _, loaded := m.LoadOrStore(k, x). ok is true
// when v holds whether the key was present.
func (c *checker) okCheck(ifCur inspector.Cursor, v *types.Var) (keyCheck, bool) {
	fn, ok := match.InnermostFunc(ifCur)
	if !ok {
		return keyCheck{}, false
	}
	var last *ast.AssignStmt
	for cur := range fn.Preorder((*ast.AssignStmt)(nil)) {
		as := cur.Node().(*ast.AssignStmt)
		if as.Pos() >= ifCur.Node().(*ast.IfStmt).Cond.Pos() {
			break
		}
		for _, lhs := range as.Lhs {
			if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && c.info.ObjectOf(id) == v {
				last = as
			}
		}
	}
	if last == nil || len(last.Lhs) != 2 || len(last.Rhs) != 1 {
		return keyCheck{}, false
	}
	if id, ok := ast.Unparen(last.Lhs[1]).(*ast.Ident); !ok || c.info.ObjectOf(id) != v {
		return keyCheck{}, false
	}
	if ck, ok := c.indexCheck(last.Rhs[0]); ok {
		return ck, true
	}
	call, ok := ast.Unparen(last.Rhs[0]).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return keyCheck{}, false
	}
	fnObj := match.Callee(c.info, call)
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !isSel || !match.IsMethod(fnObj, "sync", "Map", "Load", "LoadOrStore") {
		return keyCheck{}, false
	}
	p, ok := flow.PathOf(c.info, sel.X)
	return keyCheck{m: p, key: call.Args[0], pos: call.Pos(), stores: fnObj.Name() == "LoadOrStore"}, ok
}

// recorded reports whether fn, between the check and before, stores the
// checked key in the checked map (m[k] = x, or sync.Map's Store,
// LoadOrStore or Swap), outside nested function literals.
func (c *checker) recorded(fn ast.Node, ck keyCheck, before token.Pos) bool {
	found := false
	ast.Inspect(fn, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		if lit, ok := n.(*ast.FuncLit); ok && lit != fn {
			return false
		}
		if n.Pos() >= before || n.End() <= ck.pos {
			return false // outside the window
		}
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if st, ok := c.indexCheck(lhs); ok && n.Pos() > ck.pos && st.m.Equal(ck.m) && c.sameKey(st.key, ck.key) {
					found = true
				}
			}
		case *ast.CallExpr:
			sel, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !isSel || len(n.Args) == 0 || n.Pos() <= ck.pos || !match.IsMethod(match.Callee(c.info, n), "sync", "Map", "Store", "LoadOrStore", "Swap") {
				return true
			}
			if p, ok := flow.PathOf(c.info, sel.X); ok && p.Equal(ck.m) && c.sameKey(n.Args[0], ck.key) {
				found = true
			}
		}
		return !found
	})
	return found
}

// sameKey reports whether two key expressions denote the same variable
// or field path, or are the same call-free expression.
func (c *checker) sameKey(a, b ast.Expr) bool {
	pa, okA := flow.PathOf(c.info, a)
	pb, okB := flow.PathOf(c.info, b)
	if okA && okB {
		return pa.Equal(pb)
	}
	if okA || okB || types.ExprString(a) != types.ExprString(b) {
		return false
	}
	calls := false
	ast.Inspect(a, func(n ast.Node) bool {
		if _, ok := n.(*ast.CallExpr); ok {
			calls = true
		}
		return !calls
	})
	return !calls
}

// carries reports whether the sent value holds the key: it refers to a
// variable of the key expression, or it is a local variable every value
// of which does (pr := PullRequest{mq: &mq}).
func (c *checker) carries(fn inspector.Cursor, value, key ast.Expr) bool {
	var keyVars []*types.Var
	ast.Inspect(key, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok && !v.IsField() {
				keyVars = append(keyVars, v)
			}
		}
		return true
	})
	if len(keyVars) == 0 {
		return false
	}
	if c.refersTo(value, keyVars) {
		return true
	}
	id, ok := ast.Unparen(value).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	defs, ok := flow.Defs(c.info, fn, v)
	if !ok {
		return false
	}
	for _, d := range defs {
		if d.Expr == nil || !c.refersTo(d.Expr, keyVars) {
			return false
		}
	}
	return true
}
