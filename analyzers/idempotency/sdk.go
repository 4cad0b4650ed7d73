package idempotency

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
)

// sdkWrites reports calls of SDK and RPC operations whose request struct
// has an idempotency field that the caller builds and leaves unset.
func (c *checker) sdkWrites() {
	if len(c.cfg.Fields) == 0 {
		return
	}
	c.freshFactories()
	for file := range c.insp.Root().Children() {
		if c.rep.Skip(file.Node().(*ast.File)) {
			continue
		}
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			c.sdkCall(cur, call)
			c.helperCall(cur, call)
		}
	}
}

// keyField describes where a struct type keeps its idempotency field:
// its name and the embedded fields on the way to it.
type keyField struct {
	name     string
	embedded []string
}

func (c *checker) sdkCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn, args := c.sdkOp(call)
	if fn == nil {
		return
	}
	if fn, ok := c.enclosingDecl(cur); ok && c.isTestHelper(fn) {
		return
	}
	for _, a := range args {
		if !c.builtUnset(cur, a.expr, a.kf) {
			continue
		}
		c.rep.Reportf(call, "sdk-write",
			"%s called with %s, whose %s is unset: if the response is lost, a retry repeats the write; set %s to a stable key derived from the operation (e.g. order ID)",
			funcName(fn), typeName(a.named), a.kf.name, a.kf.name)
		return
	}
}

// An sdkArg is an argument of an SDK write whose type has an idempotency
// field.
type sdkArg struct {
	index int
	expr  ast.Expr
	named *types.Named
	kf    keyField
}

// sdkOp returns the operation that call calls, if it is an SDK or RPC
// write, and its arguments whose type has an idempotency field.
func (c *checker) sdkOp(call *ast.CallExpr) (*types.Func, []sdkArg) {
	info := c.info
	fn := match.Callee(info, call)
	// Only operations of another package's API: the request type is that
	// package's (or a parent's or child's, as with stripe-go's params and
	// its resource packages), and the callee takes it as that very type.
	if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || c.isRead(fn.Name()) || isMethodExpr(info, call) {
		return nil, nil
	}
	// Only calls that can reach the network and fail: the callee returns
	// an error and its package depends on net/http (SDKs, gRPC stubs). A
	// log or audit record with a RequestID field is not a write.
	if !returnsError(fn) || !c.importsHTTP(fn.Pkg()) {
		return nil, nil
	}
	var args []sdkArg
	params := fn.Signature().Params()
	for i, arg := range call.Args {
		if i >= params.Len() || (fn.Signature().Variadic() && i >= params.Len()-1) {
			break
		}
		named := match.NamedStruct(params.At(i).Type())
		if named == nil || named.Obj().Pkg() == nil || !relatedPkgs(named.Obj().Pkg().Path(), fn.Pkg().Path()) {
			continue
		}
		if kf, ok := c.keyFieldOf(named, 0); ok {
			args = append(args, sdkArg{index: i, expr: arg, named: named, kf: kf})
		}
	}
	if len(args) == 0 {
		return nil, nil
	}
	return fn, args
}

// isRead reports whether an operation's name says it only reads.
func (c *checker) isRead(name string) bool {
	if name == "" {
		return false
	}
	r := []rune(name)
	r[0] = unicode.ToUpper(r[0])
	name = string(r)
	for _, p := range c.cfg.ReadPrefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// isReadName reports whether a function's name has a word that says it
// reads (getRemoteStatus, RetrieveWithCredContext, executeReadRequest).
func (c *checker) isReadName(name string) bool {
	return names.HasWord(name, func(w string) bool {
		return slices.ContainsFunc(c.cfg.ReadPrefixes, func(p string) bool { return strings.EqualFold(p, w) })
	})
}

// isTestHelper reports whether fn takes a *testing.T, *testing.B,
// *testing.F or testing.TB: test code, even outside a _test.go file.
func (c *checker) isTestHelper(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if match.IsTypeOrPointer(t, "testing.T") || match.IsTypeOrPointer(t, "testing.B") || match.IsTypeOrPointer(t, "testing.F") || match.IsType(t, "testing.TB") {
			return true
		}
	}
	return false
}

