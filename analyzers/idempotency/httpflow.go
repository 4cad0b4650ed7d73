package idempotency

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// Packages whose requests the analyzer follows.
const (
	httpPkg  = "net/http"
	retryPkg = "github.com/hashicorp/go-retryablehttp"
)

var restyPkgs = []string{"github.com/go-resty/resty/v2", "resty.dev/v3"}

// isWrite reports whether an HTTP method is neither safe nor idempotent
// (RFC 9110): repeating it may repeat its effect.
func isWrite(method string) bool { return method == "POST" || method == "PATCH" }

// reqLike reports whether t is a request or header the analyzer follows:
// *http.Request, http.Header, go-retryablehttp's and resty's requests.
func reqLike(t types.Type) bool {
	if t == nil {
		return false
	}
	if match.IsTypeOrPointer(t, "net/http.Request") || match.IsType(t, "net/http.Header") || match.IsTypeOrPointer(t, retryPkg+".Request") {
		return true
	}
	for _, p := range restyPkgs {
		if match.IsTypeOrPointer(t, p+".Request") {
			return true
		}
	}
	return false
}

func isRestyMethod(fn *types.Func, names ...string) bool {
	for _, p := range restyPkgs {
		if match.IsMethod(fn, p, "Request", names...) {
			return true
		}
	}
	return false
}

// A class is a set of expressions and locations that hold the same request
// (or its header map), with what is known about it. Classes are merged
// when a value flows from one location to another; the analysis is
// flow-insensitive, so a key set anywhere in the function counts.
type class struct {
	up *class

	origins       []origin // where the request was made
	assigned      []string // constant methods assigned to its Method field
	methodUnknown bool     // Method assigned a non-constant
	keyed         bool     // an idempotency header is set on it
	maybe         bool     // a header may be set out of view
	opaque        bool     // it may come from out of view
	params        []int    // it is (also) this function's parameter
}

// An origin is where a request is made.
type origin struct {
	method string
	param  int  // method is the value of this parameter; -1 if none
	known  bool // method is a constant (or param >= 0)
}

func find(c *class) *class {
	for c.up != nil {
		if c.up.up != nil {
			c.up = c.up.up
		}
		c = c.up
	}
	return c
}

func union(a, b *class) {
	a, b = find(a), find(b)
	if a == b {
		return
	}
	b.up = a
	a.origins = append(a.origins, b.origins...)
	a.assigned = append(a.assigned, b.assigned...)
	a.methodUnknown = a.methodUnknown || b.methodUnknown
	a.keyed = a.keyed || b.keyed
	a.maybe = a.maybe || b.maybe
	a.opaque = a.opaque || b.opaque
	a.params = append(a.params, b.params...)
}

// A send is a call that sends a request.
type send struct {
	call    *ast.CallExpr
	cur     inspector.Cursor
	cls     *class
	method  string // the method, when the send names it (resty's Post)
	retrier string // what retries the send, if known from the callee
}

// A post is a call that makes a POST request that cannot carry a header.
type post struct {
	call    *ast.CallExpr
	name    string
	retrier string
}

// summary is what a function of the package tells its callers: the
// package's facts, before they are exported.
type summary struct {
	sets    SetsKey
	sends   SendsRequest
	returns *ReturnsRequest
}

func (s *summary) String() string {
	if s == nil {
		return ""
	}
	r := ""
	if s.returns != nil {
		r = s.returns.String()
	}
	return s.sets.String() + s.sends.String() + r
}

