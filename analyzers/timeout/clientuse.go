package timeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// What a client's uses show. Evidence is a request sent with no context,
// or an escape out of view; everything else (configuring the client,
// comparing it, sending requests that carry a context, sending requests
// whose origin is out of view) is no evidence.
type evidence struct {
	contextless string // the first request sent with no context, for messages
	at          string // where that request is sent (file.go:line)
	escape      string // the first escape out of view, for messages
	// public is the first escape to other packages through an exported
	// name (an exported variable, an exported function's result): of a
	// package-level client, those packages judge the uses they see, by
	// SharedClient facts
	public string
	set    bool // a helper visibly gives the client a Timeout
	sends  bool // some use in view sends a request with it
}

func (e *evidence) add(o evidence) {
	if e.contextless == "" {
		e.contextless, e.at = o.contextless, o.at
	}
	if e.escape == "" {
		e.escape = o.escape
	}
	if e.public == "" {
		e.public = o.public
	}
	e.set = e.set || o.set
	e.sends = e.sends || o.sends
}

// why returns the evidence for a message, and whether there is any. An
// escape is none: where a client goes out of view (returned, kept in an
// exported field, handed to a function that does not visibly send a
// request with no context through it), the code that sends its requests
// is where a finding belongs (tune6/tune7: go-github's Client() helpers,
// hcloud-go's handler chain, whose every request carries the caller's
// context).
func (e evidence) why() (string, bool) {
	if e.set || e.contextless == "" {
		return "", false
	}
	return e.contextless, true
}

// maxHops bounds how many stores (local variable, field), configure
// helpers and returns a client is followed through.
const maxHops = 6

// clientEvidence follows the client made at cur to its uses.
func (c *checker) clientEvidence(cur inspector.Cursor) (string, bool) {
	return c.valueEvidence(cur, 0).why()
}

// valueEvidence is the evidence of the client value of the expression at
// cur: where it is stored, or how it is used on the spot.
func (c *checker) valueEvidence(cur inspector.Cursor, hops int) evidence {
	if hops > maxHops {
		return evidence{}
	}
	if ev, stored := c.stored(cur, hops); stored {
		return ev
	}
	return c.useEvidence(cur, hops)
}

// storedEvidence is the evidence of a client that the expression at cur
// stores: of the location, or an escape if that cannot be followed.
func (c *checker) storedEvidence(cur inspector.Cursor, hops int) evidence {
	if hops > maxHops {
		return evidence{}
	}
	if ev, stored := c.stored(cur, hops); stored {
		return ev
	}
	return evidence{escape: "is stored where its requests cannot be seen"}
}

// stored returns the evidence of the location the expression at cur is
// stored into, if it is a field of a keyed literal or a path.
func (c *checker) stored(cur inspector.Cursor, hops int) (evidence, bool) {
	if f, ok := c.literalField(cur); ok {
		defer c.keep(cur)()
		return c.fieldEvidence(f, hops+1), true
	}
	if path, ok := c.target(cur); ok {
		defer c.keep(cur)()
		return c.pathEvidence(cur, path, hops+1), true
	}
	return evidence{}, false
}

// literalField returns the struct field that the expression at cur is
// the value of, in a keyed composite literal.
func (c *checker) literalField(cur inspector.Cursor) (*types.Var, bool) {
	cur = match.OuterParens(cur)
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur = cur.Parent()
	}
	if lit, ok := cur.Parent().Node().(*ast.CompositeLit); ok && cur.ParentEdgeKind() == edge.CompositeLit_Elts {
		// An unkeyed literal (pulsar-client-go's
		// &LocalDeviceCodeProvider{options, endpoints, transport}).
		t := c.info.TypeOf(lit)
		if t == nil {
			return nil, false
		}
		if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
			t = p.Elem()
		}
		st, ok := t.Underlying().(*types.Struct)
		i := cur.ParentEdgeIndex()
		if !ok || i >= st.NumFields() {
			return nil, false
		}
		return st.Field(i), true
	}
	kv, ok := cur.Parent().Node().(*ast.KeyValueExpr)
	if !ok || cur.ParentEdgeKind() != edge.KeyValueExpr_Value {
		return nil, false
	}
	if _, inLit := cur.Parent().Parent().Node().(*ast.CompositeLit); !inLit {
		return nil, false
	}
	key, ok := kv.Key.(*ast.Ident)
	if !ok {
		return nil, false
	}
	f, ok := c.info.ObjectOf(key).(*types.Var)
	return f, ok && f.IsField()
}

