package idempotency

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// SDK requests that travel one function away from where they are built
// or sent: factories that return them fresh (ecs.CreateRunInstancesRequest,
// NewCreateOrderInput) and helpers that send the request they are given,
// often inside a retry closure.

// freshFactories finds the package's functions that return a struct they
// build, of a type with an idempotency field, with that field unset, and
// exports ReturnsFresh facts for them.
func (c *checker) freshFactories() {
	c.fresh = make(map[*types.Func]string)
	for d := range c.funcDecls() {
		fd := d.Node().(*ast.FuncDecl)
		fn, ok := c.info.Defs[fd.Name].(*types.Func)
		if !ok || fn.Signature().Recv() != nil {
			continue
		}
		res := fn.Signature().Results()
		if res.Len() == 0 || res.Len() > 2 || (res.Len() == 2 && !returnsError(fn)) {
			continue
		}
		named := match.NamedStruct(res.At(0).Type())
		if named == nil {
			continue
		}
		kf, ok := c.keyFieldOf(named, 0)
		if !ok {
			continue
		}
		if c.returnsFreshUnset(d, res.At(0), kf) {
			c.fresh[fn] = kf.name
			c.pass.ExportObjectFact(fn, &ReturnsFresh{Field: kf.name})
		}
	}
}

// returnsFreshUnset reports whether every return of the function at d
// gives a struct built in view (a literal, new, or a local or named
// result holding only those) that leaves kf unset.
func (c *checker) returnsFreshUnset(d inspector.Cursor, result *types.Var, kf keyField) bool {
	body := d.ChildAt(edge.FuncDecl_Body, -1)
	n := 0
	for cur := range body.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
		ret, ok := cur.Node().(*ast.ReturnStmt)
		if !ok {
			continue
		}
		if e, ok := enclosingFunc(cur); !ok || e != d.Node() {
			continue // a closure's return
		}
		n++
		var e ast.Expr
		if len(ret.Results) > 0 {
			e = ast.Unparen(ret.Results[0])
			if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
				e = ast.Unparen(u.X)
			}
		}
		var v *types.Var
		switch x := e.(type) {
		case nil:
			v = result // a bare return of the named result
		case *ast.CompositeLit:
			if c.litSets(x, kf) {
				return false
			}
			continue
		case *ast.CallExpr:
			if !match.IsBuiltin(c.info, x, "new") {
				return false
			}
			continue
		case *ast.Ident:
			if tv, ok := c.info.Types[x]; ok && tv.IsNil() {
				n--
				continue // return nil, err
			}
			v, _ = c.info.Uses[x].(*types.Var)
		}
		if v == nil || v.Name() == "" || (v != result && (v.Pos() < body.Node().Pos() || v.Pos() >= body.Node().End())) {
			return false
		}
		if !c.localUnset(body, v, e, kf, true) {
			return false
		}
	}
	return n > 0
}

// freshCall reports whether call calls a factory that returns a fresh
// struct whose idempotency field kf is unset.
func (c *checker) freshCall(call *ast.CallExpr, kf keyField) bool {
	fn := match.Callee(c.info, call)
	if fn == nil || isMethodExpr(c.info, call) {
		return false
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.fresh[fn] == kf.name
	}
	var f ReturnsFresh
	return c.pass.ImportObjectFact(fn, &f) && f.Field == kf.name
}

// sdkHelpers finds the package's functions that pass a request struct
// parameter to an SDK write (directly, in a closure such as a retry
// helper's, or through another such helper) without setting its
// idempotency field, and exports SendsSDK facts for them.
func (c *checker) sdkHelpers() {
	c.sdkSends = make(map[*types.Func][]SDKParam)
	var decls []inspector.Cursor
	for d := range c.funcDecls() {
		fd := d.Node().(*ast.FuncDecl)
		fn, ok := c.info.Defs[fd.Name].(*types.Func)
		if !ok || c.isTestHelper(fn) {
			continue
		}
		params := fn.Signature().Params()
		for i := range params.Len() {
			if named := match.NamedStruct(params.At(i).Type()); named != nil {
				if _, ok := c.keyFieldOf(named, 0); ok {
					decls = append(decls, d)
					break
				}
			}
		}
	}
	// Helpers may call helpers: repeat until nothing is added.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			fn := c.info.Defs[d.Node().(*ast.FuncDecl).Name].(*types.Func)
			body := d.ChildAt(edge.FuncDecl_Body, -1)
			for cur := range body.Preorder((*ast.CallExpr)(nil)) {
				for _, p := range c.forwarded(fn, body, cur.Node().(*ast.CallExpr)) {
					if !slices.ContainsFunc(c.sdkSends[fn], func(q SDKParam) bool { return q.Index == p.Index }) {
						c.sdkSends[fn] = append(c.sdkSends[fn], p)
						changed = true
					}
				}
			}
		}
	}
	for fn, ps := range c.sdkSends {
		slices.SortFunc(ps, func(a, b SDKParam) int { return a.Index - b.Index })
		c.pass.ExportObjectFact(fn, &SendsSDK{Params: ps})
	}
}