// httpRequests follows the requests of every function of the package,
// computes the functions' summaries to a fixed point (helpers call
// helpers), exports them as facts and reports unkeyed writes.
func (c *checker) httpRequests() {
	var decls []inspector.Cursor
	for file := range c.insp.Root().Children() {
		for d := range file.Children() {
			if fd, ok := d.Node().(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, d)
			}
		}
	}
	c.sums = make(map[*types.Func]*summary)
	flows := make([]*funcFlow, len(decls))
	active := make([]bool, len(decls))
	for i := range active {
		active[i] = true
	}
	for round := 0; round < 8; round++ {
		changed := false
		for i, d := range decls {
			if !active[i] {
				continue
			}
			f := c.analyze(d)
			flows[i] = f
			if !f.touched {
				active[i] = false // no request in view: nothing can change
				continue
			}
			if f.fn == nil {
				continue
			}
			s := f.summary()
			if s.String() != c.sums[f.fn].String() {
				c.sums[f.fn] = s
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, s := range c.sums {
		if len(s.sets.Params) > 0 {
			c.pass.ExportObjectFact(fn, &s.sets)
		}
		if len(s.sends.Params) > 0 {
			c.pass.ExportObjectFact(fn, &s.sends)
		}
		if s.returns != nil {
			c.pass.ExportObjectFact(fn, s.returns)
		}
	}
	for _, f := range flows {
		if f != nil && f.touched {
			f.report()
		}
	}
}

// setsKeyOf, sendsOf and returnsOf return what is known of fn: from the
// package's own summaries or from facts.
func (c *checker) setsKeyOf(fn *types.Func) *SetsKey {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if s := c.sums[fn]; s != nil && len(s.sets.Params) > 0 {
			return &s.sets
		}
		return nil
	}
	f := new(SetsKey)
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

func (c *checker) sendsOf(fn *types.Func) *SendsRequest {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if s := c.sums[fn]; s != nil && len(s.sends.Params) > 0 {
			return &s.sends
		}
		return nil
	}
	f := new(SendsRequest)
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

func (c *checker) returnsOf(fn *types.Func) *ReturnsRequest {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if s := c.sums[fn]; s != nil {
			return s.returns
		}
		return nil
	}
	f := new(ReturnsRequest)
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// funcFlow follows the requests of one function declaration, closures
// included (they share its variables).
type funcFlow struct {
	c       *checker
	fn      *types.Func
	decl    inspector.Cursor
	body    inspector.Cursor
	params  map[*types.Var]int
	locals  map[*types.Var]bool
	paths   map[string]*class
	exprs   map[ast.Node]*class
	sends   []send
	posts   []post
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
		paths:  make(map[string]*class),
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

// pathKey identifies a location by its objects.
func pathKey(p flow.Path) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%p", p.Root)
	for _, fl := range p.Fields {
		fmt.Fprintf(&b, ".%p", fl)
	}
	return b.String()
}

// normalize maps the header of a request, and the *http.Request inside a
// retryablehttp.Request, to the request itself.
func normalize(p flow.Path) flow.Path {
	for len(p.Fields) > 0 {
		last := p.Fields[len(p.Fields)-1]
		prefix := p.Root.Type()
		if n := len(p.Fields); n > 1 {
			prefix = p.Fields[n-2].Type()
		}
		if !reqLike(prefix) {
			break
		}
		if match.IsType(last.Type(), "net/http.Header") || (last.Name() == "Request" && match.IsTypeOrPointer(last.Type(), "net/http.Request")) {
			p.Fields = p.Fields[:len(p.Fields)-1]
			continue
		}
		break
	}
	return p
}

func (f *funcFlow) pathClass(p flow.Path) *class {
	p = normalize(p)
	key := pathKey(p)
	if cl, ok := f.paths[key]; ok {
		return cl
	}
	cl := &class{}
	switch {
	case len(p.Fields) == 0:
		if i, ok := f.params[p.Root]; ok {
			cl.params = []int{i}
		} else if !f.locals[p.Root] {
			cl.opaque = true
		}
	case f.locals[p.Root]:
		f.roots[p.Root] = append(f.roots[p.Root], cl)
	default:
		cl.opaque = true
	}
	f.paths[key] = cl
	return cl
}

// classOf returns the class of the request or header that e denotes.
func (f *funcFlow) classOf(e ast.Expr) *class {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.StarExpr:
		return f.classOf(x.X)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.classOf(x.X)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if p, ok := flow.PathOf(f.c.info, x); ok {
			return f.pathClass(p)
		}
	case *ast.CallExpr:
		return f.callClass(x)
	case *ast.CompositeLit:
		return f.litClass(x)
	}
	if cl, ok := f.exprs[e]; ok {
		return cl
	}
	cl := &class{opaque: true}
	f.exprs[e] = cl
	return cl
}

// callClass returns the class of the request a call returns.
func (f *funcFlow) callClass(call *ast.CallExpr) *class {
	if cl, ok := f.exprs[call]; ok {
		return cl
	}
	cl := f.newCallClass(call)
	f.exprs[call] = cl
	return cl
}

func (f *funcFlow) newCallClass(call *ast.CallExpr) *class {
	info := f.c.info
	if match.IsBuiltin(info, call, "make") || match.IsBuiltin(info, call, "new") {
		if len(call.Args) > 0 && match.IsType(info.TypeOf(call.Args[0]), "net/http.Request") {
			return &class{origins: []origin{{method: "GET", param: -1, known: true}}} // the zero Method is GET
		}
		return &class{}
	}
	fn := match.Callee(info, call)
	switch {
	case match.IsFunc(fn, httpPkg, "NewRequest"), match.IsFunc(fn, retryPkg, "NewRequest"):
		if len(call.Args) > 0 {
			return &class{origins: f.methodOrigins(call.Args[0])}
		}
	case match.IsFunc(fn, httpPkg, "NewRequestWithContext"), match.IsFunc(fn, retryPkg, "NewRequestWithContext"):
		if len(call.Args) > 1 {
			return &class{origins: f.methodOrigins(call.Args[1])}
		}
	case match.IsFunc(fn, retryPkg, "FromRequest"):
		if len(call.Args) > 0 {
			return f.classOf(call.Args[0])
		}
	}
	if fn == nil {
		return &class{opaque: true}
	}
	for _, p := range restyPkgs {
		if match.IsMethod(fn, p, "Client", "R", "NewRequest") {
			return &class{origins: []origin{{param: -1}}} // the method comes with the send
		}
	}
	// Methods of requests that return the same request (WithContext,
	// Clone, resty's setters) or a copy of the header (Header.Clone).
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal && reqLike(info.TypeOf(sel.X)) {
			if res := fn.Signature().Results(); res.Len() > 0 && reqLike(res.At(0).Type()) {
				return f.classOf(sel.X)
			}
		}
	}
	if r := f.c.returnsOf(fn); r != nil && !isMethodExpr(info, call) {
		cl := &class{keyed: r.Key == KeySet, maybe: r.Key == KeyMaybe}
		for _, m := range r.Methods {
			if m.Param < 0 {
				cl.origins = append(cl.origins, origin{method: m.Name, param: -1, known: true})
			} else if m.Param < len(call.Args) {
				cl.origins = append(cl.origins, f.methodOrigins(call.Args[m.Param])...)
			} else {
				cl.origins = append(cl.origins, origin{param: -1})
			}
		}
		return cl
	}
	return &class{opaque: true}
}

