package idempotency

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// funcFlow follows the requests of one function declaration, closures
// included (they share its variables).
type funcFlow struct {
	c       *checker
	fn      *types.Func
	decl    inspector.Cursor
	body    inspector.Cursor
	params  map[*types.Var]int
	locals  map[*types.Var]bool
	paths   map[*types.Var]*location // the locations used, by root variable
	classes []*class                 // the classes of those locations, in order of first use
	exprs   map[ast.Node]*class
	sends   []send
	posts   []post
	vias    []via // calls of functions that send an unkeyed write of their own
	returns []*class
	roots   map[*types.Var][]*class // classes held in fields of a local
	bare    map[*types.Var]bool     // locals used other than by field selection
	touched bool
}

func (c *checker) analyze(d inspector.Cursor) *funcFlow {
	fd := d.Node().(*ast.FuncDecl)
	f := &funcFlow{
		c:      c,
		decl:   d,
		body:   d.ChildAt(edge.FuncDecl_Body, -1),
		params: make(map[*types.Var]int),
		locals: make(map[*types.Var]bool),
		paths:  make(map[*types.Var]*location),
		exprs:  make(map[ast.Node]*class),
		roots:  make(map[*types.Var][]*class),
		bare:   make(map[*types.Var]bool),
	}
	f.fn, _ = c.info.Defs[fd.Name].(*types.Func)
	if f.fn != nil {
		sig := f.fn.Signature()
		for i := range sig.Params().Len() {
			if p := sig.Params().At(i); reqLike(p.Type()) {
				f.params[p] = i
			}
		}
	}
	// Variables whose every value is seen: declared with := or var, and
	// named results. Range variables, parameters of closures and
	// variables of enclosing scopes may hold values from out of view.
	for cur := range d.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.FuncType)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if v, ok := c.info.Defs[id].(*types.Var); ok {
							f.locals[v] = true
						}
					}
				}
			}
		case *ast.ValueSpec:
			for _, id := range n.Names {
				if v, ok := c.info.Defs[id].(*types.Var); ok && !isPkgLevel(v) {
					f.locals[v] = true
				}
			}
		case *ast.FuncType:
			if n.Results != nil {
				for _, fld := range n.Results.List {
					for _, id := range fld.Names {
						if v, ok := c.info.Defs[id].(*types.Var); ok {
							f.locals[v] = true
						}
					}
				}
			}
		}
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil),
		(*ast.RangeStmt)(nil), (*ast.ReturnStmt)(nil), (*ast.Ident)(nil)}
	for cur := range f.body.Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			f.assignStmt(n)
		case *ast.ValueSpec:
			for i, id := range n.Names {
				switch {
				case len(n.Values) == len(n.Names):
					f.assign(id, n.Values[i], 0, true)
				case len(n.Values) == 1:
					f.assign(id, n.Values[0], i, false)
				}
			}
		case *ast.CallExpr:
			f.call(cur, n)
		case *ast.CompositeLit:
			f.compositeLit(cur, n)
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil && reqLike(c.info.TypeOf(e)) {
					f.touched = true
					f.classOf(e).opaque = true
				}
			}
		case *ast.ReturnStmt:
			f.returnStmt(cur, n)
		case *ast.Ident:
			f.use(cur, n)
		}
	}
	// A request held in a field of a local struct is followed only as
	// long as the struct itself goes nowhere.
	for v, classes := range f.roots {
		if f.bare[v] {
			for _, cl := range classes {
				find(cl).maybe = true
			}
		}
	}
	return f
}

func isPkgLevel(v *types.Var) bool { return v.Pkg() != nil && v.Parent() == v.Pkg().Scope() }

func (f *funcFlow) typeOf(e ast.Expr) types.Type { return f.c.info.TypeOf(e) }

func (f *funcFlow) assignStmt(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN && as.Tok != token.DEFINE {
		return
	}
	switch {
	case len(as.Lhs) == len(as.Rhs):
		for i := range as.Lhs {
			f.assign(as.Lhs[i], as.Rhs[i], 0, true)
		}
	case len(as.Rhs) == 1:
		for i, l := range as.Lhs {
			f.assign(l, as.Rhs[0], i, false)
		}
	}
}

