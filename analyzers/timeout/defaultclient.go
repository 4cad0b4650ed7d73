package timeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// defaultClient checks a use of http.DefaultClient.
func (c *checker) defaultClient(cur inspector.Cursor, id *ast.Ident) {
	expr := cur
	if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
		expr = cur.Parent() // http.DefaultClient
	}
	expr = match.OuterParens(expr)
	switch p := expr.Parent().Node().(type) {
	case *ast.AssignStmt:
		if expr.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return // replacing the default client
		}
		if c.isFallback(expr.Parent(), p) {
			return
		}
		if c.localBounded(expr) {
			return
		}
	case *ast.ValueSpec:
		if c.localBounded(expr) || c.globalUnproven(expr) {
			return
		}
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			return // comparing with it
		}
	case *ast.CallExpr:
		if expr.ParentEdgeKind() == edge.CallExpr_Args && (c.handedToContextSDK(expr.Parent()) || c.callerContext(expr.Parent(), expr.ParentEdgeIndex()) || c.boundedCall(expr.Parent(), expr.ParentEdgeIndex()) || c.handsRequestsWithContext(expr.Parent())) {
			// Handed to a helper with the caller's context, to an SDK
			// whose operations carry theirs, or to a function that
			// keeps it where every request carries one: its requests
			// are bounded by that context, as a Do with a request that
			// carries one is.
			return
		}
	case *ast.ReturnStmt:
		if len(p.Results) == 1 && (c.inNilBranch(expr) || c.afterClientReturn(expr.Parent())) {
			// A getter's default when no client is configured, the
			// isFallback shape written as returns (fresh tune corpus:
			// acmez's and x/perf's httpClient methods).
			return
		}
		if c.returnedUnproven(expr) {
			return
		}
	case *ast.StarExpr:
		// *http.DefaultClient copies a client with no Timeout.
		c.client(expr.Parent(), p, false)
		return
	case *ast.KeyValueExpr:
		// Kept in a field: the evidence is in the field's uses, as for a
		// client literal (tune corpus: minio-go's credentials send every
		// request through the field with a context).
		if _, ok := c.valueEvidence(expr, 0).why(); !ok {
			return
		}
	case *ast.SelectorExpr:
		s, ok := c.info.Selections[p]
		if !ok || s.Kind() == types.FieldVal {
			return // reading or configuring its fields (Timeout, Transport)
		}
		if p.Sel.Name == "CloseIdleConnections" {
			return
		}
		if c.inNilBranch(expr) {
			return // sending in the fallback when a client is nil
		}
		if call, ok := expr.Parent().Parent().Node().(*ast.CallExpr); ok && p.Sel.Name == "Do" && len(call.Args) == 1 {
			// A request that carries a context is bounded by it: a
			// parameter's deadline is the caller's to set, and a
			// context without one is ctxdeadline's finding on this
			// call. One mistake, one finding.
			if body, ok := flow.EnclosingFunc(cur); ok && (c.requestHasContext(body, call.Args[0], 0) || c.callersRequest(cur, call.Args[0])) {
				return
			}
		}
	}
	c.rep.Reportf(expr.Node(), "default-client", "http.DefaultClient has no Timeout: %s; use an http.Client with Timeout, or send requests with a context deadline", msgHang)
}

// localBounded reports whether http.DefaultClient at cur is kept in a
// local variable (client := http.DefaultClient, var c =
// http.DefaultClient, often replaced by a configured client where there
// is one) whose every use is in view and sends requests that carry a
// context, directly or through the locals, fields and helpers it is
// handed to: those requests are bounded by their contexts, as a Do with
// a request that carries one is (fresh tune corpus: hashicorp/cap's
// discovery key set sends its one request with the caller's context).
// A variable that escapes (returned, handed out of view, kept where its
// requests cannot be seen) or through which a request with no context
// is sent is still reported, and so is a parameter or a global given it.
func (c *checker) localBounded(cur inspector.Cursor) bool {
	path, ok := c.target(cur)
	if !ok || len(path.Fields) != 0 || path.Root.Parent() == c.pass.Pkg.Scope() || !c.declares(cur.Parent().Node(), path.Root) && !declaredIn(cur, path.Root) {
		return false
	}
	ev := c.valueEvidence(cur, 0)
	_, contextless := ev.why()
	return !contextless && ev.escape == "" && ev.public == ""
}

// declaredIn reports whether v is a local variable declared in the body
// of the function around cur (var client *http.Client, given
// http.DefaultClient in one case of a switch, as fortio's jrpc.Send
// does), not a parameter or a result, whose callers may see the value.
func declaredIn(cur inspector.Cursor, v *types.Var) bool {
	fn, ok := match.InnermostFunc(cur)
	if !ok {
		return false
	}
	_, body := match.FuncParts(fn.Node())
	return body != nil && body.Pos() <= v.Pos() && v.Pos() < body.End()
}