// enclosingDecl returns the function declared around cur.
func (c *checker) enclosingDecl(cur inspector.Cursor) (*types.Func, bool) {
	for e := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, ok := c.info.Defs[e.Node().(*ast.FuncDecl).Name].(*types.Func)
		return fn, ok
	}
	return nil, false
}

// relatedPkgs reports whether two import paths are the same package or
// one lies under the other.
func relatedPkgs(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+"/") || strings.HasPrefix(b, a+"/")
}

func typeName(n *types.Named) string {
	if n.Obj().Pkg() == nil {
		return n.Obj().Name()
	}
	return n.Obj().Pkg().Name() + "." + n.Obj().Name()
}

// keyFieldOf finds an exported idempotency field in struct type t or in
// the structs it embeds.
func (c *checker) keyFieldOf(t types.Type, depth int) (keyField, bool) {
	if depth > 3 {
		return keyField{}, false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return keyField{}, false
	}
	for f := range st.Fields() {
		if f.Exported() && slices.Contains(c.cfg.Fields, f.Name()) {
			return keyField{name: f.Name()}, true
		}
	}
	for f := range st.Fields() {
		if f.Embedded() {
			if kf, ok := c.keyFieldOf(f.Type(), depth+1); ok {
				kf.embedded = append([]string{f.Name()}, kf.embedded...)
				return kf, true
			}
		}
	}
	return keyField{}, false
}

// builtUnset reports whether arg is a struct built in view (a literal,
// new, a zero value, or a local variable holding only those) whose
// idempotency field nothing sets: no literal field, no assignment, no
// setter whose name contains the field's name, and the value goes nowhere
// else where it could be set.
func (c *checker) builtUnset(cur inspector.Cursor, arg ast.Expr, kf keyField) bool {
	info := c.info
	x := ast.Unparen(arg)
	if u, ok := x.(*ast.UnaryExpr); ok && u.Op == token.AND {
		x = ast.Unparen(u.X)
	}
	switch x := x.(type) {
	case *ast.CompositeLit:
		return !c.litSets(x, kf)
	case *ast.CallExpr:
		return match.IsBuiltin(info, x, "new") || c.freshCall(x, kf)
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok {
			return false
		}
		body, ok := flow.EnclosingFunc(cur)
		if !ok || v.Pos() < body.Node().Pos() || v.Pos() >= body.Node().End() {
			return false // a parameter, a global: built out of view
		}
		return c.localUnset(body, v, arg, kf, false)
	}
	return false
}

// litSets reports whether a struct literal sets the key field, directly
// or in an embedded struct's literal (or assigns the embedded struct a
// value we cannot see into).
func (c *checker) litSets(lit *ast.CompositeLit, kf keyField) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return true // positional: every field is given
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		if key.Name == kf.name {
			return true
		}
		if len(kf.embedded) > 0 && key.Name == kf.embedded[0] {
			v := ast.Unparen(kv.Value)
			if u, ok := v.(*ast.UnaryExpr); ok && u.Op == token.AND {
				v = ast.Unparen(u.X)
			}
			inner, ok := v.(*ast.CompositeLit)
			if !ok || c.litSets(inner, keyField{name: kf.name, embedded: kf.embedded[1:]}) {
				return true
			}
		}
	}
	return false
}

