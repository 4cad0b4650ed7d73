package idempotency

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/cfg"

	"github.com/distlint/distlint/internal/fixpoint"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/retry"
)

// transports reports transports and client wrappers that send a
// request they were given more than once (a retry loop, failover over
// endpoints, hedged copies) without checking that it may be replayed.
// The request's method is out of view there, so every POST that the
// service sends through them is replayed: a request that succeeded but
// whose response was lost runs twice.
//
// A function counts as checking when it compares the request's method,
// passes it (or the request, alone or in a struct literal) to a function
// that answers yes or no, first (isIdempotent(req.Method), canRetry(req),
// a retry policy the caller supplies, t.retry(Attempt{Request: req, Err:
// err}) returning retry and delay), or reads an idempotency header of
// the request: whatever it decides, the decision is made there, by code
// that sees the method.
func (c *checker) transports() {
	if !c.importsHTTP(c.pass.Pkg) {
		return
	}
	for cur := range c.rep.Preorder(c.insp, (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ftype *ast.FuncType
		var body *ast.BlockStmt
		var sig types.Type
		name := "this transport function"
		switch fn := cur.Node().(type) {
		case *ast.FuncDecl:
			ftype, body = fn.Type, fn.Body
			if obj := c.info.Defs[fn.Name]; obj != nil {
				sig = obj.Type()
			}
			name = fn.Name.Name
			if fn.Name.Name == "RoundTrip" && fn.Recv != nil {
				name = "this RoundTripper"
			}
		case *ast.FuncLit:
			ftype, body = fn.Type, fn.Body
			sig = c.info.TypeOf(fn)
		}
		if body == nil || !isTransportSig(sig) {
			continue
		}
		reqs := c.requestParams(ftype)
		if len(reqs) == 0 {
			continue
		}
		bodyCur, _ := cur.FindNode(body)
		c.deriveRequests(bodyCur, reqs)
		if c.checksReplayable(bodyCur, reqs) {
			continue
		}
		c.resends(bodyCur, body, reqs, name)
	}
}

// isTransportSig reports whether t is func(*http.Request) (*http.Response,
// error): a RoundTrip method, a client wrapper's Do, a RoundTripper
// function. Their callers cannot see what they do with the request; a
// helper with any other shape is followed from its callers by the HTTP
// rule, where the request's method is in view.
func isTransportSig(t types.Type) bool {
	sig, ok := t.(*types.Signature)
	return ok && sig.Params().Len() == 1 && sig.Results().Len() == 2 &&
		match.IsTypeOrPointer(sig.Params().At(0).Type(), "net/http.Request") &&
		match.IsTypeOrPointer(sig.Results().At(0).Type(), "net/http.Response")
}

// requestParams returns the *http.Request parameters of a function.
func (c *checker) requestParams(ft *ast.FuncType) map[*types.Var]bool {
	var reqs map[*types.Var]bool
	for _, field := range ft.Params.List {
		for _, n := range field.Names {
			v, ok := c.info.Defs[n].(*types.Var)
			if ok && match.IsTypeOrPointer(v.Type(), "net/http.Request") {
				if reqs == nil {
					reqs = make(map[*types.Var]bool)
				}
				reqs[v] = true
			}
		}
	}
	return reqs
}

// deriveRequests adds to reqs the local requests made from one of them
// (req.Clone(ctx), req.WithContext(ctx), a copy *req, a new request with
// req.Method), except new requests whose method is a constant: those are
// the HTTP rule's, with their method in view.
func (c *checker) deriveRequests(body inspector.Cursor, reqs map[*types.Var]bool) {
	type derived struct {
		v    *types.Var
		uses []*types.Var // the variables its value is made from
	}
	var defs []derived
	for v, d := range flow.Assignments(c.info, body) {
		if d.Expr != nil && match.IsTypeOrPointer(v.Type(), "net/http.Request") && !c.constMethodRequest(d.Expr) {
			defs = append(defs, derived{v, c.varsIn(d.Expr)})
		}
	}
	uses := func(d derived) []*types.Var { return d.uses }
	fixpoint.Solve(defs, uses, func(d derived, changed func(*types.Var)) {
		if !reqs[d.v] && slices.ContainsFunc(d.uses, func(u *types.Var) bool { return reqs[u] }) {
			reqs[d.v] = true
			changed(d.v)
		}
	})
}

// mentions reports whether e refers to one of the variables in vars.
func (c *checker) mentions(e ast.Expr, vars map[*types.Var]bool) bool {
	return slices.ContainsFunc(c.varsIn(e), func(v *types.Var) bool { return vars[v] })
}

// varsIn returns the variables e refers to.
func (c *checker) varsIn(e ast.Expr) []*types.Var {
	var out []*types.Var
	ast.Inspect(e, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := c.info.Uses[id].(*types.Var); ok {
				out = append(out, v)
			}
		}
		return true
	})
	return out
}

