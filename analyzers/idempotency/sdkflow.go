package idempotency

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// SDK requests that travel one function away from where they are built
// or sent: factories that return them fresh (ecs.CreateRunInstancesRequest,
// NewCreateOrderInput), and helpers that send the request they are
// given, often inside a retry closure: both through the value engine's
// summaries (internal/flow).

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
		if !ok || u.Sends == "" || u.Escapes || u.Sets(kf) || c.isRead(strings.TrimPrefix(u.Sends, "(")) {
			continue
		}
		if fd, ok := c.enclosingDecl(cur); ok && c.isTestHelper(fd) {
			return
		}
		op := opName(u.Sends)
		if !c.values.Unset(cur, arg, kf) || c.namesResource(cur, arg, op) {
			continue
		}
		if sdkFillsToken(named, kf, op) && c.retryLoop(cur, call) == "" && !c.retriesOp(fn, op) {
			continue // the SDK's own resends carry its token (sdkname.go)
		}
		c.rep.Reportf(call, "sdk-write",
			"%s sends its %s to %s, and its %s is unset: if the response is lost, a retry repeats the write; set %s to a stable key derived from the operation (e.g. order ID)",
			funcName(fn), typeName(named), u.Sends, kf.Name, kf.Name)
		return
	}
}

// retriesOp reports whether fn, a function of this package, calls the
// operation op itself inside a retry: a helper that takes the request
// and retries the send (a retry helper's closure around
// RunInstancesWithContext), where each attempt draws a new token.
func (c *checker) retriesOp(fn *types.Func, op string) bool {
	if fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := match.FuncDecl(c.pass.Files, c.info, fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	body, ok := c.insp.Root().FindNode(decl.Body)
	if !ok {
		return false
	}
	for cur := range body.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if sent, args := c.sdkOp(call); len(args) > 0 && sent.Name() == op && c.retryLoop(cur, call) != "" {
			return true
		}
	}
	return false
}