// pathEvidence is the evidence of a client stored at path.
func (c *checker) pathEvidence(cur inspector.Cursor, path flow.Path, hops int) evidence {
	if n := len(path.Fields); n > 0 {
		return c.fieldEvidence(path.Fields[n-1], hops)
	}
	v := path.Root
	if v.Parent() == c.pass.Pkg.Scope() {
		return c.globalEvidence(v, hops)
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return evidence{}
	}
	var ev evidence
	for _, use := range flow.Uses(c.info, body, v) {
		ev.add(c.useEvidence(use, hops))
	}
	return ev
}

// fieldEvidence is the evidence of a client stored in field f: the uses
// of the field in this package. A field of another package's struct is
// out of view; so is an exported one through which nothing here sends.
func (c *checker) fieldEvidence(f *types.Var, hops int) evidence {
	if f.Pkg() != c.pass.Pkg {
		if isContextSDK(f.Pkg()) {
			return evidence{} // the SDK's transport: its operations carry their contexts
		}
		if at, ok := c.contextlessField(f); ok {
			return evidence{sends: true, at: at, contextless: fmt.Sprintf("is stored in field %s of a %s struct, which sends it a request with no context at %s", f.Name(), f.Pkg().Name(), at)}
		}
		return evidence{escape: fmt.Sprintf("is stored in field %s of a %s struct, where its requests cannot be seen", f.Name(), f.Pkg().Name())}
	}
	ev, set := c.packageUses(f, hops)
	if set {
		return evidence{} // a setter or builder gives it a Timeout
	}
	if ev.contextless == "" && !ev.sends && f.Exported() {
		ev.escape = "is stored in exported field " + f.Name() + ", where its requests cannot be seen"
	}
	return ev
}

// globalEvidence is the evidence of a client stored in package-level
// variable v.
func (c *checker) globalEvidence(v *types.Var, hops int) evidence {
	ev, set := c.packageUses(v, hops)
	if set {
		return evidence{}
	}
	// A package-level client that other packages reach through an
	// exported name is shared: judged where they send through it, by
	// its SharedClient fact, and here only by a request sent with no
	// context. Where else it goes (another package, a function; mongo's
	// test hands it to assert.Equal) is out of view, no evidence (tune:
	// mongo-driver's httputil.DefaultHTTPClient, whose every request in
	// the module carries a context).
	if ev.public != "" || v.Exported() {
		ev.public, ev.escape = "", ""
	}
	return ev
}

// packageUses gathers the evidence of every use of obj (a field or a
// package-level variable) in the package, and whether any gives the
// client there a Timeout (a setter method or a builder:
// `b.client.Timeout = d`).
func (c *checker) packageUses(obj *types.Var, hops int) (ev evidence, set bool) {
	for cur := range c.root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if c.info.Uses[id] != obj {
			continue
		}
		use := cur
		if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
			use = cur.Parent()
		} else if cur.ParentEdgeKind() == edge.KeyValueExpr_Key {
			continue // a literal giving the field a value
		}
		ev.add(c.useEvidence(use, hops))
		if c.setsTimeout(use) && !c.storesIn(use, obj) {
			set = true
		}
	}
	return ev, set
}

// setsTimeout reports whether the client expression at cur is given a
// non-zero Timeout there: `x.Timeout = d`.
func (c *checker) setsTimeout(cur inspector.Cursor) bool {
	sel, ok := cur.Parent().Node().(*ast.SelectorExpr)
	if !ok || cur.ParentEdgeKind() != edge.SelectorExpr_X || sel.Sel.Name != "Timeout" {
		return false
	}
	as, ok := cur.Parent().Parent().Node().(*ast.AssignStmt)
	if !ok || cur.Parent().ParentEdgeKind() != edge.AssignStmt_Lhs {
		return false
	}
	i := cur.Parent().ParentEdgeIndex()
	return len(as.Lhs) != len(as.Rhs) || !flow.IsZeroConst(c.info, as.Rhs[i])
}