// localUnset checks a local variable passed as arg: every value it gets
// is built in view without the key, and every other use of it reads or
// sets other fields.
func (c *checker) localUnset(body inspector.Cursor, v *types.Var, arg ast.Expr, kf keyField, returns bool) bool {
	info := c.info
	argIdent := ast.Unparen(arg)
	if u, ok := argIdent.(*ast.UnaryExpr); ok && u.Op == token.AND {
		argIdent = ast.Unparen(u.X)
	}
	built := false
	// The values it is given.
	for cur := range body.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		var lhs, rhs []ast.Expr
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			lhs, rhs = n.Lhs, n.Rhs
		case *ast.ValueSpec:
			for _, id := range n.Names {
				lhs = append(lhs, id)
			}
			rhs = n.Values
		}
		for i, l := range lhs {
			id, ok := ast.Unparen(l).(*ast.Ident)
			if !ok || info.ObjectOf(id) != v {
				continue
			}
			if len(rhs) == 0 {
				built = true // var v T: the zero value
				continue
			}
			if len(rhs) != len(lhs) {
				// v, err := NewXxxInput(): a factory's first result.
				if call, ok := ast.Unparen(rhs[0]).(*ast.CallExpr); ok && len(rhs) == 1 && i == 0 && c.freshCall(call, kf) {
					built = true
					continue
				}
				return false
			}
			r := ast.Unparen(rhs[i])
			if u, ok := r.(*ast.UnaryExpr); ok && u.Op == token.AND {
				r = ast.Unparen(u.X)
			}
			switch r := r.(type) {
			case *ast.CompositeLit:
				if c.litSets(r, kf) {
					return false
				}
			case *ast.CallExpr:
				if !match.IsBuiltin(info, r, "new") && !c.freshCall(r, kf) {
					return false
				}
			default:
				return false
			}
			built = true
		}
	}
	if !built {
		return false
	}
	return c.usesLeaveUnset(body, v, argIdent, kf, returns)
}

// usesLeaveUnset reports whether no use of v in body, other than
// argIdent, can set the key field kf: every use reads or sets other
// fields, or calls methods that are not its setter. With returns, v may
// also be returned (a factory's result).
func (c *checker) usesLeaveUnset(body inspector.Cursor, v *types.Var, argIdent ast.Expr, kf keyField, returns bool) bool {
	info := c.info
	names := append([]string{kf.name}, kf.embedded...)
	for cur := range body.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Uses[id] != v || id == argIdent {
			continue
		}
		// Climb field selections: v.Params.IdempotencyKey.
		top := cur
		for {
			p := top.Parent()
			if _, ok := p.Node().(*ast.ParenExpr); ok {
				top = p
				continue
			}
			if sel, ok := p.Node().(*ast.SelectorExpr); ok && top.ParentEdgeKind() == edge.SelectorExpr_X {
				if s, ok := info.Selections[sel]; ok && s.Kind() == types.FieldVal {
					top = p
					continue
				}
			}
			break
		}
		parent := top.Parent()
		switch p := parent.Node().(type) {
		case *ast.SelectorExpr: // a method: a setter of the key?
			if strings.Contains(p.Sel.Name, kf.name) {
				return false
			}
			if top == cur {
				continue // other methods of the params (AddExpand, AddMetadata)
			}
		case *ast.AssignStmt:
			if top.ParentEdgeKind() == edge.AssignStmt_Lhs {
				if top == cur {
					continue // v = T{...}: a value seen above
				}
				if sel, ok := top.Node().(*ast.SelectorExpr); ok && slices.Contains(names, sel.Sel.Name) {
					return false // v.IdempotencyKey = k, v.Params = p
				}
				continue
			}
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				return false // its address goes elsewhere
			}
		case *ast.ReturnStmt:
			if returns && top == cur {
				continue
			}
		}
		if top == cur {
			return false // v itself goes elsewhere: passed, stored, returned
		}
		// A field's value is read: harmless unless it is a struct holding
		// the key (an embedded Params passed to a helper).
		if _, ok := c.keyFieldOf(info.TypeOf(top.Node().(ast.Expr)), 0); ok {
			if _, isSel := parent.Node().(*ast.SelectorExpr); !isSel {
				return false
			}
		}
	}
	return true
}

// returnsError reports whether fn's last result is an error.
func returnsError(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() > 0 && types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type())
}
