package match

import (
	"go/ast"
	"go/types"
)

// HandlerRequest reports whether ftype has the parameters of an
// http.HandlerFunc, (http.ResponseWriter, *http.Request), and returns
// its request parameter: nil when that parameter is unnamed or blank,
// so that no request's context is in scope by name. lostcontext seeds
// incoming requests here, and the analyzers that leave a handler's
// dropped context to it (timeout, ctxdeadline) ask the same question.
func HandlerRequest(info *types.Info, ftype *ast.FuncType) (req *types.Var, ok bool) {
	if ftype == nil || ftype.Params == nil {
		return nil, false
	}
	var ts []types.Type
	var vars []*types.Var
	for _, field := range ftype.Params.List {
		t := info.TypeOf(field.Type)
		if len(field.Names) == 0 {
			ts, vars = append(ts, t), append(vars, nil)
			continue
		}
		for _, name := range field.Names {
			v, _ := info.Defs[name].(*types.Var)
			if name.Name == "_" {
				v = nil
			}
			ts, vars = append(ts, t), append(vars, v)
		}
	}
	if len(ts) != 2 || !IsType(ts[0], "net/http.ResponseWriter") || !IsPointer(ts[1]) || !IsTypeOrPointer(ts[1], "net/http.Request") {
		return nil, false
	}
	return vars[1], true
}

// IsPointer reports whether t is a pointer type.
func IsPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}
