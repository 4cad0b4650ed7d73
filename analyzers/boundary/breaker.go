package boundary

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/fixpoint"
	"github.com/distlint/distlint/internal/match"
)

// A breakerWrapper is the fact that a function runs a callback it is
// given inside a circuit breaker, so that calls made in a function
// literal handed to it (in this package or another) are protected.
type breakerWrapper struct {
	// Via names the breaker: "gobreaker Execute".
	Via string
}

func (*breakerWrapper) AFact() {}

func (f *breakerWrapper) String() string {
	return "runs its callback in a circuit breaker (" + f.Via + ")"
}

// breakerOf says whether the call at cur runs inside a circuit breaker:
// it is inside a function literal handed to a breaker, or to a function
// that runs its callback in one.
func breakerOf(pass *analysis.Pass, local map[*types.Func]string, cur inspector.Cursor) Protection {
	for c := range cur.Enclosing((*ast.FuncLit)(nil)) {
		call, ok := c.Parent().Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		if via, ok := breakerCallIn(pass, local, call); ok {
			return Protection{Set, via}
		}
	}
	return Protection{Missing, "no circuit breaker around the call"}
}

// breakerCallIn reports whether call runs its function arguments inside a
// circuit breaker, and names it.
func breakerCallIn(pass *analysis.Pass, local map[*types.Func]string, call *ast.CallExpr) (string, bool) {
	fn := match.Callee(pass.TypesInfo, call)
	if fn == nil || fn.Pkg() == nil {
		return "", false
	}
	fn = fn.Origin()
	path := fn.Pkg().Path()
	switch {
	case (path == "github.com/sony/gobreaker" || path == "github.com/sony/gobreaker/v2") && fn.Name() == "Execute":
		return "gobreaker Execute", true
	case path == "github.com/afex/hystrix-go/hystrix" && (fn.Name() == "Do" || fn.Name() == "Go" || fn.Name() == "DoC" || fn.Name() == "GoC"):
		return "hystrix." + fn.Name(), true
	case hasPathPrefix(path, "github.com/failsafe-go/failsafe-go") && takesFunc(fn):
		return failsafeBreaker(pass.TypesInfo, call, fn)
	}
	var f breakerWrapper
	if fn.Pkg() == pass.Pkg {
		if via, ok := local[fn]; ok {
			return calleeName(fn) + " runs " + via, true
		}
		return "", false
	}
	if pass.ImportObjectFact(fn, &f) {
		return calleeName(fn) + " runs " + f.Via, true
	}
	return "", false
}

// failsafeBreaker reports whether a failsafe-go execution (failsafe.Get,
// Run, or an executor's Get and Run) has a circuit breaker among its
// policies: the call's arguments, and those of failsafe.With in the
// receiver. An executor made out of view counts: its policies cannot be
// seen, and teams use failsafe-go for its breaker.
func failsafeBreaker(info *types.Info, call *ast.CallExpr, fn *types.Func) (string, bool) {
	policies := call.Args
	if with, ok := ast.Unparen(receiver(call)).(*ast.CallExpr); ok {
		policies = append(slices.Clone(policies), with.Args...)
	}
	seen := 0
	for _, p := range policies {
		t := info.TypeOf(p)
		if t == nil {
			continue
		}
		if _, isFunc := t.Underlying().(*types.Signature); isFunc {
			continue // the function executed
		}
		seen++
		if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil && strings.HasSuffix(n.Obj().Pkg().Path(), "failsafe-go/circuitbreaker") {
			return "failsafe-go circuit breaker", true
		}
	}
	if seen == 0 && fn.Signature().Recv() != nil {
		return "failsafe-go executor " + fn.Name(), true
	}
	return "", false
}

// takesFunc reports whether fn has a parameter of function type.
func takesFunc(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if _, ok := params.At(i).Type().Underlying().(*types.Signature); ok {
			return true
		}
	}
	return false
}

// breakerWrappers finds the package's functions that hand one of their
// function parameters to a circuit breaker (directly, or called inside
// a function literal handed to it), exports a fact for each and returns
// them with the breaker's name. Wrappers of wrappers in the same
// package are found by examining a function again when one it calls
// becomes a wrapper.
func breakerWrappers(pass *analysis.Pass) map[*types.Func]string {
	local := make(map[*types.Func]string)
	type candidate struct {
		fn     *types.Func
		decl   *ast.FuncDecl
		params map[types.Object]bool
	}
	var cands []candidate
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			decl, ok := d.(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
			if !ok || !takesFunc(fn) {
				continue
			}
			params := make(map[types.Object]bool)
			for _, field := range decl.Type.Params.List {
				for _, name := range field.Names {
					if obj := pass.TypesInfo.Defs[name]; obj != nil {
						if _, isFunc := obj.Type().Underlying().(*types.Signature); isFunc {
							params[obj] = true
						}
					}
				}
			}
			if len(params) > 0 {
				cands = append(cands, candidate{fn, decl, params})
			}
		}
	}
	calls := func(c candidate) []*types.Func { return match.LocalCallees(pass.TypesInfo, pass.Pkg, c.decl.Body) }
	fixpoint.Solve(cands, calls, func(c candidate, changed func(*types.Func)) {
		if _, done := local[c.fn]; done {
			return
		}
		ast.Inspect(c.decl.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || local[c.fn] != "" {
				return local[c.fn] == ""
			}
			via, ok := breakerCallIn(pass, local, call)
			if ok && handsParam(pass.TypesInfo, call, c.params) {
				local[c.fn] = via
				changed(c.fn)
			}
			return true
		})
	})
	for fn, via := range local {
		pass.ExportObjectFact(fn, &breakerWrapper{Via: via})
	}
	return local
}

// handsParam reports whether one of call's arguments is one of the
// function parameters params, or a function literal that uses one.
func handsParam(info *types.Info, call *ast.CallExpr, params map[types.Object]bool) bool {
	for _, arg := range call.Args {
		found := false
		ast.Inspect(arg, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && params[info.Uses[id]] {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
