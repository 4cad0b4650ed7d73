package retry

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/internal/fixpoint"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

// Analyzer finds retry helpers: functions that call a function they are
// given repeatedly, in a loop or through a retry library or another
// helper (retry(ctx, func() (bool, error) {...})). It exports the Helper
// fact for the exported ones; its result is a *Helpers.
//
// It knows the retry libraries of DefaultLibraries; a user's extra
// libraries are honoured where a call is classified (Helpers.Retries),
// not in the facts.
var Analyzer = &analysis.Analyzer{
	Name:       "retryhelper",
	Doc:        "find the functions that call a function parameter repeatedly (retry helpers)",
	URL:        "https://github.com/distlint/distlint/tree/main/internal/retry",
	Run:        report.Protect(runHelpers),
	FactTypes:  []analysis.Fact{new(Helper)},
	ResultType: reflect.TypeFor[*Helpers](),
}

// A Helper is the fact that a function calls some of its function
// parameters repeatedly.
type Helper struct {
	// Params are the indices of those parameters, in order.
	Params []int
}

// AFact marks Helper as a fact.
func (*Helper) AFact() {}

func (h *Helper) String() string { return fmt.Sprintf("retries its func parameters %v", h.Params) }

// Helpers answers, for one package, which calls retry a function they
// are given.
type Helpers struct {
	pass  *analysis.Pass
	local map[*types.Func][]int
}

// Params returns the indices of the function parameters that fn calls
// repeatedly, from the package's analysis or from facts.
func (h *Helpers) Params(fn *types.Func) []int {
	if fn == nil || fn.Pkg() == nil {
		return nil
	}
	fn = fn.Origin()
	if fn.Pkg() == h.pass.Pkg {
		return h.local[fn]
	}
	var f Helper
	if h.pass.ImportObjectFact(fn, &f) {
		return f.Params
	}
	return nil
}

// Retries reports whether call retries the function it is given as
// argument arg: the callee belongs to one of libs (nil: the default
// list) and the argument is a function, or the callee is a retry helper
// for that parameter. name names the callee for messages.
func (h *Helpers) Retries(call *ast.CallExpr, arg int, libs *Libraries) (name string, ok bool) {
	return retries(h.pass.TypesInfo, call, arg, libs, h.Params)
}

func retries(info *types.Info, call *ast.CallExpr, arg int, libs *Libraries, params func(*types.Func) []int) (string, bool) {
	fn := match.Callee(info, call)
	if fn == nil || arg >= len(call.Args) {
		return "", false
	}
	if fn.Pkg() != nil && libs.Has(fn.Pkg().Path()) {
		if _, ok := info.TypeOf(call.Args[arg]).Underlying().(*types.Signature); ok {
			return fn.Pkg().Name() + "." + fn.Name(), true
		}
		return "", false
	}
	i := arg
	if sig := fn.Signature(); sig.Variadic() && i >= sig.Params().Len()-1 {
		i = sig.Params().Len() - 1
	}
	if slices.Contains(params(fn), i) {
		return fn.Name(), true
	}
	return "", false
}

func runHelpers(pass *analysis.Pass) (any, error) {
	h := &Helpers{pass: pass, local: make(map[*types.Func][]int)}
	type cand struct {
		fn     *types.Func
		decl   *ast.FuncDecl
		params map[*types.Var]int
	}
	var cands []cand
	for fn, fd := range match.FuncDecls(pass.Files, pass.TypesInfo) {
		params := make(map[*types.Var]int)
		ps := fn.Signature().Params()
		for i := range ps.Len() {
			if _, ok := ps.At(i).Type().Underlying().(*types.Signature); ok {
				params[ps.At(i)] = i
			}
		}
		if len(params) > 0 {
			cands = append(cands, cand{fn, fd, params})
		}
	}
	// A helper may retry through another helper of the package: a
	// candidate is examined again when one it calls changes.
	calls := func(c cand) []*types.Func { return match.LocalCallees(pass.TypesInfo, pass.Pkg, c.decl.Body) }
	fixpoint.Solve(cands, calls, func(c cand, changed func(*types.Func)) {
		got := repeatedParams(pass.TypesInfo, c.decl.Body, c.params, h.Params)
		if len(got) != len(h.local[c.fn]) {
			h.local[c.fn] = got
			changed(c.fn)
		}
	})
	for _, c := range cands {
		if ps := h.local[c.fn]; len(ps) > 0 && c.fn.Exported() {
			pass.ExportObjectFact(c.fn, &Helper{Params: ps})
		}
	}
	return h, nil
}

// repeatedParams returns the indices of the parameters (in params) that
// body calls repeatedly: in a loop that is not over a collection, or in
// (or as) a function handed to a call that retries it.
func repeatedParams(info *types.Info, body *ast.BlockStmt, params map[*types.Var]int, known func(*types.Func) []int) []int {
	found := make(map[int]bool)
	param := func(e ast.Expr) (int, bool) {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return 0, false
		}
		v, ok := info.Uses[id].(*types.Var)
		if !ok {
			return 0, false
		}
		i, ok := params[v]
		return i, ok
	}
	var visit func(n ast.Node, repeated bool)
	visit = func(n ast.Node, repeated bool) {
		ast.Inspect(n, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.GoStmt:
				return false
			case *ast.FuncLit:
				if x != n {
					return false // runs when someone calls it, not on this call's behalf
				}
			case *ast.ForStmt:
				if x != n && overItems(info, x) {
					return true // one call per item, not again
				}
				if x != n {
					if x.Init != nil {
						visit(x.Init, repeated)
					}
					visit(x.Body, true)
					if x.Cond != nil {
						visit(x.Cond, true)
					}
					if x.Post != nil {
						visit(x.Post, true)
					}
					return false
				}
			case *ast.RangeStmt:
				if t := info.TypeOf(x.X); x != n && t != nil {
					if b, ok := t.Underlying().(*types.Basic); ok && b.Info()&types.IsInteger != 0 {
						visit(x.Body, true)
						return false
					}
				}
			case *ast.CallExpr:
				if i, ok := param(x.Fun); ok && repeated {
					found[i] = true
				}
				if lit, ok := ast.Unparen(x.Fun).(*ast.FuncLit); ok {
					visit(lit.Body, repeated) // func() {...}(): runs here
				}
				for j, arg := range x.Args {
					if _, ok := retries(info, x, j, nil, known); !ok {
						continue
					}
					if i, ok := param(arg); ok {
						found[i] = true
					}
					if lit, ok := ast.Unparen(arg).(*ast.FuncLit); ok {
						visit(lit.Body, true)
					}
				}
			}
			return true
		})
	}
	visit(body, false)
	var out []int
	for i := range found {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// overItems reports whether a three-clause loop walks a collection: its
// condition compares with len(...).
func overItems(info *types.Info, l *ast.ForStmt) bool {
	found := false
	if l.Cond != nil {
		ast.Inspect(l.Cond, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && match.IsBuiltin(info, call, "len") {
				found = true
			}
			return !found
		})
	}
	return found
}
