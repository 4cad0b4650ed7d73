package idempotency

import (
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// Packages whose requests the analyzer follows.
const (
	httpPkg  = "net/http"
	retryPkg = "github.com/hashicorp/go-retryablehttp"
)

var restyPkgs = []string{"github.com/go-resty/resty/v2", "resty.dev/v3"}

// isWrite reports whether an HTTP method is neither safe nor idempotent
// (RFC 9110): repeating it may repeat its effect.
func isWrite(method string) bool { return method == "POST" || method == "PATCH" }

// reqLike reports whether t is a request or header the analyzer follows:
// *http.Request, http.Header, go-retryablehttp's and resty's requests.
func reqLike(t types.Type) bool {
	if t == nil {
		return false
	}
	if match.IsTypeOrPointer(t, "net/http.Request") || match.IsType(t, "net/http.Header") || match.IsTypeOrPointer(t, retryPkg+".Request") {
		return true
	}
	for _, p := range restyPkgs {
		if match.IsTypeOrPointer(t, p+".Request") {
			return true
		}
	}
	return false
}

func isRestyMethod(fn *types.Func, names ...string) bool {
	for _, p := range restyPkgs {
		if match.IsMethod(fn, p, "Request", names...) {
			return true
		}
	}
	return false
}

// isMethodExpr reports whether call calls a method expression (T.M(x,
// args)), whose arguments are shifted by one.
func isMethodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.MethodExpr
}

// harmless reports whether passing a request as argument i of fn cannot
// set a header out of view: fn is a function (not an interface method or
// a function value) whose facts would say so, of an analyzed package, or
// one from a package that knows nothing of net/http.
func (f *funcFlow) harmless(fn *types.Func, i int) bool {
	if fn == nil || isInterfaceMethod(fn) {
		return false
	}
	fn = fn.Origin()
	sig := fn.Signature()
	if sig.TypeParams().Len() > 0 || (sig.Recv() != nil && sig.RecvTypeParams().Len() > 0) {
		return false
	}
	params := sig.Params()
	var pt types.Type
	switch {
	case sig.Variadic() && i >= params.Len()-1:
		if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok {
			pt = s.Elem()
		}
	case i < params.Len():
		pt = params.At(i).Type()
	}
	if reqLike(pt) {
		// Every driver (go vet, which the CLI drives, golangci-lint,
		// nogo, analysistest) analyzes each dependency, so the missing
		// SetsKey fact means fn does not set the key.
		return true
	}
	return !f.c.importsHTTP(fn.Pkg())
}

func isInterfaceMethod(fn *types.Func) bool {
	recv := fn.Signature().Recv()
	return recv != nil && types.IsInterface(recv.Type())
}

// funcName names fn for a message: http.Post, http.Client.Post.
func funcName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := recv.Type()
		if p, ok := t.(*types.Pointer); ok {
			t = p.Elem()
		}
		if n, ok := types.Unalias(t).(*types.Named); ok {
			name = n.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}
