package timeout

import (
	"fmt"
	"go/ast"
	"go/types"
	"iter"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// A BoundedClients is the fact that an exported function uses the
// clients it is given as some of its parameters only where every
// request is sent with a context, or forwarded by a RoundTrip (kept in
// fields, sent, handed on to such functions); on an exported struct
// field, that every client given to the field is used so (held-out
// round 4: olivere/elastic's SetHttpClient keeps its Doer for requests
// sent with req.WithContext(ctx); its AWS signing clients keep the
// caller's client as the inner client of a signing RoundTripper; tune:
// smallstep's webhook client, kept by an option closure, copied into
// provisioner.Config and sent by a DoWithContext that builds every
// request with NewRequestWithContext). A client handed to such a
// parameter or field is bounded by those contexts, in whichever package
// the call or literal is.
type BoundedClients struct {
	Params []int // the indices of the parameters
}

// AFact marks BoundedClients as a fact.
func (*BoundedClients) AFact() {}

func (f *BoundedClients) String() string {
	if f.Params == nil {
		return "bounded client field"
	}
	return fmt.Sprintf("bounded clients %v", f.Params)
}

// boundedParam reports whether fn uses the client given as its
// parameter i only where every request carries a context or is forwarded
// by a RoundTrip (boundedUse), and sends or keeps it somewhere: computed
// for a function of this package, read from a BoundedClients fact for
// another's.
func (c *checker) boundedParam(fn *types.Func, i int) bool {
	if fn == nil || fn.Pkg() == nil || i < 0 {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		var f BoundedClients
		return c.pass.ImportObjectFact(fn, &f) && slices.Contains(f.Params, i)
	}
	param, body, ok := c.clientParam(fn, i)
	if !ok {
		return false
	}
	if b, ok := c.bounded[param]; ok {
		return b
	}
	c.bounded[param] = false // in progress
	b, sends := true, false
	for _, use := range flow.Uses(c.info, body, param) {
		ok, sent := c.boundedUse(use, 0)
		if !ok {
			b = false
			break
		}
		sends = sends || sent
	}
	c.bounded[param] = b && sends
	return b && sends
}

// exportBoundedClients exports the BoundedClients facts of the package's
// exported functions and methods that take a client.
func (c *checker) exportBoundedClients() {
	for fn := range match.FuncDecls(c.pass.Files, c.info) {
		if !fn.Exported() {
			continue
		}
		var bounded []int
		params := fn.Signature().Params()
		for i := range params.Len() {
			if isClientType(params.At(i).Type()) && c.boundedParam(fn, i) {
				bounded = append(bounded, i)
			}
		}
		if len(bounded) > 0 {
			c.pass.ExportObjectFact(fn, &BoundedClients{Params: bounded})
		}
	}
	// The exported client fields of the package's struct types, which
	// other packages give values (smallstep's provisioner.Config's
	// WebhookClient, which a Controller keeps for webhook requests sent
	// with NewRequestWithContext).
	for f := range c.exportedClientFields() {
		if c.boundedField(f) {
			c.pass.ExportObjectFact(f, &BoundedClients{})
		}
	}
}

// exportedClientFields yields the exported client fields (isClientType)
// of the package's struct types.
func (c *checker) exportedClientFields() iter.Seq[*types.Var] {
	return func(yield func(*types.Var) bool) {
		scope := c.pass.Pkg.Scope()
		for _, name := range scope.Names() {
			tn, ok := scope.Lookup(name).(*types.TypeName)
			if !ok || tn.IsAlias() {
				continue
			}
			st, ok := tn.Type().Underlying().(*types.Struct)
			if !ok {
				continue
			}
			for f := range st.Fields() {
				if f.Exported() && isClientType(f.Type()) && !yield(f) {
					return
				}
			}
		}
	}
}

// isClientType reports whether t is an http.Client, a pointer to one, or
// an interface with a Do(*http.Request) method (a Doer).
func isClientType(t types.Type) bool {
	if match.IsTypeOrPointer(t, "net/http.Client") {
		return true
	}
	iface, ok := types.Unalias(t).Underlying().(*types.Interface)
	if !ok {
		return false
	}
	for m := range iface.Methods() {
		if m.Name() == "Do" && m.Signature().Params().Len() == 1 && match.IsTypeOrPointer(m.Signature().Params().At(0).Type(), "net/http.Request") {
			return true
		}
	}
	return false
}

// boundedCall reports whether the call at cur hands its argument arg, a
// client, to a parameter that boundedParam accepts, with no context
// argument that is visibly context.Background() or context.TODO(): the
// callee's requests carry the contexts it is given (slack-go's
// PostWebhook hands http.DefaultClient with context.Background() to a
// helper that sends with NewRequestWithContext, and stays reported).
func (c *checker) boundedCall(cur inspector.Cursor, arg int) bool {
	call := cur.Node().(*ast.CallExpr)
	if !c.boundedParam(match.Callee(c.info, call), arg) {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	for _, a := range call.Args {
		if match.IsType(c.info.TypeOf(a), "context.Context") && c.emptyContext(body, a) {
			return false
		}
	}
	return true
}

// clientParam returns fn's parameter i and fn's body, fn a function of
// this package declared with a body, not variadic in i.
func (c *checker) clientParam(fn *types.Func, i int) (*types.Var, inspector.Cursor, bool) {
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return nil, inspector.Cursor{}, false
	}
	if i >= sig.Params().Len() || (sig.Variadic() && i >= sig.Params().Len()-1) {
		return nil, inspector.Cursor{}, false
	}
	param := sig.Params().At(i)
	if param.Name() == "" || param.Name() == "_" {
		return nil, inspector.Cursor{}, false
	}
	body, ok := c.sites.Body(fn)
	if !ok {
		return nil, inspector.Cursor{}, false
	}
	return param, body, true
}

// boundedField reports whether every request sent through field f, in
// this package, carries a context or is forwarded: f is otherwise only
// given values, compared, or configured, and some request is sent
// through it in view. A Do is bounded when its request is visibly given
// a context on its way (http.NewRequestWithContext, WithContext,
// Clone), or when it is made in a RoundTrip method, which forwards the
// request of the client whose transport it is, with that request's
// context: the wait is that outer client's to bound. Get, Head, Post
// and PostForm take no context; any other use (the field stored
// elsewhere, returned, handed on) is out of view.
func (c *checker) boundedField(f *types.Var) bool {
	f = f.Origin()
	if f.Pkg() == nil {
		return false
	}
	if f.Pkg() != c.pass.Pkg {
		var fact BoundedClients
		return c.pass.ImportObjectFact(f, &fact)
	}
	if b, ok := c.bounded[f]; ok {
		return b
	}
	c.bounded[f] = false // in progress
	b := c.fieldSendsBounded(f)
	c.bounded[f] = b
	return b
}

func (c *checker) fieldSendsBounded(f *types.Var) bool {
	sends := false
	for cur := range c.root.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[cur.Node().(*ast.Ident)] != f {
			continue
		}
		use := cur
		switch cur.ParentEdgeKind() {
		case edge.SelectorExpr_Sel:
			use = cur.Parent()
		case edge.KeyValueExpr_Key:
			continue // a literal giving the field a value: judged on its own
		}
		ok, sent := c.boundedUse(use, 0)
		if !ok {
			return false
		}
		sends = sends || sent
	}
	return sends
}

