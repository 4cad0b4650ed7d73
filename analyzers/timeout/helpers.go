package timeout

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// setsOn reports what is known of fn setting path ("ReadHeaderTimeout",
// "client.Timeout") on parameter index (-1: the receiver), from the
// value engine's summaries (internal/flow, across packages by facts):
// visible is false when fn is out of view (an interface method, a
// function value, a parameter that escapes there, a package without
// facts, or methods called on the value whose bodies cannot be seen and
// might set it), and then set means nothing.
func (c *checker) setsOn(fn *types.Func, index int, path string) (set, visible bool) {
	if fn == nil || fn.Pkg() == nil {
		return false, false
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return false, false
	}
	use, ok := c.flow.ParamUse(fn.Origin(), index)
	if !ok {
		return false, false
	}
	set = true
	for _, f := range strings.Split(path, ".") {
		if !slices.Contains(use.Set, f) {
			set = false
		}
	}
	if !set && len(use.Methods) > 0 {
		return false, false // a method out of view may set it
	}
	return set, true
}

// An arg is an argument of a call and the parameter it is given to (-1:
// the receiver).
type arg struct {
	expr  ast.Expr
	index int
}

// callArgs returns the receiver and the arguments of call, with their
// parameter positions; &x is given as x.
func callArgs(info *types.Info, call *ast.CallExpr) []arg {
	var out []arg
	strip := func(e ast.Expr) ast.Expr {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			return u.X
		}
		return e
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := info.Selections[sel]; ok && s.Kind() == types.MethodVal {
			out = append(out, arg{expr: strip(sel.X), index: -1})
		}
	}
	for i, a := range call.Args {
		out = append(out, arg{expr: strip(a), index: i})
	}
	return out
}

// fieldPath writes fields as a dotted path.
func fieldPath(fields []*types.Var) string {
	names := make([]string, len(fields))
	for i, f := range fields {
		names[i] = f.Name()
	}
	return strings.Join(names, ".")
}