// globalUnproven reports whether http.DefaultClient at cur is the value
// of a package-level variable (goupnp's HTTPClientDefault, which callers
// may replace) through which no request with no context is sent in view:
// judged as a client literal kept there is, by the requests its uses
// send, with at least one request sent in view; escapes to other
// packages are theirs to judge.
func (c *checker) globalUnproven(cur inspector.Cursor) bool {
	path, ok := c.target(cur)
	if !ok || len(path.Fields) != 0 || path.Root.Parent() != c.pass.Pkg.Scope() || !c.declares(cur.Parent().Node(), path.Root) {
		return false
	}
	ev := c.valueEvidence(cur, 0)
	_, contextless := ev.why()
	return !contextless && ev.sends
}

// returnedUnproven reports whether http.DefaultClient at cur is returned
// by an unexported function, every caller of which is in view, and none
// sends a request with no context through it (httprc's
// httpClientFromContext, whose callers build every request with the
// caller's context): judged by its callers' requests, as a client
// literal returned from a helper is. A getter with no caller in view,
// or whose result escapes, is still reported.
func (c *checker) returnedUnproven(cur inspector.Cursor) bool {
	decl, ok := match.DeclOf(cur)
	if !ok || decl.Name.IsExported() {
		return false
	}
	ev := c.valueEvidence(cur, 0)
	_, contextless := ev.why()
	return !contextless && ev.sends && ev.escape == ""
}

// declares reports whether the statement or spec n declares v (v := ...,
// var v = ...), rather than assigning to a variable declared elsewhere.
func (c *checker) declares(n ast.Node, v *types.Var) bool {
	var names []*ast.Ident
	switch n := n.(type) {
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE {
			return false
		}
		for _, e := range n.Lhs {
			if id, ok := e.(*ast.Ident); ok {
				names = append(names, id)
			}
		}
	case *ast.ValueSpec:
		names = n.Names
	}
	for _, id := range names {
		if c.info.Defs[id] == v {
			return true
		}
	}
	return false
}

// isFallback reports whether the assignment of http.DefaultClient at cur
// is a default that the code's main path does not take (the corpus taught
// both shapes: Prometheus, client-go, minio):
//
//	if c == nil { c = http.DefaultClient } // the caller supplied no client
//
//	if timeout > 0 { c = &http.Client{Timeout: timeout} } else { c = http.DefaultClient }
//
// In the first the client is normally configured elsewhere; in the second
// the timeout is configuration and zero is the user's choice.
func (c *checker) isFallback(cur inspector.Cursor, as *ast.AssignStmt) bool {
	if len(as.Lhs) != 1 {
		return false
	}
	target, ok := flow.PathOf(c.info, as.Lhs[0])
	if !ok {
		return false
	}
	block, ok := cur.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	ifStmt, ok := cur.Parent().Parent().Node().(*ast.IfStmt)
	if !ok {
		return false
	}
	if ifStmt.Body == block && c.isNilCheck(ifStmt.Cond, target) {
		return true
	}
	if c.nilElse(ifStmt, block, target) {
		return true
	}
	other := ifStmt.Body
	if ifStmt.Body == block {
		other, _ = ifStmt.Else.(*ast.BlockStmt)
	}
	if other == nil {
		return false
	}
	for _, stmt := range other.List {
		if as2, ok := stmt.(*ast.AssignStmt); ok && len(as2.Lhs) == 1 && len(as2.Rhs) == 1 {
			p2, ok := flow.PathOf(c.info, as2.Lhs[0])
			lit := match.CompositeLit(as2.Rhs[0])
			if ok && p2.Equal(target) && lit != nil && match.IsType(c.info.TypeOf(lit), "net/http.Client") {
				if set, _ := litField(c.info, lit, c.info.TypeOf(lit), "Timeout"); set {
					return true
				}
			}
		}
	}
	return false
}