// boundedUse reports whether the client expression at cur is used there
// only in ways that send no request out of a context's reach, and
// whether it sends (or hands the client to where it is sent): compared,
// configured, given a value, asked for its transport by a type
// assertion to an interface that cannot send, a Do whose request carries
// a context or is forwarded by a RoundTrip, or kept where every request
// does (a field of this package, a local variable, a parameter of a
// function, judged in turn, or another package's field or function with
// a BoundedClients fact). Get, Head, Post and PostForm take no context;
// any other use is out of view.
func (c *checker) boundedUse(use inspector.Cursor, depth int) (ok, sends bool) {
	if depth > maxHops {
		return false, false
	}
	use = match.OuterParens(use)
	if c.inTestCode(use) && !c.inTestCode(c.origin) {
		// A test's use sends to its fixtures, bounded by go test
		// -timeout: no evidence against a client kept outside tests
		// (useEvidence).
		return true, false
	}
	switch p := use.Parent().Node().(type) {
	case *ast.AssignStmt:
		if use.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return true, false // given a value
		}
		if len(p.Lhs) != len(p.Rhs) {
			return false, false
		}
		path, ok := flow.PathOf(c.info, p.Lhs[use.ParentEdgeIndex()])
		if !ok {
			return false, false
		}
		return c.boundedStore(use, path, depth)
	case *ast.ValueSpec:
		if use.ParentEdgeKind() != edge.ValueSpec_Values || len(p.Names) != len(p.Values) {
			return false, false
		}
		path, ok := flow.PathOf(c.info, p.Names[use.ParentEdgeIndex()])
		if !ok {
			return false, false
		}
		return c.boundedStore(use, path, depth)
	case *ast.KeyValueExpr:
		f, ok := c.literalField(use)
		if !ok {
			return false, false
		}
		b := c.boundedField(f)
		return b, b
	case *ast.BinaryExpr:
		return true, false
	case *ast.TypeAssertExpr:
		// The client's transport, asked for (poolhttp.Transporter): a view
		// of it that has no method that sends.
		if p.Type == nil {
			return false, false // a type switch
		}
		t := c.info.TypeOf(p.Type)
		if t == nil || !types.IsInterface(t) {
			return false, false
		}
		for _, m := range clientSends {
			if obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, m); obj != nil {
				return false, false
			}
		}
		return true, false
	case *ast.CallExpr:
		if use.ParentEdgeKind() != edge.CallExpr_Args {
			return false, false
		}
		_, idx := use.ParentEdge()
		b := c.boundedCall(use.Parent(), idx)
		return b, b
	case *ast.SelectorExpr:
		if use.ParentEdgeKind() != edge.SelectorExpr_X {
			return false, false
		}
		s, ok := c.info.Selections[p]
		if !ok {
			return false, false
		}
		if s.Kind() == types.FieldVal {
			return true, false // configuring the client
		}
		if !slices.Contains(clientSends, p.Sel.Name) {
			return true, false // CloseIdleConnections and the like
		}
		call, ok := use.Parent().Parent().Node().(*ast.CallExpr)
		if !ok || p.Sel.Name != "Do" || len(call.Args) != 1 {
			return false, false
		}
		body, ok := flow.EnclosingFunc(use)
		if !ok {
			return false, false
		}
		if req, ok := roundTripRequest(c.info, use); !(ok && c.forwarded(body, call.Args[0], req, 0)) && !c.requestGivenContext(body, call.Args[0]) {
			return false, false
		}
		return true, true
	}
	return false, false
}