// assign follows the value of rhs (its idx-th result unless direct) into lhs.
func (f *funcFlow) assign(lhs, rhs ast.Expr, idx int, direct bool) {
	info := f.c.info
	lhs = ast.Unparen(lhs)
	// h[k] = v on a header
	if ix, ok := lhs.(*ast.IndexExpr); ok && match.IsType(info.TypeOf(ix.X), "net/http.Header") {
		f.keyEffect(f.classOf(ix.X), ix.Index)
		return
	}
	// req.Method = m
	if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Method" && reqLike(info.TypeOf(sel.X)) {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal && direct {
			f.touched = true
			cl := find(f.classOf(sel.X))
			if m, ok := match.ConstString(info, rhs); ok {
				cl.assigned = append(cl.assigned, m)
			} else {
				cl.methodUnknown = true
			}
			return
		}
	}
	var rt types.Type
	if direct {
		rt = info.TypeOf(rhs)
	} else if tup, ok := info.TypeOf(rhs).(*types.Tuple); ok && idx < tup.Len() {
		rt = tup.At(idx).Type()
	}
	if !reqLike(rt) {
		return
	}
	f.touched = true
	var from *class
	switch call, isCall := ast.Unparen(rhs).(*ast.CallExpr); {
	case direct:
		from = f.classOf(rhs)
	case isCall:
		from = f.callClass(call)
	default:
		from = &class{opaque: true} // comma-ok forms: a map, a channel, a type assertion
	}
	if id, ok := lhs.(*ast.Ident); ok && id.Name == "_" {
		return
	}
	if p, ok := flow.PathOf(info, lhs); ok {
		union(f.pathClass(p), from)
		return
	}
	find(from).maybe = true // stored where we cannot follow it
}

// call records what a call does to requests: sets a key, sends, or hands
// a request to code out of view.
func (f *funcFlow) call(cur inspector.Cursor, call *ast.CallExpr) {
	info := f.c.info
	fn := match.Callee(info, call)
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			recv = sel.X
		}
	}
	handled := make(map[int]bool)
	arg := func(i int) ast.Expr {
		if i < len(call.Args) {
			handled[i] = true
			return call.Args[i]
		}
		return nil
	}
	switch {
	case fn == nil:
	case match.IsMethod(fn, httpPkg, "Header", "Set", "Add"):
		if k := arg(0); k != nil && recv != nil {
			f.keyEffect(f.classOf(recv), k)
		}
	case isRestyMethod(fn, "SetHeader", "SetHeaderVerbatim"):
		if k := arg(0); k != nil && recv != nil {
			f.keyEffect(f.classOf(recv), k)
		}
	case isRestyMethod(fn, "SetHeaders", "SetHeaderMultiValues"):
		if m := arg(0); m != nil && recv != nil {
			f.touched = true
			f.mapKeyEffect(f.classOf(recv), m)
		}
	case match.IsMethod(fn, httpPkg, "Client", "Do"), match.IsMethod(fn, httpPkg, "RoundTripper", "RoundTrip"), match.IsMethod(fn, httpPkg, "Transport", "RoundTrip"):
		if r := arg(0); r != nil {
			f.addSend(cur, call, r, "", "")
		}
	case match.IsMethod(fn, retryPkg, "Client", "Do"):
		if r := arg(0); r != nil {
			f.addSend(cur, call, r, "", "go-retryablehttp")
		}
	case isRestyMethod(fn, "Post", "Patch"):
		if recv != nil {
			f.addSend(cur, call, recv, strings.ToUpper(fn.Name()), "")
			f.sendURL(call, 0)
		}
	case isRestyMethod(fn, "Execute"):
		if m := arg(0); m != nil && recv != nil {
			if s, ok := match.ConstString(info, m); ok {
				f.addSend(cur, call, recv, s, "")
				f.sendURL(call, 1)
			}
		}
	case match.IsFunc(fn, httpPkg, "Post", "PostForm"), match.IsMethod(fn, httpPkg, "Client", "Post", "PostForm"):
		f.addPost(cur, call, fn, "")
	case match.IsFunc(fn, retryPkg, "Post", "PostForm"), match.IsMethod(fn, retryPkg, "Client", "Post", "PostForm"):
		f.addPost(cur, call, fn, "go-retryablehttp")
	default:
		if isMethodExpr(info, call) {
			break
		}
		if sk := f.c.setsKeyOf(fn); sk != nil {
			for _, p := range sk.Params {
				if a := arg(p.Index); a != nil {
					f.touched = true
					cl := find(f.classOf(a))
					if p.Maybe {
						cl.maybe = true
					} else {
						cl.keyed = true
					}
				}
			}
		}
		if sr := f.c.sendsOf(fn); sr != nil {
			retrier := ""
			if sr.Retried {
				retrier = fn.Name()
			}
			for _, i := range sr.Params {
				if a := arg(i); a != nil {
					f.addSend(cur, call, a, "", retrier)
					f.sends[len(f.sends)-1].sender = fn
				}
			}
		}
		if sw := f.c.writesOf(fn); sw != nil {
			f.touched = true
			f.vias = append(f.vias, via{call: call, cur: cur, callee: fn, fact: sw})
		}
	}
	for i, a := range call.Args {
		if handled[i] || !reqLike(info.TypeOf(a)) {
			continue
		}
		f.touched = true
		if !f.harmless(fn, i) {
			find(f.classOf(a)).maybe = true
		}
	}
}