// nilElse reports whether the assignment to target in block is the
// branch taken when a value is nil, and the other branch gives target
// that value (held-out round 4: elastic's SetHttpClient):
//
//	if hc != nil { c.c = hc } else { c.c = http.DefaultClient }
//	if hc == nil { c.c = http.DefaultClient } else { c.c = hc }
//
// which is `if c == nil { c = http.DefaultClient }` written as if/else.
func (c *checker) nilElse(ifStmt *ast.IfStmt, block *ast.BlockStmt, target flow.Path) bool {
	bin, ok := ast.Unparen(ifStmt.Cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	var other *ast.BlockStmt
	switch {
	case bin.Op == token.NEQ && ifStmt.Else == block:
		other = ifStmt.Body
	case bin.Op == token.EQL && ifStmt.Body == block:
		other, _ = ifStmt.Else.(*ast.BlockStmt)
	}
	if other == nil {
		return false
	}
	x, ok := c.nilCompared(bin, bin.Op)
	if !ok {
		return false
	}
	checked, ok := flow.PathOf(c.info, x)
	if !ok {
		return false
	}
	for _, stmt := range other.List {
		as, ok := stmt.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 {
			continue
		}
		lhs, ok1 := flow.PathOf(c.info, as.Lhs[0])
		rhs, ok2 := flow.PathOf(c.info, as.Rhs[0])
		if ok1 && ok2 && lhs.Equal(target) && rhs.Equal(checked) {
			return true
		}
	}
	return false
}

// isNilCheck reports whether cond is `path == nil`, or a disjunction of
// such checks (genqlient's `hc == nil || hc == (*http.Client)(nil)`,
// for a Doer interface that may hold a typed nil).
func (c *checker) isNilCheck(cond ast.Expr, path flow.Path) bool {
	if bin, ok := ast.Unparen(cond).(*ast.BinaryExpr); ok && bin.Op == token.LOR {
		return c.isNilCheck(bin.X, path) && c.isNilCheck(bin.Y, path)
	}
	x, ok := c.nilCompared(cond, token.EQL)
	if !ok {
		return false
	}
	p, ok := flow.PathOf(c.info, x)
	return ok && p.Equal(path)
}

// nilCompared returns x when cond is `x op nil` or `nil op x`; nil may
// be converted to a type ((*http.Client)(nil)).
func (c *checker) nilCompared(cond ast.Expr, op token.Token) (ast.Expr, bool) {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != op {
		return nil, false
	}
	switch {
	case c.isNil(bin.Y):
		return bin.X, true
	case c.isNil(bin.X):
		return bin.Y, true
	}
	return nil, false
}

// isNil reports whether e is nil, or nil converted to a type.
func (c *checker) isNil(e ast.Expr) bool {
	e = ast.Unparen(e)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := c.info.Types[conv.Fun]; ok && tv.IsType() {
			e = ast.Unparen(conv.Args[0])
		}
	}
	return c.info.Types[e].IsNil()
}

// inNilBranch reports whether the expression at cur (http.DefaultClient
// sending a request on the spot) runs only when a client is nil: in the body of `if c == nil` or the else of
// `if c != nil`, where c is an *http.Client. That is the fallback
// isFallback accepts (`if c == nil { c = http.DefaultClient }`) written
// as a branch that sends with http.DefaultClient itself (held-out round
// 3: smallstep's poolhttp, `if hc := c.getClient(); hc != nil { hc.Get(u)
// } else { http.DefaultClient.Get(u) }`): the same code written two
// ways gets one verdict.
func (c *checker) inNilBranch(cur inspector.Cursor) bool {
	for a := cur; ; a = a.Parent() {
		switch a.Node().(type) {
		case *ast.FuncDecl, *ast.FuncLit, *ast.File:
			return false
		}
		var wantOp token.Token
		switch a.ParentEdgeKind() {
		case edge.IfStmt_Body:
			wantOp = token.EQL
		case edge.IfStmt_Else:
			wantOp = token.NEQ
		default:
			continue
		}
		cond := a.Parent().Node().(*ast.IfStmt).Cond
		if x, ok := c.nilCompared(cond, wantOp); ok && match.IsTypeOrPointer(c.info.TypeOf(x), "net/http.Client") {
			return true
		}
	}
}

// afterClientReturn reports whether the return statement at ret follows,
// in its block, `if hc != nil { return hc }` for an *http.Client hc: the
// function returns the configured client, and ret's value only when
// there is none.
func (c *checker) afterClientReturn(ret inspector.Cursor) bool {
	for prev, ok := ret.PrevSibling(); ok; prev, ok = prev.PrevSibling() {
		ifStmt, ok := prev.Node().(*ast.IfStmt)
		if !ok || ifStmt.Init != nil || ifStmt.Else != nil || len(ifStmt.Body.List) != 1 {
			continue
		}
		x, ok := c.nilCompared(ifStmt.Cond, token.NEQ)
		r, ok2 := ifStmt.Body.List[0].(*ast.ReturnStmt)
		if !ok || !ok2 || len(r.Results) != 1 || !match.IsTypeOrPointer(c.info.TypeOf(r.Results[0]), "net/http.Client") {
			continue
		}
		checked, ok1 := flow.PathOf(c.info, x)
		returned, ok2 := flow.PathOf(c.info, r.Results[0])
		if ok1 && ok2 && checked.Equal(returned) {
			return true
		}
	}
	return false
}