// useEvidence is the evidence of one use of a client: the expression at
// cur denotes the client.
func (c *checker) useEvidence(cur inspector.Cursor, hops int) evidence {
	cur = match.OuterParens(cur)
	switch p := cur.Parent().Node().(type) {
	case *ast.SelectorExpr:
		if cur.ParentEdgeKind() != edge.SelectorExpr_X {
			return evidence{}
		}
		if s, ok := c.info.Selections[p]; !ok || s.Kind() == types.FieldVal {
			return evidence{} // configuring the client (Timeout, Transport)
		}
		call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
		if !ok {
			return evidence{escape: "is used as a method value, where its requests cannot be seen"}
		}
		line := c.pass.Fset.Position(call.Pos()).Line
		if c.inTestCode(cur) && !c.inTestCode(c.origin) { // before any judgement (facts), origin is none
			switch p.Sel.Name {
			case "Get", "Head", "Post", "PostForm", "Do":
				// A test's request is no evidence against a client made
				// outside tests: it goes to the fixture the test
				// started, and go test -timeout bounds its wait
				// (oauth1's NewClient, whose only request with no
				// context is its test's Get of an httptest server).
				return evidence{sends: true}
			}
		}
		switch p.Sel.Name {
		case "Get", "Head", "Post", "PostForm":
			if c.otherInstance(cur) {
				return evidence{sends: true} // through another value's field
			}
			return evidence{sends: true, at: c.where(call.Pos()), contextless: fmt.Sprintf("sends a request with no context (%s on line %d)", p.Sel.Name, line)}
		case "Do":
			body, ok := flow.EnclosingFunc(cur)
			if ok && len(call.Args) == 1 && c.contextlessRequest(body, call.Args[0], 0) {
				if c.otherInstance(cur) {
					return evidence{sends: true} // through another value's field
				}
				return evidence{sends: true, at: c.where(call.Pos()), contextless: fmt.Sprintf("sends a request made by http.NewRequest, with no context (Do on line %d)", line)}
			}
			return evidence{sends: true}
		}
		return evidence{}
	case *ast.BinaryExpr:
		return evidence{} // a comparison
	case *ast.CompositeLit:
		if cur.ParentEdgeKind() == edge.CompositeLit_Elts {
			return c.storedEvidence(cur, hops) // an unkeyed struct literal's field
		}
	case *ast.AssignStmt, *ast.ValueSpec, *ast.KeyValueExpr:
		if cur.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return evidence{} // given a value, not used
		}
		return c.storedEvidence(cur, hops)
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return c.useEvidence(cur.Parent(), hops)
		}
	case *ast.StarExpr:
		return c.useEvidence(cur.Parent(), hops)
	case *ast.CallExpr:
		if cur.ParentEdgeKind() == edge.CallExpr_Args {
			_, idx := cur.ParentEdge()
			if fn := match.Callee(c.info, p); fn != nil {
				if set, _ := c.setsOn(fn, idx, "Timeout"); set {
					return evidence{set: true} // a helper gives it a Timeout
				}
			}
			if c.handedToContextSDK(cur.Parent()) {
				return evidence{} // the SDK's transport: its operations carry their contexts
			}
			if c.boundedCall(cur.Parent(), idx) {
				return evidence{sends: true} // kept where every request carries a context
			}
			if ev, ok := c.helperEvidence(cur, hops); ok {
				return ev // a helper that configures the client (and returns it)
			}
			name := "a function"
			fn := match.Callee(c.info, p)
			if fn != nil {
				name = fn.Name()
			}
			if at, ok := c.contextlessParam(fn, idx, hops); ok {
				// The function sends a request with no context through
				// the client (pulsar-client-go's NewTokenRetriever).
				return evidence{sends: true, at: at, contextless: fmt.Sprintf("is handed to %s, which sends it a request with no context at %s", name, at)}
			}
			if c.withContext(cur.Parent()) {
				return evidence{sends: true} // a helper that sends with a context
			}
			return evidence{escape: "is handed to " + name + " with no context, where its requests cannot be seen"}
		}
	case *ast.ReturnStmt:
		return c.returnedEvidence(cur, hops)
	}
	return evidence{escape: "escapes, where its requests cannot be seen"}
}

// withContext reports whether the call at cur also passes a context, or
// a request that carries one: the helper sends with it.
func (c *checker) withContext(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	body, ok := flow.EnclosingFunc(cur)
	for _, arg := range call.Args {
		t := c.info.TypeOf(arg)
		if match.IsType(t, "context.Context") {
			return true
		}
		if ok && match.IsTypeOrPointer(t, "net/http.Request") && c.requestHasContext(body, arg, 0) {
			return true
		}
	}
	return false
}