// isMethodExpr reports whether call calls a method expression (T.M(x,
// args)), whose arguments are shifted by one.
func isMethodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.MethodExpr
}

// methodOrigins returns the methods a request made with method argument e
// may have: constants, a parameter, or unknown.
func (f *funcFlow) methodOrigins(e ast.Expr) []origin {
	info := f.c.info
	if s, ok := constString(info, e); ok {
		return []origin{{method: s, param: -1, known: true}}
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok {
			if i, ok := f.paramIndex(v); ok {
				return []origin{{param: i, known: true}}
			}
			if f.locals[v] {
				defs, ok := flow.Defs(info, f.body, v)
				var out []origin
				for _, d := range defs {
					s, isConst := constString(info, d.Expr)
					if d.Expr == nil || !isConst {
						ok = false
						break
					}
					out = append(out, origin{method: s, param: -1, known: true})
				}
				if ok {
					return out
				}
			}
		}
	}
	return []origin{{param: -1}}
}

// paramIndex returns the index of v among the function's parameters,
// whatever their type.
func (f *funcFlow) paramIndex(v *types.Var) (int, bool) {
	if f.fn == nil {
		return 0, false
	}
	params := f.fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i) == v {
			return i, true
		}
	}
	return 0, false
}

func constString(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// litClass returns the class of a request or header literal.
func (f *funcFlow) litClass(lit *ast.CompositeLit) *class {
	if cl, ok := f.exprs[lit]; ok {
		return cl
	}
	cl := &class{}
	f.exprs[lit] = cl
	t := f.typeOf(lit)
	switch {
	case match.IsType(t, "net/http.Request"):
		method := []origin{{method: "GET", param: -1, known: true}}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				cl.opaque = true // positional: out of our view
				continue
			}
			switch key, _ := kv.Key.(*ast.Ident); {
			case key == nil:
			case key.Name == "Method":
				method = f.methodOrigins(kv.Value)
			case key.Name == "Header":
				union(cl, f.classOf(kv.Value))
			}
		}
		find(cl).origins = append(find(cl).origins, method...)
	case match.IsType(t, "net/http.Header"):
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				f.keyEffect(cl, kv.Key)
			}
		}
	case match.IsType(t, retryPkg+".Request"):
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, _ := kv.Key.(*ast.Ident); key != nil && key.Name == "Request" {
					union(cl, f.classOf(kv.Value))
				}
			}
		}
	default:
		cl.opaque = true
	}
	return cl
}

