package lostcontext

import (
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// ignoredByType reports whether every receiver is a call of a function
// value of an unexported named func type of this package whose every
// function the package gives that type ignores its context parameter:
// `type handlerFunc func(context.Context, http.ResponseWriter, *http.Request)`
// whose ServeHTTP passes context.TODO() on to functions that all declare
// the context `_`. No such call can lose a deadline or a trace.
func (c *checker) ignoredByType(receivers []*ast.CallExpr) bool {
	for _, call := range receivers {
		named, ok := types.Unalias(c.info.TypeOf(call.Fun)).(*types.Named)
		if !ok || named.Obj().Pkg() != c.pass.Pkg || named.Obj().Exported() || !c.typeIgnoresCtx(named) {
			return false
		}
		if len(call.Args) == 0 || !isContext(c.info.TypeOf(call.Args[0])) {
			return false
		}
	}
	return len(receivers) > 0
}

// otelMetricPkg is the OpenTelemetry metric API: its instruments' Add
// and Record take a context only to pick exemplars.
const otelMetricPkg = "go.opentelemetry.io/otel/metric"

// metricsOnly reports whether every receiver records a value into an
// OpenTelemetry metric instrument (Add or Record of a type of the metric
// API): recording in memory does no work that a deadline or a
// cancellation could stop, so a fresh context there loses nothing the
// message names.
func (c *checker) metricsOnly(receivers []*ast.CallExpr) bool {
	for _, call := range receivers {
		fn := match.Callee(c.info, call)
		if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != otelMetricPkg || fn.Signature().Recv() == nil || (fn.Name() != "Add" && fn.Name() != "Record") {
			return false
		}
	}
	return len(receivers) > 0
}

// typeIgnoresCtx reports whether every value of the func type named that
// the package can hold is in view and ignores its first (context)
// parameter: function literals, functions and methods of the package
// with the type's signature. A value of unseen origin (another package's
// function or variable, a call into another package, a type assertion,
// an index or a receive) makes it false.
func (c *checker) typeIgnoresCtx(named *types.Named) bool {
	sig, ok := named.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() == 0 || !isContext(sig.Params().At(0).Type()) {
		return false
	}
	same := func(t types.Type) bool {
		t = types.Unalias(t)
		if types.Identical(t, named) {
			return true
		}
		s, ok := t.(*types.Signature)
		if !ok {
			return false
		}
		return types.Identical(types.NewSignatureType(nil, nil, nil, s.Params(), s.Results(), s.Variadic()), sig)
	}
	for _, f := range c.pass.Files {
		ok := true
		ast.Inspect(f, func(n ast.Node) bool {
			if !ok {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncDecl:
				if obj, isFn := c.info.Defs[n.Name].(*types.Func); isFn && same(obj.Signature()) {
					ok = n.Body != nil && c.ctxIgnored(n.Type, n.Body, named)
				}
				return ok
			case *ast.FuncLit:
				if same(c.info.TypeOf(n)) {
					ok = c.ctxIgnored(n.Type, n.Body, named)
				}
				return ok
			case ast.Expr:
				tv, has := c.info.Types[n]
				if !has || tv.IsType() || !same(tv.Type) {
					return true
				}
				switch e := ast.Unparen(n).(type) {
				case *ast.Ident, *ast.SelectorExpr:
					var id *ast.Ident
					if sel, isSel := e.(*ast.SelectorExpr); isSel {
						id = sel.Sel
					} else {
						id = e.(*ast.Ident)
					}
					obj := c.info.Uses[id]
					if obj != nil && obj.Pkg() != c.pass.Pkg {
						ok = false // another package's function or variable
					}
				case *ast.CallExpr:
					if fun, isTV := c.info.Types[e.Fun]; isTV && fun.IsType() {
						return true // a conversion: its operand is checked
					}
					if fn := match.Callee(c.info, e); fn == nil || fn.Pkg() != c.pass.Pkg {
						ok = false
					}
				case *ast.FuncLit:
				default:
					ok = false // type assertion, index, receive: origin unseen
				}
			}
			return ok
		})
		if !ok {
			return false
		}
	}
	return true
}

// ctxIgnored reports whether the first parameter of a function is `_`,
// unnamed, or used only to be handed on, possibly derived by package
// context (ctx, cancel = context.WithTimeout(ctx, d)), as the first
// argument of a call of a value of the type named itself.
func (c *checker) ctxIgnored(ft *ast.FuncType, body *ast.BlockStmt, named *types.Named) bool {
	if ft.Params == nil || len(ft.Params.List) == 0 {
		return false
	}
	first := ft.Params.List[0]
	if len(first.Names) == 0 || first.Names[0].Name == "_" {
		return true
	}
	param := c.info.Defs[first.Names[0]]
	if param == nil {
		return false
	}
	ok := true
	var stack []ast.Node
	ast.Inspect(body, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		id, isID := n.(*ast.Ident)
		if !isID || c.info.Uses[id] != param || len(stack) < 2 {
			return ok
		}
		switch p := stack[len(stack)-2].(type) {
		case *ast.CallExpr:
			if len(p.Args) > 0 && p.Args[0] == id {
				if types.Identical(types.Unalias(c.info.TypeOf(p.Fun)), named) {
					return ok
				}
				// ctx = context.WithX(ctx, ...): back into the parameter.
				if fn := match.Callee(c.info, p); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" && len(stack) >= 3 {
					if as, isAs := stack[len(stack)-3].(*ast.AssignStmt); isAs && len(as.Rhs) == 1 && as.Rhs[0] == p && len(as.Lhs) > 0 {
						if lhs, isLHS := as.Lhs[0].(*ast.Ident); isLHS && c.info.ObjectOf(lhs) == param {
							return ok
						}
					}
				}
			}
		case *ast.AssignStmt:
			// the parameter as the target of the derivation above
			if len(p.Lhs) > 0 && p.Lhs[0] == id && len(p.Rhs) == 1 {
				if call, isCall := p.Rhs[0].(*ast.CallExpr); isCall {
					if fn := match.Callee(c.info, call); fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" {
						return ok
					}
				}
			}
		}
		ok = false
		return false
	})
	return ok
}