// sendURL records the URL of the last send, given as argument i of call.
func (f *funcFlow) sendURL(call *ast.CallExpr, i int) {
	if i < len(call.Args) {
		sd := &f.sends[len(f.sends)-1]
		sd.paths, sd.pathParams = f.urlOf(call.Args[i], 0)
		sd.url = call.Args[i]
	}
}

// addPost records a call of a client function that sends a POST without
// a header (http.Post), its URL the first argument.
func (f *funcFlow) addPost(cur inspector.Cursor, call *ast.CallExpr, fn *types.Func, retrier string) {
	f.touched = true
	p := post{call: call, cur: cur, name: funcName(fn), retrier: retrier}
	if len(call.Args) > 0 {
		p.paths, p.pathParams = f.urlOf(call.Args[0], 0)
	}
	if fn.Name() == "Post" { // Post(url, contentType, body); PostForm's form has no identity
		p.body = f.bodyIdentity(argAt(call, 2))
	}
	f.posts = append(f.posts, p)
}

func (f *funcFlow) addSend(cur inspector.Cursor, call *ast.CallExpr, req ast.Expr, method, retrier string) {
	f.touched = true
	f.sends = append(f.sends, send{call: call, cur: cur, cls: f.classOf(req), method: method, retrier: retrier})
}

// compositeLit follows requests stored in fields of a struct literal that
// is itself stored in a local variable.
func (f *funcFlow) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	info := f.c.info
	t := info.TypeOf(lit)
	if match.IsType(t, "net/http.Request") || match.IsType(t, "net/http.Header") || match.IsType(t, retryPkg+".Request") {
		return // litClass follows these
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		var val ast.Expr = elt
		if ok {
			val = kv.Value
		}
		if !reqLike(info.TypeOf(val)) {
			continue
		}
		f.touched = true
		var key *ast.Ident
		if ok {
			key, _ = kv.Key.(*ast.Ident)
		}
		if key == nil {
			find(f.classOf(val)).maybe = true
			continue
		}
		fld, isField := info.ObjectOf(key).(*types.Var)
		tgt, stored := flow.Target(info, cur)
		if !isField || !fld.IsField() || !stored {
			find(f.classOf(val)).maybe = true
			continue
		}
		union(f.pathClass(flow.Path{Root: tgt.Root, Fields: append(slices.Clip(tgt.Fields), fld)}), f.classOf(val))
	}
}

