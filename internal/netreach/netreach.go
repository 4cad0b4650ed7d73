package netreach

import (
	"cmp"
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/internal/fixpoint"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

// Analyzer computes which functions of a package reach the network and
// exports the Reaches fact for the exported ones, so that analyzers that
// require it see a helper in another package for what it is. Its result
// is a *Result.
var Analyzer = &analysis.Analyzer{
	Name:       "netreach",
	Doc:        "find the functions that make network calls, directly or through the functions they call",
	URL:        "https://github.com/distlint/distlint/tree/main/internal/netreach",
	Run:        report.Protect(run),
	FactTypes:  []analysis.Fact{new(Reaches), new(pkgReaches)},
	ResultType: reflect.TypeFor[*Result](),
}

// A Reaches is the fact that a function makes a network call, directly
// or through the functions it calls (not through goroutines it starts,
// nor function literals it returns or stores: it does not wait for
// them). A function that ClassifyFunc classifies (a Stripe or AWS
// operation, a gRPC stub's method) has none: read the fact only through
// Result.Reaches or Result.Call, which classify first.
type Reaches struct {
	Kind Kind
	// Via names the network call, as a message names it:
	// "(*http.Client).Do".
	Via string
}

// AFact marks Reaches as a fact.
func (*Reaches) AFact() {}

func (f *Reaches) String() string { return "reaches " + f.Kind.String() + " via " + f.Via }

// A pkgReaches is the fact that a package has a function that reaches
// the network, or imports a package that has one, or is a package that
// network calls belong to. A package without it is left at once.
type pkgReaches struct{}

func (*pkgReaches) AFact()         {}
func (*pkgReaches) String() string { return "reaches the network" }

// A Result answers, for one package, which calls reach the network.
type Result struct {
	pass  *analysis.Pass
	local map[*types.Func]*Reaches // the package's own functions that reach it
	deps  map[*types.Package]map[string]bool
}

// Reaches returns what a call of fn reaches: the network call fn is,
// or (by the package's analysis or by facts) the one it makes through
// the functions it calls. ok is false when fn is not known to reach the
// network.
func (r *Result) Reaches(fn *types.Func) (Reaches, bool) {
	if fn == nil || fn.Pkg() == nil {
		return Reaches{}, false
	}
	fn = fn.Origin()
	if c, ok := ClassifyFunc(fn); ok {
		return Reaches{Kind: c.Kind, Via: c.Name()}, true
	}
	if fn.Pkg() == r.pass.Pkg {
		if f := r.local[fn]; f != nil {
			return *f, true
		}
		return Reaches{}, false
	}
	var f Reaches
	if r.pass.ImportObjectFact(fn, &f) {
		return f, true
	}
	return Reaches{}, false
}

// Call returns the network call that call makes itself (with direct
// true), or through the function it calls.
func (r *Result) Call(call *ast.CallExpr) (c Call, direct, ok bool) {
	if c, ok := Classify(r.pass.TypesInfo, call); ok {
		return c, true, true
	}
	fn := match.Callee(r.pass.TypesInfo, call)
	f, ok := r.Reaches(fn)
	if !ok {
		return Call{}, false, false
	}
	return Call{Kind: f.Kind, Op: f.Via, Func: fn, Ctx: -1, Req: -1}, false, true
}

// Package reports whether the package under analysis can reach the
// network at all: when it cannot, no call in it does.
func (r *Result) Package() bool { return r.local != nil }

// DependsOn reports whether pkg is one of paths or imports one of them,
// directly or through other packages, as far as the type checker saw
// its imports (for a package read from export data, the imports its API
// refers to).
func (r *Result) DependsOn(pkg *types.Package, path string) bool {
	if pkg == nil {
		return false
	}
	memo := r.deps[pkg]
	if memo == nil {
		memo = make(map[string]bool)
		r.deps[pkg] = memo
	}
	if v, ok := memo[path]; ok {
		return v
	}
	memo[path] = false // the walk in progress
	found := pkg.Path() == path
	for _, imp := range pkg.Imports() {
		if found {
			break
		}
		found = r.DependsOn(imp, path)
	}
	memo[path] = found
	return found
}

func run(pass *analysis.Pass) (any, error) {
	r := &Result{pass: pass, deps: make(map[*types.Package]map[string]bool)}
	if !mayReach(pass) {
		return r, nil
	}
	r.local = computeFacts(pass)
	pass.ExportPackageFact(new(pkgReaches))
	return r, nil
}

// mayReach reports whether the package can make a network call: it is
// a package that network calls belong to, or one of its imports is or
// has the pkgReaches fact.
func mayReach(pass *analysis.Pass) bool {
	if IsNetPackage(pass.Pkg.Path()) {
		return true
	}
	for _, imp := range pass.Pkg.Imports() {
		if IsNetPackage(imp.Path()) || pass.ImportPackageFact(imp, new(pkgReaches)) {
			return true
		}
	}
	return false
}

// IsNetPackage reports whether calls of path's functions can be network
// calls by the rules of this package.
func IsNetPackage(path string) bool {
	_, ok := PackageKind(path)
	return ok
}

// PackageKind returns the kind of the network calls of the package path,
// if its calls can be network calls by the rules of this package. (A
// gRPC stub belongs to the package generated for its service: that
// package imports grpc, whose kind is GRPC.)
func PackageKind(path string) (Kind, bool) {
	path = stripMajor(path)
	if rs, ok := rules[path]; ok && len(rs) > 0 {
		return rs[0].kind, true
	}
	if redisPackages[path] {
		return Redis, true
	}
	for _, prefix := range []string{"github.com/aws/aws-sdk-go-v2/service/", "github.com/aws/aws-sdk-go/service/", "github.com/stripe/stripe-go", "cloud.google.com/go/", "google.golang.org/api/"} {
		if strings.HasPrefix(path, prefix) {
			return Cloud, true
		}
	}
	return None, false
}

// computeFacts finds the package's functions that reach the network,
// directly or through each other, exports the fact for the exported
// ones and returns them all.
func computeFacts(pass *analysis.Pass) map[*types.Func]*Reaches {
	type node struct {
		fact    *Reaches
		callees []*types.Func
	}
	nodes := make(map[*types.Func]*node)
	var order []*types.Func
	for fn, fd := range match.FuncDecls(pass.Files, pass.TypesInfo) {
		n := new(node)
		nodes[fn] = n
		order = append(order, fn)
		escapes := escapingLits(pass.TypesInfo, fd.Body)
		ast.Inspect(fd.Body, func(x ast.Node) bool {
			switch x := x.(type) {
			case *ast.GoStmt:
				return false
			case *ast.FuncLit:
				return !escapes[x]
			case *ast.CallExpr:
				if n.fact != nil {
					return false
				}
				callee := match.Callee(pass.TypesInfo, x)
				if callee == nil {
					return true
				}
				callee = callee.Origin()
				if c, ok := Classify(pass.TypesInfo, x); ok {
					n.fact = &Reaches{Kind: c.Kind, Via: c.Name()}
				} else if callee.Pkg() == pass.Pkg {
					n.callees = append(n.callees, callee)
				} else if callee.Pkg() != nil {
					var f Reaches
					if pass.ImportObjectFact(callee, &f) {
						n.fact = &f
					}
				}
			}
			return true
		})
	}
	// A function reaches the network through the first of its callees
	// in the package that does.
	callees := func(fn *types.Func) []*types.Func { return nodes[fn].callees }
	fixpoint.Solve(order, callees, func(fn *types.Func, changed func(*types.Func)) {
		n := nodes[fn]
		if n.fact != nil {
			return
		}
		for _, c := range n.callees {
			if cn := nodes[c]; cn != nil && cn.fact != nil {
				n.fact = cn.fact
				changed(fn)
				return
			}
		}
	})
	local := make(map[*types.Func]*Reaches)
	for _, fn := range order {
		if f := nodes[fn].fact; f != nil {
			local[fn] = f
			// Others cannot name the unexported rest, and a function the
			// rules classify (a Stripe or AWS operation) is classified
			// again where it is called, before any fact is read.
			if _, classified := ClassifyFunc(fn); fn.Exported() && !classified {
				pass.ExportObjectFact(fn, &Reaches{Kind: f.Kind, Via: cmp.Or(f.Via, "?")})
			}
		}
	}
	return local
}

// escapingLits returns the function literals of body that escape the
// function: returned, stored in a field, element or composite literal
// (a handler being built). Those called, kept in a local variable or
// handed to a call (a callback of a retry helper or a transaction) run
// on the function's behalf and count.
func escapingLits(info *types.Info, body *ast.BlockStmt) map[*ast.FuncLit]bool {
	escapes := make(map[*ast.FuncLit]bool)
	mark := func(es ...ast.Expr) {
		for _, e := range es {
			if kv, ok := e.(*ast.KeyValueExpr); ok {
				e = kv.Value
			}
			if conv, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(conv.Args) == 1 {
				if tv, ok := info.Types[conv.Fun]; ok && tv.IsType() {
					e = conv.Args[0] // http.HandlerFunc(func(...) {...})
				}
			}
			if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
				escapes[lit] = true
			}
		}
	}
	ast.Inspect(body, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.ReturnStmt:
			mark(x.Results...)
		case *ast.CompositeLit:
			mark(x.Elts...)
		case *ast.AssignStmt:
			for i, lhs := range x.Lhs {
				if _, local := ast.Unparen(lhs).(*ast.Ident); !local && len(x.Lhs) == len(x.Rhs) {
					mark(x.Rhs[i])
				}
			}
		}
		return true
	})
	return escapes
}