// forwarded returns the parameters of fn that call, in fn's body, sends
// to an SDK write (or to a helper that does) with the key unset.
func (c *checker) forwarded(fn *types.Func, body inspector.Cursor, call *ast.CallExpr) []SDKParam {
	var out []SDKParam
	check := func(arg ast.Expr, kf keyField, op string) {
		e := ast.Unparen(arg)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		id, ok := e.(*ast.Ident)
		if !ok {
			return
		}
		v, ok := c.info.Uses[id].(*types.Var)
		if !ok {
			return
		}
		params := fn.Signature().Params()
		for i := range params.Len() {
			if params.At(i) == v && c.usesLeaveUnset(body, v, e, kf, false) {
				out = append(out, SDKParam{Index: i, Field: kf.name, Op: op})
			}
		}
	}
	if op, args := c.sdkOp(call); op != nil {
		for _, a := range args {
			check(a.expr, a.kf, funcName(op))
		}
		return out
	}
	callee, ps := c.helperSends(call)
	for _, p := range ps {
		if kf, ok := c.helperKey(callee, p); ok && p.Index < len(call.Args) {
			check(call.Args[p.Index], kf, p.Op)
		}
	}
	return out
}

// helperSends returns the function that call calls and its SendsSDK
// parameters, from the package's own helpers or from facts.
func (c *checker) helperSends(call *ast.CallExpr) (*types.Func, []SDKParam) {
	fn := match.Callee(c.info, call)
	if fn == nil || isMethodExpr(c.info, call) {
		return nil, nil
	}
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return fn, c.sdkSends[fn]
	}
	var f SendsSDK
	if c.pass.ImportObjectFact(fn, &f) {
		return fn, f.Params
	}
	return nil, nil
}

// helperKey returns the idempotency field of a helper's parameter.
func (c *checker) helperKey(fn *types.Func, p SDKParam) (keyField, bool) {
	params := fn.Signature().Params()
	if p.Index >= params.Len() {
		return keyField{}, false
	}
	named := match.NamedStruct(params.At(p.Index).Type())
	if named == nil {
		return keyField{}, false
	}
	kf, ok := c.keyFieldOf(named, 0)
	return kf, ok && kf.name == p.Field
}

// helperCall reports a call that hands a request struct built in view,
// with its idempotency field unset, to a helper that sends it.
func (c *checker) helperCall(cur inspector.Cursor, call *ast.CallExpr) {
	callee, ps := c.helperSends(call)
	if len(ps) == 0 {
		return
	}
	if fn, ok := c.enclosingDecl(cur); ok && c.isTestHelper(fn) {
		return
	}
	for _, p := range ps {
		kf, ok := c.helperKey(callee, p)
		if !ok || p.Index >= len(call.Args) || !c.builtUnset(cur, call.Args[p.Index], kf) {
			continue
		}
		c.rep.Reportf(call, "sdk-write",
			"%s sends its %s to %s, and its %s is unset: if the response is lost, a retry repeats the write; set %s to a stable key derived from the operation (e.g. order ID)",
			funcName(callee), typeName(match.NamedStruct(callee.Signature().Params().At(p.Index).Type())), p.Op, kf.name, kf.name)
		return
	}
}

// funcDecls yields the package's function declarations with bodies.
func (c *checker) funcDecls() func(yield func(inspector.Cursor) bool) {
	return func(yield func(inspector.Cursor) bool) {
		for file := range c.insp.Root().Children() {
			for d := range file.Children() {
				if fd, ok := d.Node().(*ast.FuncDecl); ok && fd.Body != nil {
					if !yield(d) {
						return
					}
				}
			}
		}
	}
}