// returnStmt records the requests the function returns.
func (f *funcFlow) returnStmt(cur inspector.Cursor, ret *ast.ReturnStmt) {
	if f.fn == nil {
		return
	}
	if encl, ok := match.InnermostFunc(cur); !ok || encl.Node() != f.decl.Node() {
		return // a closure's return
	}
	results := f.fn.Signature().Results()
	idx := -1
	for i := range results.Len() {
		if reqLike(results.At(i).Type()) && !match.IsType(results.At(i).Type(), "net/http.Header") {
			idx = i
			break
		}
	}
	if idx < 0 {
		return
	}
	f.touched = true
	switch {
	case len(ret.Results) == 0:
		if v := results.At(idx); v.Name() != "" {
			f.returns = append(f.returns, f.pathClass(flow.Path{Root: v}))
		}
	case len(ret.Results) == results.Len():
		e := ret.Results[idx]
		if tv, ok := f.c.info.Types[e]; ok && tv.IsNil() {
			return
		}
		f.returns = append(f.returns, f.classOf(e))
	case len(ret.Results) == 1:
		if call, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr); ok {
			f.returns = append(f.returns, f.callClass(call))
		} else {
			f.returns = append(f.returns, &class{opaque: true})
		}
	}
}

// use checks the context of each use of a variable that holds a request:
// any use that none of the other steps follows lets the request go out of
// view, where a key may be set.
func (f *funcFlow) use(cur inspector.Cursor, id *ast.Ident) {
	info := f.c.info
	v, ok := info.Uses[id].(*types.Var)
	if !ok || v.IsField() {
		return
	}
	// Climb the chain of field selections (s.req.Header), remembering the
	// longest prefix that is a request or header.
	top, last := cur, inspector.Cursor{}
	lastSet := false
	if reqLike(v.Type()) {
		last, lastSet = cur, true
	}
	for {
		p := top.Parent()
		switch pn := p.Node().(type) {
		case *ast.ParenExpr, *ast.StarExpr:
			top = p
			continue
		case *ast.SelectorExpr:
			if top.ParentEdgeKind() == edge.SelectorExpr_X {
				if s, ok := info.Selections[pn]; ok && s.Kind() == types.FieldVal {
					top = p
					if reqLike(info.TypeOf(pn)) {
						last, lastSet = p, true
					}
					continue
				}
			}
		}
		break
	}
	if top == cur && !reqLike(v.Type()) {
		if f.locals[v] {
			if _, isSel := cur.Parent().Node().(*ast.SelectorExpr); !isSel || cur.ParentEdgeKind() != edge.SelectorExpr_X {
				f.bare[v] = true // a struct that may carry a request goes elsewhere
			} else if s, ok := info.Selections[cur.Parent().Node().(*ast.SelectorExpr)]; ok && s.Kind() != types.FieldVal {
				f.bare[v] = true // a method of the struct may change its request
			}
		}
		return
	}
	if !lastSet {
		return
	}
	f.touched = true
	if last != top {
		return // a field of the request is read or assigned (req.URL, req.Method)
	}
	at := last
	for {
		if _, ok := at.Parent().Node().(*ast.ParenExpr); ok {
			at = at.Parent()
			continue
		}
		break
	}
	expr := last.Node().(ast.Expr)
	switch p := at.Parent().Node().(type) {
	case *ast.SelectorExpr: // a method of the request or header
		if call, ok := at.Parent().Parent().Node().(*ast.CallExpr); ok && call.Fun == p {
			return // call follows it
		}
		find(f.classOf(expr)).maybe = true // a method value
	case *ast.CallExpr, *ast.AssignStmt, *ast.ValueSpec, *ast.ReturnStmt, *ast.KeyValueExpr, *ast.BinaryExpr, *ast.RangeStmt, *ast.IndexExpr:
		// followed by call, assign, returnStmt, compositeLit and litClass;
		// comparisons, ranging over a header and reading it change nothing.
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			find(f.classOf(expr)).opaque = true // the variable can be changed through the pointer
		}
	case *ast.CompositeLit:
		// positional element: compositeLit
	default:
		find(f.classOf(expr)).maybe = true
	}
}