// boundedStore is boundedUse for a client stored at path: a field, or a
// local variable followed to its uses in the function.
func (c *checker) boundedStore(cur inspector.Cursor, path flow.Path, depth int) (ok, sends bool) {
	if n := len(path.Fields); n > 0 {
		b := c.boundedField(path.Fields[n-1])
		return b, b
	}
	if path.Root.Parent() == c.pass.Pkg.Scope() || path.Root.Parent() == nil {
		return false, false // a package-level variable: out of this walk
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false, false
	}
	for _, u := range flow.Uses(c.info, body, path.Root) {
		ok, sent := c.boundedUse(u, depth+1)
		if !ok {
			return false, false
		}
		sends = sends || sent
	}
	return true, sends
}

// requestGivenContext reports whether some value of the request
// expression e is, through local variables, given a context that is not
// visibly context.Background() or context.TODO():
// http.NewRequestWithContext, WithContext or Clone (elastic's `req =
// req.WithContext(ctx); c.c.Do(req)`).
func (c *checker) requestGivenContext(body inspector.Cursor, e ast.Expr) bool {
	calls, _ := c.madeBy(body, e, 0)
	return slices.ContainsFunc(calls, func(call *ast.CallExpr) bool {
		fn := match.Callee(c.info, call)
		given := match.IsFunc(fn, "net/http", "NewRequestWithContext") || match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone")
		// context.Background() or TODO() bounds nothing
		return given && len(call.Args) > 0 && !c.emptyContext(body, call.Args[0])
	})
}

// roundTripRequest returns the request parameter of the RoundTrip
// method, with http.RoundTripper's signature, whose body cur is in.
func roundTripRequest(info *types.Info, cur inspector.Cursor) (*types.Var, bool) {
	for fc := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, ok := info.Defs[fc.Node().(*ast.FuncDecl).Name].(*types.Func)
		if !ok || !isRoundTrip(fn) {
			return nil, false
		}
		return fn.Signature().Params().At(0), true
	}
	return nil, false
}