// contextlessRequest reports whether the *http.Request expression e is
// visibly made by http.NewRequest (or a helper of this package that
// returns what it makes) and never given a context: every value of a
// local variable is, and no WithContext or Clone of it is sent.
func (c *checker) contextlessRequest(body inspector.Cursor, e ast.Expr, depth int) bool {
	return c.everyRequest(body, e, depth, func(fn *types.Func) bool {
		return c.requestCall(fn, depth+1)
	})
}

// requestHasContext reports whether the *http.Request expression e is
// visibly given a context: made by http.NewRequestWithContext, or by
// WithContext or Clone, through local variables.
func (c *checker) requestHasContext(body inspector.Cursor, e ast.Expr, depth int) bool {
	return c.everyRequest(body, e, depth, func(fn *types.Func) bool {
		return match.IsFunc(fn, "net/http", "NewRequestWithContext") || match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone")
	})
}

// everyRequest reports whether every value of the request expression e
// is made by a call of a function that made accepts, through local
// variables.
func (c *checker) everyRequest(body inspector.Cursor, e ast.Expr, depth int, made func(*types.Func) bool) bool {
	calls, complete := c.madeBy(body, e, depth)
	if !complete {
		return false
	}
	for _, call := range calls {
		if !made(match.Callee(c.info, call)) {
			return false
		}
	}
	return true
}

// madeBy returns the calls whose results are the values of e: e itself,
// or what a local variable is given (through other local variables, to
// a depth of 4). complete is false when some value is not such a call
// or cannot be seen (a parameter, a multi-value assignment).
func (c *checker) madeBy(body inspector.Cursor, e ast.Expr, depth int) (calls []*ast.CallExpr, complete bool) {
	if depth > 4 {
		return nil, false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return []*ast.CallExpr{e}, true
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		if !ok {
			return nil, false
		}
		defs, ok := flow.Defs(c.info, body, v)
		if !ok {
			return nil, false
		}
		rewrap := c.rewrapped(body, v, e)
		complete = true
		for _, d := range defs {
			if d.Expr != nil && d.Expr.Pos() < rewrap {
				continue // replaced on every way to e
			}
			if d.Expr == nil || d.Index != 0 {
				complete = false
				continue
			}
			more, ok := c.madeBy(body, d.Expr, depth+1)
			calls = append(calls, more...)
			complete = complete && ok
		}
		return calls, complete
	}
	return nil, false
}

// rewrapped returns the position of the last statement before use that
// replaces the request in v by v.WithContext(...) or v.Clone(...) on
// every way to use: a statement of a block around use, in the same
// function (`req, _ := http.NewRequest(...); req = req.WithContext(ctx);
// client.Do(req)`). The values v was given before it do not reach use.
// NoPos when there is none.
func (c *checker) rewrapped(body inspector.Cursor, v *types.Var, use ast.Expr) token.Pos {
	ucur, ok := body.FindNode(use)
	if !ok {
		return token.NoPos
	}
	last := token.NoPos
	for b := range ucur.Enclosing((*ast.BlockStmt)(nil), (*ast.FuncLit)(nil)) {
		block, ok := b.Node().(*ast.BlockStmt)
		if !ok {
			break // a function literal runs when it is called
		}
		for _, st := range block.List {
			if st.End() > use.Pos() {
				break
			}
			as, ok := st.(*ast.AssignStmt)
			if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Pos() < last {
				continue
			}
			if id, ok := as.Lhs[0].(*ast.Ident); !ok || c.info.ObjectOf(id) != v {
				continue
			}
			call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
			if !ok || !match.IsMethod(match.Callee(c.info, call), "net/http", "Request", "WithContext", "Clone") {
				continue
			}
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if x, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[x] == v {
					last = as.Pos()
				}
			}
		}
		if b.Node() == body.Node() {
			break
		}
	}
	return last
}

// storesIn reports whether the function around cur stores a value in obj
// itself (`s.client = &http.Client{}`, `&service{client: ...}`): a
// Timeout set there belongs to that value, not to a setter that
// configures whatever client is kept in obj.
func (c *checker) storesIn(cur inspector.Cursor, obj *types.Var) bool {
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return true
	}
	for id := range body.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[id.Node().(*ast.Ident)] != obj {
			continue
		}
		switch id.ParentEdgeKind() {
		case edge.KeyValueExpr_Key:
			return true
		case edge.SelectorExpr_Sel:
			if id.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs {
				return true
			}
		case edge.AssignStmt_Lhs:
			return true
		}
	}
	return false
}
