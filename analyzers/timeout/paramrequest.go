package timeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// Requests that reach http.DefaultClient from elsewhere (fresh tune
// corpus: Pulumi's plugin downloads build every request with
// http.NewRequestWithContext and hand it to a helper, or to a callback,
// that sends it with http.DefaultClient). Whether such a request carries
// a context is seen where it is made; where that cannot be seen, the
// analyzer stays silent, and where a caller in view makes one without
// a context, the send is still reported.

// callersRequest reports whether the request e, sent with
// http.DefaultClient.Do in the function around cur, is a parameter of
// that function, never reassigned, whose requests are either out of
// view (the function is a function literal, or a function of the
// package used as a value: a callback, whose callers cannot be seen) or
// all carry a context (every call of the unexported function in the
// package passes a request made with one). A function nobody in view
// calls or uses, an exported one, and one that a caller hands a request
// with no context are still reported.
func (c *checker) callersRequest(cur inspector.Cursor, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	enc, ok := match.InnermostFunc(cur)
	if !ok {
		return false
	}
	var fn *types.Func
	var sig *types.Signature
	switch n := enc.Node().(type) {
	case *ast.FuncDecl:
		if fn, _ = c.info.Defs[n.Name].(*types.Func); fn != nil {
			sig = fn.Signature()
		}
	case *ast.FuncLit:
		sig, _ = c.info.TypeOf(n).(*types.Signature)
	}
	idx := paramIndex(sig, v)
	if idx < 0 {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	if defs, ok := flow.Assigned(c.info, body, v); !ok || len(defs) > 0 {
		return false // given other values in the function
	}
	if fn == nil {
		return true // a function literal: whoever calls it is out of view
	}
	calls, withContext, asValue := 0, 0, false
	for ic := range c.root.Preorder((*ast.Ident)(nil)) {
		if obj, _ := c.info.Uses[ic.Node().(*ast.Ident)].(*types.Func); obj == nil || obj.Origin() != fn {
			continue
		}
		fc := ic
		if fc.ParentEdgeKind() == edge.SelectorExpr_Sel {
			fc = fc.Parent()
		}
		fc = match.OuterParens(fc)
		if fc.ParentEdgeKind() != edge.CallExpr_Fun {
			asValue = true // a callback: its callers are out of view
			continue
		}
		call := fc.Parent().Node().(*ast.CallExpr)
		calls++
		if idx < len(call.Args) {
			if cb, ok := flow.EnclosingFunc(fc.Parent()); ok && c.requestHasContext(cb, call.Args[idx], 0) {
				withContext++
			}
		}
	}
	switch {
	case calls > withContext:
		return false // a caller in view hands it a request with no context, or one it cannot follow
	case asValue:
		return true
	default:
		return calls > 0 && !fn.Exported()
	}
}

// paramIndex returns the index of v among sig's parameters, or -1.
func paramIndex(sig *types.Signature, v *types.Var) int {
	if sig == nil {
		return -1
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i) == v {
			return i
		}
	}
	return -1
}

// handsRequestsWithContext reports whether the call at cur hands
// http.DefaultClient to a function together with the requests it is to
// send, and every such request carries a context (Pulumi's
// httputil.DoWithRetry(req, http.DefaultClient), req made with
// http.NewRequestWithContext) or is a parameter whose requests are out
// of view or carry one (callersRequest): those requests are bounded by
// it, as a Do with a request that carries one is.
func (c *checker) handsRequestsWithContext(cur inspector.Cursor) bool {
	call := cur.Node().(*ast.CallExpr)
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	n := 0
	for _, a := range call.Args {
		if !match.IsTypeOrPointer(c.info.TypeOf(a), "net/http.Request") {
			continue
		}
		if !c.requestHasContext(body, a, 0) && !c.callersRequest(cur, a) {
			return false
		}
		n++
	}
	return n > 0
}