// constMethodRequest reports whether e makes a new request with a
// constant method.
func (c *checker) constMethodRequest(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn := match.Callee(c.info, call)
	i, _, _, ok := netreach.RequestArgs(fn)
	if !ok || fn.Pkg().Path() != httpPkg || len(call.Args) <= i {
		return false
	}
	tv := c.info.Types[call.Args[i]]
	return tv.Value != nil
}

// checksReplayable reports whether the function decides, in view,
// whether one of its requests may be sent again.
func (c *checker) checksReplayable(body inspector.Cursor, reqs map[*types.Var]bool) bool {
	for cur := range body.Preorder((*ast.SelectorExpr)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			if n.Sel.Name != "Method" || !c.isReq(n.X, reqs) {
				continue
			}
			switch p := cur.Parent().Node().(type) {
			case *ast.BinaryExpr:
				if p.Op == token.EQL || p.Op == token.NEQ {
					return true
				}
			case *ast.SwitchStmt, *ast.IndexExpr:
				return true // switch req.Method, idempotent[req.Method]
			case *ast.CallExpr:
				if c.answersYesNo(p) {
					return true
				}
			}
		case *ast.CallExpr:
			// canRetry(req), policy(Attempt{Request: req}),
			// req.Header.Get("Idempotency-Key")
			if c.answersYesNo(n) {
				for _, a := range n.Args {
					if c.isReq(a, reqs) || c.litHoldsReq(a, reqs) {
						return true
					}
				}
			}
			if sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr); ok && (sel.Sel.Name == "Get" || sel.Sel.Name == "Values") && len(n.Args) == 1 {
				if h, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok && h.Sel.Name == "Header" && c.isReq(h.X, reqs) {
					if tv := c.info.Types[n.Args[0]]; tv.Value == nil || tv.Value.Kind() != constant.String || c.isKeyHeader(constant.StringVal(tv.Value)) {
						return true
					}
				}
			}
		}
	}
	return false
}

// isReq reports whether e is one of the requests.
func (c *checker) isReq(e ast.Expr, reqs map[*types.Var]bool) bool {
	e = ast.Unparen(e)
	if s, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(s.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	return ok && reqs[v]
}

// answersYesNo reports whether call's result, or its first result, is a
// bool: ok, or (retry bool, delay time.Duration).
func (c *checker) answersYesNo(call *ast.CallExpr) bool {
	t := c.info.TypeOf(call)
	if tuple, ok := t.(*types.Tuple); ok && tuple.Len() > 0 {
		t = tuple.At(0).Type()
	}
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.Bool
}

// litHoldsReq reports whether e is a struct literal, or its address,
// with one of the requests as an element (Attempt{Request: req}).
func (c *checker) litHoldsReq(e ast.Expr, reqs map[*types.Var]bool) bool {
	lit := match.CompositeLit(e)
	if lit == nil {
		return false
	}
	for _, el := range lit.Elts {
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			el = kv.Value
		}
		if c.isReq(el, reqs) {
			return true
		}
	}
	return false
}

// isRequestSend reports whether call sends its request argument: the
// RoundTrip method of any RoundTripper, or (*http.Client).Do.
func (c *checker) isRequestSend(call *ast.CallExpr) bool {
	fn := match.Callee(c.info, call)
	if fn == nil || len(call.Args) != 1 {
		return false
	}
	if match.IsMethod(fn, "net/http", "Client", "Do") {
		return true
	}
	if fn.Name() != "RoundTrip" {
		return false
	}
	return fn.Type().(*types.Signature).Recv() != nil && isTransportSig(fn.Type())
}

// resends reports each send of one of the requests that the function can
// make again for the same request: a later iteration of a loop around it
// can reach it, or it runs in a goroutine next to other sends.
func (c *checker) resends(body inspector.Cursor, block *ast.BlockStmt, reqs map[*types.Var]bool, name string) {
	var sends []inspector.Cursor
	for cur := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if c.isRequestSend(call) && c.mentions(call.Args[0], reqs) {
			sends = append(sends, cur)
		}
	}
	if len(sends) == 0 {
		return
	}
	var g *cfg.CFG // built on demand
	for _, s := range sends {
		call := s.Node().(*ast.CallExpr)
		if goStmt, ok := enclosingGo(s); ok && (len(sends) > 1 || inLoop(goStmt)) {
			c.rep.Reportf(call, "idempotency",
				"%s sends copies of a request in parallel (hedging) without checking that it is replayable: a POST runs once per copy (a double charge); hedge only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) or requests that carry an %s header",
				name, c.headerName())
			continue
		}
		loop, ok := retry.Innermost(s)
		if !ok || c.leavesOnSendError(s) || !c.cfg.Strict && !c.rewindsBody(body, reqs) {
			continue
		}
		if g == nil {
			g = cfg.New(block, func(call *ast.CallExpr) bool { return !match.NoReturn(c.info, call) })
		}
		if loopsBack(g, call, loop.Node()) {
			c.rep.Reportf(call, "idempotency",
				"%s sends the request again after a failure without checking that it is replayable: a POST whose response was lost runs twice (a double charge); replay only idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE) or requests that carry an %s header",
				name, c.headerName())
		}
	}
}

