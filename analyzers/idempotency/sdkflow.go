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

// SDK requests that travel one function away from where they are built
// or sent: factories that return them fresh (ecs.CreateRunInstancesRequest,
// NewCreateOrderInput; ReturnsFresh facts, which builtUnset follows), and
// helpers that send the request they are given, often inside a retry
// closure (the value engine's parameter summaries).

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

// helperCall reports a call that hands a request struct built in view,
// with its idempotency field unset, to a helper that sends it to an SDK
// or RPC operation without setting that field.
func (c *checker) helperCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn := match.Callee(c.info, call)
	if fn == nil || isMethodExpr(c.info, call) {
		return
	}
	if _, args := c.sdkOp(call); len(args) > 0 {
		return // the operation itself: sdkCall
	}
	params := fn.Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || (fn.Signature().Variadic() && i >= params.Len()-1) {
			break
		}
		named := match.NamedStruct(params.At(i).Type())
		if named == nil {
			continue
		}
		kf, ok := c.keyFieldOf(named, 0)
		if !ok {
			continue
		}
		u, ok := c.values.ParamUse(fn, i)
		if !ok || u.Sends == "" || u.Escapes || sets(u, kf) || c.isRead(strings.TrimPrefix(u.Sends, "(")) {
			continue
		}
		if fd, ok := c.enclosingDecl(cur); ok && c.isTestHelper(fd) {
			return
		}
		if !c.builtUnset(cur, arg, kf) {
			continue
		}
		c.rep.Reportf(call, "sdk-write",
			"%s sends its %s to %s, and its %s is unset: if the response is lost, a retry repeats the write; set %s to a stable key derived from the operation (e.g. order ID)",
			funcName(fn), typeName(named), u.Sends, kf.name, kf.name)
		return
	}
}

// sets reports whether a use of a request sets its idempotency field (or
// an embedded field on the way), or calls a method out of view named
// after one of them (a setter such as SetIdempotencyKey).
func sets(u flow.Use, kf keyField) bool {
	for _, n := range append([]string{kf.name}, kf.embedded...) {
		if slices.Contains(u.Set, n) || slices.ContainsFunc(u.Methods, func(m string) bool { return strings.Contains(m, n) }) {
			return true
		}
	}
	return false
}
