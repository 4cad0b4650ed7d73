package match

import (
	"go/ast"
	"go/types"
)

// LocalCallees returns the functions and methods of pkg that n calls
// anywhere within it (function literals included), by their generic
// origin, each once, in the order of their first call: the edges of the
// package's call graph along which a property of functions is
// propagated (internal/fixpoint).
func LocalCallees(info *types.Info, pkg *types.Package, n ast.Node) []*types.Func {
	var out []*types.Func
	seen := make(map[*types.Func]bool)
	ast.Inspect(n, func(x ast.Node) bool {
		if call, ok := x.(*ast.CallExpr); ok {
			if fn := Callee(info, call); fn != nil && fn.Pkg() == pkg && !seen[fn.Origin()] {
				seen[fn.Origin()] = true
				out = append(out, fn.Origin())
			}
		}
		return true
	})
	return out
}