// keyEffect records that a header named by key is set on cl.
func (f *funcFlow) keyEffect(cl *class, key ast.Expr) {
	f.touched = true
	cl = find(cl)
	if s, ok := constString(f.c.info, key); ok {
		if f.c.isKeyHeader(s) {
			cl.keyed = true
		}
		return
	}
	cl.maybe = true // a header whose name is not in view
}

// mapKeyEffect records the headers of a map of headers set on cl.
func (f *funcFlow) mapKeyEffect(cl *class, m ast.Expr) {
	lit, ok := ast.Unparen(m).(*ast.CompositeLit)
	if !ok {
		find(cl).maybe = true
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			f.keyEffect(cl, kv.Key)
		}
	}
}

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
			if m, ok := constString(info, rhs); ok {
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
		}
	case isRestyMethod(fn, "Execute"):
		if m := arg(0); m != nil && recv != nil {
			if s, ok := constString(info, m); ok {
				f.addSend(cur, call, recv, s, "")
			}
		}
	case match.IsFunc(fn, httpPkg, "Post", "PostForm"), match.IsMethod(fn, httpPkg, "Client", "Post", "PostForm"):
		f.touched = true
		f.posts = append(f.posts, post{call: call, name: funcName(fn)})
	case match.IsFunc(fn, retryPkg, "Post", "PostForm"), match.IsMethod(fn, retryPkg, "Client", "Post", "PostForm"):
		f.touched = true
		f.posts = append(f.posts, post{call: call, name: funcName(fn), retrier: "go-retryablehttp"})
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
				}
			}
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

func (f *funcFlow) addSend(cur inspector.Cursor, call *ast.CallExpr, req ast.Expr, method, retrier string) {
	f.touched = true
	f.sends = append(f.sends, send{call: call, cur: cur, cls: f.classOf(req), method: method, retrier: retrier})
}

// harmless reports whether passing a request as argument i of fn cannot
// set a header out of view: fn is a function (not an interface method or
// a function value) whose facts would say so, of an analyzed package, or
// one from a package that knows nothing of net/http.
func (f *funcFlow) harmless(fn *types.Func, i int) bool {
	if fn == nil || isInterfaceMethod(fn) {
		return false
	}
	fn = fn.Origin()
	sig := fn.Signature()
	if sig.TypeParams().Len() > 0 || (sig.Recv() != nil && sig.RecvTypeParams().Len() > 0) {
		return false
	}
	params := sig.Params()
	var pt types.Type
	switch {
	case sig.Variadic() && i >= params.Len()-1:
		if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
			pt = s.Elem()
		}
	case i < params.Len():
		pt = params.At(i).Type()
	}
	if reqLike(pt) {
		// Every driver (go vet, which the CLI drives, golangci-lint,
		// nogo, analysistest) analyzes each dependency, so the missing
		// SetsKey fact means fn does not set the key.
		return true
	}
	return !f.c.importsHTTP(fn.Pkg())
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// funcName names fn for a message: http.Post, http.Client.Post.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
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
	if encl, ok := enclosingFunc(cur); !ok || encl != f.decl.Node() {
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

// enclosingFunc returns the innermost function declaration or literal
// around cur.
func enclosingFunc(cur inspector.Cursor) (ast.Node, bool) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return e.Node(), true
	}
	return nil, false
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

// summary computes what the function tells its callers.
func (f *funcFlow) summary() *summary {
	s := &summary{}
	seen := make(map[int]bool)
	for _, cl := range f.paths {
		r := find(cl)
		for _, i := range r.params {
			if seen[i] || (!r.keyed && !r.maybe) {
				continue
			}
			seen[i] = true
			s.sets.Params = append(s.sets.Params, ParamKey{Index: i, Maybe: !r.keyed})
		}
	}
	slices.SortFunc(s.sets.Params, func(a, b ParamKey) int { return a.Index - b.Index })
	for _, sd := range f.sends {
		r := find(sd.cls)
		if r.keyed || r.maybe {
			continue
		}
		for _, i := range r.params {
			if !slices.Contains(s.sends.Params, i) {
				s.sends.Params = append(s.sends.Params, i)
			}
			if sd.retrier != "" || f.retryLoop(sd.cur, sd.call) != "" {
				s.sends.Retried = true
			}
		}
	}
	slices.Sort(s.sends.Params)
	s.returns = f.returnsFact()
	return s
}