// rewindsBody reports whether the function can send a request's body
// again: it reads GetBody, gives a request a new Body, or makes a new
// request (with a body of its own) each time. Without that, the first
// send consumes the body and closes it, and a replay of a write that has
// one fails before a whole request reaches the server: gomatrixserverlib's
// failover over SRV targets and mailjet's retry on 500 resend the same
// *http.Request, whose drained body fails net/http's Content-Length
// check. A write with no body is replayed whole; -idempotency.strict
// reports those transports too.
func (c *checker) rewindsBody(body inspector.Cursor, reqs map[*types.Var]bool) bool {
	for cur := range body.Preorder((*ast.SelectorExpr)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr:
			if n.Sel.Name == "GetBody" && match.IsTypeOrPointer(c.info.TypeOf(n.X), "net/http.Request") {
				return true
			}
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && sel.Sel.Name == "Body" && match.IsTypeOrPointer(c.info.TypeOf(sel.X), "net/http.Request") {
					return true
				}
			}
		case *ast.CallExpr:
			if _, _, _, ok := netreach.RequestArgs(match.Callee(c.info, n)); ok {
				return true
			}
		}
	}
	return false
}

// isLoopHead reports whether b, one of loop's blocks, is where an
// iteration starts: the condition, the range, or for { ... }'s body.
func isLoopHead(b *cfg.Block, loop ast.Node) bool {
	switch b.Kind {
	case cfg.KindForLoop, cfg.KindRangeLoop:
		return true
	case cfg.KindForBody:
		f, ok := loop.(*ast.ForStmt)
		return ok && f.Cond == nil
	}
	return false
}

// enclosingGo returns the go statement whose function literal holds cur,
// inside the function being checked.
func enclosingGo(cur inspector.Cursor) (inspector.Cursor, bool) {
	for e := range cur.Enclosing((*ast.GoStmt)(nil), (*ast.FuncDecl)(nil)) {
		if _, ok := e.Node().(*ast.GoStmt); ok {
			return e, true
		}
		break
	}
	return inspector.Cursor{}, false
}

// inLoop reports whether cur is inside a loop of its function.
func inLoop(cur inspector.Cursor) bool {
	_, ok := retry.Innermost(cur)
	return ok
}

// loopsBack reports whether, in the control-flow graph g, the head of
// loop can be reached again after call: another iteration may send again.
func loopsBack(g *cfg.CFG, call *ast.CallExpr, loop ast.Node) bool {
	var from *cfg.Block
	var head *cfg.Block
	for _, b := range g.Blocks {
		if b.Stmt == loop && isLoopHead(b, loop) {
			head = b
		}
		for _, n := range b.Nodes {
			if n.Pos() <= call.Pos() && call.End() <= n.End() {
				from = b
			}
		}
	}
	if from == nil || head == nil {
		return false
	}
	seen := map[*cfg.Block]bool{}
	work := append([]*cfg.Block(nil), from.Succs...)
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if b == head {
			return true
		}
		if seen[b] {
			continue
		}
		seen[b] = true
		work = append(work, b.Succs...)
	}
	return false
}

// leavesOnSendError reports whether the send at cur, `resp, err =
// x.Do(req)`, is followed in its block by `if err != nil || ... {
// return }` (or break): the loop goes round again only for a request the
// server answered (a 500 it retries), never for one whose response was
// lost, which surfaces as the send's error (mailjet's doRequest).
func (c *checker) leavesOnSendError(cur inspector.Cursor) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || len(as.Lhs) != 2 {
		return false
	}
	id, ok := as.Lhs[1].(*ast.Ident)
	if !ok {
		return false
	}
	errVar, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	for next, ok := cur.Parent().NextSibling(); ok; next, ok = next.NextSibling() {
		is, ok := next.Node().(*ast.IfStmt)
		if ok && is.Init == nil && leaves(is.Body) && c.loops.Disjunct(is.Cond, errVar, token.NEQ) {
			return true
		}
	}
	return false
}