// isRoundTrip reports whether fn is a RoundTrip method with
// http.RoundTripper's signature.
func isRoundTrip(fn *types.Func) bool {
	sig := fn.Signature()
	return sig.Recv() != nil && fn.Name() == "RoundTrip" &&
		sig.Params().Len() == 1 && match.IsTypeOrPointer(sig.Params().At(0).Type(), "net/http.Request") && match.IsPointer(sig.Params().At(0).Type()) &&
		sig.Results().Len() == 2 && match.IsTypeOrPointer(sig.Results().At(0).Type(), "net/http.Response")
}

// forwarded reports whether the request expression e, in a RoundTrip
// whose request parameter is req, is that request handed on: req
// itself, a call that takes it (a signer, WithContext, Clone), or a
// local variable given only those. A request made by http.NewRequest
// there (a token fetch) is the transport's own, and is not.
func (c *checker) forwarded(body inspector.Cursor, e ast.Expr, req *types.Var, depth int) bool {
	if depth > 4 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if v == req {
			return true
		}
		defs, ok := flow.Defs(c.info, body, v)
		if !ok {
			return false
		}
		for _, d := range defs {
			if d.Expr == nil || d.Index != 0 || !c.forwarded(body, d.Expr, req, depth+1) {
				return false
			}
		}
		return true
	case *ast.CallExpr:
		if match.IsFunc(match.Callee(c.info, e), "net/http", "NewRequest", "NewRequestWithContext") {
			return false
		}
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok && c.forwarded(body, sel.X, req, depth+1) {
			return true // req.WithContext(ctx), req.Clone(ctx)
		}
		for _, a := range e.Args {
			if c.forwarded(body, a, req, depth+1) {
				return true
			}
		}
	}
	return false
}

// delegatingTransport reports whether the client literal's Transport is
// a value of a type of this package whose RoundTrip sends through a
// client kept in one of its fields (Do on the field), and the literal
// gives that field a parameter of the enclosing function: every request
// of the outer client is sent again by the caller's client, whose
// Timeout is out of view (held-out round 4: elastic's
// NewV4SigningClientWithHTTPClient). A transport that wraps a
// RoundTripper, which has no Timeout, is not one.
func (c *checker) delegatingTransport(cur inspector.Cursor, lit *ast.CompositeLit, t types.Type) bool {
	inner := match.CompositeLit(fieldValue(lit, t, "Transport"))
	if inner == nil {
		return false
	}
	obj, _, _ := types.LookupFieldOrMethod(c.info.TypeOf(inner), true, c.pass.Pkg, "RoundTrip")
	rt, ok := obj.(*types.Func)
	if !ok || rt.Pkg() != c.pass.Pkg || !isRoundTrip(rt) {
		return false
	}
	rtBody, ok := c.sites.Body(rt)
	if !ok {
		return false
	}
	fc, ok := match.InnermostFunc(cur)
	if !ok {
		return false
	}
	outer, _ := match.FuncParts(fc.Node())
	for _, fv := range match.LiteralFields(c.info, inner) {
		id, ok := ast.Unparen(fv.Value).(*ast.Ident)
		if !ok || !isClientType(fv.Field.Type()) {
			continue
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok || v.Pos() < outer.Params.Pos() || v.Pos() >= outer.Params.End() {
			continue // not a parameter: its origin is in view
		}
		if c.forwardsThrough(rtBody, rt.Signature().Params().At(0), fv.Field) {
			return true
		}
	}
	return false
}

// forwardsThrough reports whether the RoundTrip body, whose request
// parameter is req, hands that request on to field f's Do
// (x.f.Do(sign(req))).
func (c *checker) forwardsThrough(body inspector.Cursor, req, f *types.Var) bool {
	for cur := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Do" || len(call.Args) != 1 {
			continue
		}
		if inner, ok := ast.Unparen(sel.X).(*ast.SelectorExpr); ok {
			if v, ok := c.info.Uses[inner.Sel].(*types.Var); ok && v.Origin() == f && c.forwarded(body, call.Args[0], req, 0) {
				return true
			}
		}
	}
	return false
}
