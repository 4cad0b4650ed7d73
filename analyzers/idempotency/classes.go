package idempotency

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
)

// A class is a set of expressions and locations that hold the same request
// (or its header map), with what is known about it. Classes are merged
// when a value flows from one location to another; the analysis is
// flow-insensitive, so a key set anywhere in the function counts.
type class struct {
	up *class

	origins       []origin      // where the request was made
	assigned      []string      // constant methods assigned to its Method field
	methodUnknown bool          // Method assigned a non-constant
	keyed         bool          // an idempotency header is set on it
	maybe         bool          // a header may be set out of view
	opaque        bool          // it may come from out of view
	params        []int         // it is (also) this function's parameter
	paths         []string      // constant parts of its URL
	pathParams    []int         // parameters of the function that give its URL
	bodies        []*identified // the identified bodies it is made with (identity.go)
	unidentified  bool          // it is made (also) with a body that identifies nothing
	urls          []ast.Expr    // the URLs it is made with (local.go)
	urlUnknown    bool          // it is made (also) with a URL out of view
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
	a.paths = append(a.paths, b.paths...)
	a.pathParams = append(a.pathParams, b.pathParams...)
	a.bodies = append(a.bodies, b.bodies...)
	a.unidentified = a.unidentified || b.unidentified
	a.urls = append(a.urls, b.urls...)
	a.urlUnknown = a.urlUnknown || b.urlUnknown
}

// A location is a node of a trie of the paths the function uses: a
// variable, then the fields selected from it, in order. Its identity is
// its objects, never their printed form.
type location struct {
	cls    *class
	fields map[*types.Var]*location
}

// locate returns the location of p, creating it and its prefixes.
func (f *funcFlow) locate(p flow.Path) *location {
	loc := f.paths[p.Root]
	if loc == nil {
		loc = &location{}
		f.paths[p.Root] = loc
	}
	for _, fl := range p.Fields {
		next := loc.fields[fl]
		if next == nil {
			if loc.fields == nil {
				loc.fields = make(map[*types.Var]*location)
			}
			next = &location{}
			loc.fields[fl] = next
		}
		loc = next
	}
	return loc
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
	loc := f.locate(p)
	if loc.cls != nil {
		return loc.cls
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
	loc.cls = cl
	f.classes = append(f.classes, cl)
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
			return &class{origins: []origin{{method: "GET", param: -1, known: true}}, unidentified: true, urlUnknown: true} // the zero Method is GET
		}
		return &class{}
	}
	fn := match.Callee(info, call)
	if m, u, _, ok := netreach.RequestArgs(fn); ok && len(call.Args) > u {
		cl := &class{origins: f.methodOrigins(call.Args[m]), urls: []ast.Expr{call.Args[u]}}
		cl.paths, cl.pathParams = f.urlOf(call.Args[u], 0)
		// The body follows the URL in every constructor RequestArgs knows.
		if id := f.bodyIdentity(argAt(call, u+1)); id != nil {
			cl.bodies = []*identified{id}
		} else {
			cl.unidentified = true
		}
		return cl
	}
	if match.IsFunc(fn, retryPkg, "FromRequest") && len(call.Args) > 0 {
		return f.classOf(call.Args[0])
	}
	if fn == nil {
		return &class{opaque: true}
	}
	for _, p := range restyPkgs {
		if match.IsMethod(fn, p, "Client", "R", "NewRequest") {
			return &class{origins: []origin{{param: -1}}, unidentified: true} // the method comes with the send
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
		cl := &class{keyed: r.Key == KeySet, maybe: r.Key == KeyMaybe, paths: r.Paths, unidentified: true, urlUnknown: true}
		for _, p := range r.PathParams {
			if p < len(call.Args) {
				paths, params := f.urlOf(call.Args[p], 0)
				cl.paths = append(cl.paths, paths...)
				cl.pathParams = append(cl.pathParams, params...)
			}
		}
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

// methodOrigins returns the methods a request made with method argument e
// may have: constants, a parameter, or unknown.
func (f *funcFlow) methodOrigins(e ast.Expr) []origin {
	info := f.c.info
	if s, ok := match.ConstString(info, e); ok {
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
					s, isConst := match.ConstString(info, d.Expr)
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
		cl.unidentified = true // a Body field is not followed
		method := []origin{{method: "GET", param: -1, known: true}}
		cl.urlUnknown = true
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
			case key.Name == "URL":
				cl.urls, cl.urlUnknown = append(cl.urls, kv.Value), false
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
	if s, ok := match.ConstString(f.c.info, key); ok {
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

// urlOf returns what can be seen of a URL (or a path of one) given as e:
// its constant parts (literals, concatenated pieces, fmt.Sprintf formats,
// url.JoinPath and path.Join elements, the constant values of locals) and
// the parameters of the function that give parts of it.
func (f *funcFlow) urlOf(e ast.Expr, depth int) (paths []string, params []int) {
	info := f.c.info
	if e == nil || depth > 4 {
		return nil, nil
	}
	e = ast.Unparen(e)
	if s, ok := match.ConstString(info, e); ok {
		return []string{s}, nil
	}
	add := func(es ...ast.Expr) {
		for _, x := range es {
			p, q := f.urlOf(x, depth+1)
			paths = append(paths, p...)
			params = append(params, q...)
		}
	}
	switch x := e.(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			add(x.X, x.Y)
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			break
		}
		if i, ok := f.paramIndex(v); ok {
			if b, isBasic := v.Type().Underlying().(*types.Basic); isBasic && b.Info()&types.IsString != 0 {
				return nil, []int{i}
			}
			return nil, nil // a number, a URL value: no path words to see
		}
		if f.locals[v] {
			if defs, ok := flow.Defs(info, f.body, v); ok {
				for _, d := range defs {
					add(d.Expr)
				}
			}
		}
	case *ast.CallExpr:
		fn := match.Callee(info, x)
		switch {
		case match.IsFunc(fn, "fmt", "Sprintf"), match.IsFunc(fn, "net/url", "JoinPath"), match.IsFunc(fn, "path", "Join"), match.IsFunc(fn, "strings", "Join"):
			add(x.Args...)
		case match.IsMethod(fn, "net/url", "URL", "JoinPath"):
			add(x.Args...)
		}
	}
	return paths, params
}