func (f *funcFlow) returnsFact() *ReturnsRequest {
	if len(f.returns) == 0 {
		return nil
	}
	r := &ReturnsRequest{}
	keyed, unkeyed := false, false
	for _, cl := range f.returns {
		c := find(cl)
		if c.opaque || len(c.params) > 0 || len(c.origins) == 0 || len(c.assigned) > 0 || c.methodUnknown {
			return nil
		}
		for _, o := range c.origins {
			if !o.known {
				return nil
			}
			m := Method{Name: o.method, Param: o.param}
			if o.param >= 0 {
				m.Name = ""
			}
			if !slices.Contains(r.Methods, m) {
				r.Methods = append(r.Methods, m)
			}
		}
		switch {
		case c.keyed:
			keyed = true
		case c.maybe:
			keyed, unkeyed = true, true
		default:
			unkeyed = true
		}
	}
	switch {
	case keyed && !unkeyed:
		r.Key = KeySet
	case keyed:
		r.Key = KeyMaybe
	}
	return r
}

// report reports the unkeyed writes the function sends.
func (f *funcFlow) report() {
	c := f.c
	fd := f.decl.Node().(*ast.FuncDecl)
	if path := c.pass.Pkg.Path(); path == httpPkg || path == retryPkg || slices.Contains(restyPkgs, path) {
		return // the clients' own Post and PostForm: their callers are reported
	}
	if c.isReadName(fd.Name.Name) || isTokenRequest(fd.Name.Name) || c.isTestHelper(f.fn) {
		// A function named as a read sends a read over POST (OCSP, STS
		// token requests, remote read, search); one named for a token
		// makes a credential grant (OAuth2), which a retry repeats
		// harmlessly and whose endpoints take no key; a function that
		// takes a *testing.T is test code wherever it lives.
		return
	}
	for _, p := range f.posts {
		if p.retrier != "" {
			c.rep.Reportf(p.call, "retried-post",
				"%s retries a POST that cannot carry an %s header: if a response is lost, the retry repeats the write (the double charge); build the request with retryablehttp.NewRequestWithContext and set the header to a stable key derived from the operation (e.g. order ID)",
				p.name, c.headerName())
			continue
		}
		c.rep.Reportf(p.call, "post",
			"%s sends a POST that cannot carry an %s header: if the response is lost, a retry repeats the write; build the request with http.NewRequestWithContext and set the header to a stable key derived from the operation (e.g. order ID)",
			p.name, c.headerName())
	}
	for _, sd := range f.sends {
		method, ok := f.unkeyedWrite(sd)
		if !ok {
			continue
		}
		retrier := sd.retrier
		if retrier == "" {
			retrier = f.retryLoop(sd.cur, sd.call)
		}
		if retrier != "" {
			c.rep.Reportf(sd.call, "retried-write",
				"%s request retried by %s without an %s header: if a response is lost, the retry repeats the write (the double charge); derive a stable key from the operation (e.g. order ID) and set it before the first attempt",
				method, retrier, c.headerName())
			continue
		}
		c.rep.Reportf(sd.call, "write",
			"%s request sent without an %s header: if the response is lost, a retry repeats the write; derive a stable key from the operation (e.g. order ID)",
			method, c.headerName())
	}
}

// unkeyedWrite returns the method of a send that is a write made in view
// with no idempotency key.
func (f *funcFlow) unkeyedWrite(sd send) (string, bool) {
	r := find(sd.cls)
	if r.keyed || r.maybe || r.opaque || len(r.params) > 0 || r.methodUnknown {
		return "", false
	}
	if sd.method != "" {
		return sd.method, isWrite(sd.method)
	}
	if len(r.assigned) > 0 {
		// The Method field is assigned: only when every assignment makes
		// a write is the method certain.
		for _, m := range r.assigned {
			if !isWrite(m) {
				return "", false
			}
		}
		return r.assigned[0], true
	}
	for _, o := range r.origins {
		if o.known && o.param < 0 && isWrite(o.method) {
			return o.method, true
		}
	}
	return "", false
}

// isTokenRequest reports whether a function's name says it requests a
// credential: it has the word Token (ExchangeOAuth2Token, refreshToken,
// tokenSource).
func isTokenRequest(name string) bool {
	return strings.Contains(name, "Token") || strings.HasPrefix(name, "token")
}
