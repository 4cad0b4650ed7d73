package timeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// timeoutFields are the fields that bound a wait: http.Client's Timeout,
// http.Server's ReadHeaderTimeout and ReadTimeout, net.Dialer's Timeout
// and Deadline.
var timeoutFields = []string{"Timeout", "ReadHeaderTimeout", "ReadTimeout", "Deadline"}

// SetsTimeouts is the object fact of a function that gives a timeout
// field a non-zero value through one of its parameters (or its
// receiver): graceful.WithDefaults(s *http.Server) sets
// ReadHeaderTimeout on parameter 0; (*Builder).WithTimeout sets
// client.Timeout on its receiver.
type SetsTimeouts struct {
	Params []ParamSets
}

// ParamSets is one parameter of a function and the field paths it sets
// on it, written from the parameter ("ReadHeaderTimeout",
// "client.Timeout").
type ParamSets struct {
	Index int // position in the signature; -1 for the receiver
	Paths []string
}

// AFact marks SetsTimeouts as an analysis fact.
func (*SetsTimeouts) AFact() {}

func (f *SetsTimeouts) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprintf("param %d sets %s", p.Index, strings.Join(p.Paths, ",")))
	}
	return "setsTimeouts(" + strings.Join(parts, "; ") + ")"
}

// sets reports whether parameter index sets path.
func (f *SetsTimeouts) sets(index int, path string) bool {
	for _, p := range f.Params {
		if p.Index == index && slices.Contains(p.Paths, path) {
			return true
		}
	}
	return false
}

// analyzedPkg is the package fact of a package whose setters were
// computed: a function there without SetsTimeouts visibly sets none. A
// package without it (the golangci-lint plugin sees one package at a
// time) is out of view.
type analyzedPkg struct{}

func (*analyzedPkg) AFact()         {}
func (*analyzedPkg) String() string { return "timeoutSetters" }

// setters is the analyzer that computes SetsTimeouts for every package
// that can name a client, server or dialer, so that the timeout
// analyzer (which needs the facts of dependencies, but whose own rules
// need only the packages it reports on) can see what a helper sets.
var setters = &analysis.Analyzer{
	Name:       "timeoutsetters",
	Doc:        "find the functions that set a timeout field on a parameter",
	URL:        URL,
	Run:        runSetters,
	FactTypes:  []analysis.Fact{new(SetsTimeouts), new(analyzedPkg)},
	ResultType: reflect.TypeFor[*setterResult](),
}

// setterResult answers, for one package, what a function sets.
type setterResult struct {
	pass  *analysis.Pass
	local map[*types.Func]*SetsTimeouts
}

// setsOn reports what is known of fn setting path on parameter index:
// visible is false when fn is out of view (an interface method, a
// function value, a package not analyzed), and then set means nothing.
func (r *setterResult) setsOn(fn *types.Func, index int, path string) (set, visible bool) {
	if fn == nil || fn.Pkg() == nil {
		return false, false
	}
	fn = fn.Origin()
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return false, false
	}
	if fn.Pkg() == r.pass.Pkg {
		f := r.local[fn]
		return f != nil && f.sets(index, path), true
	}
	if !r.pass.ImportPackageFact(fn.Pkg(), new(analyzedPkg)) {
		return false, false
	}
	f := new(SetsTimeouts)
	return r.pass.ImportObjectFact(fn, f) && f.sets(index, path), true
}

func runSetters(pass *analysis.Pass) (any, error) {
	r := &setterResult{pass: pass, local: make(map[*types.Func]*SetsTimeouts)}
	if !match.Imports(pass.Pkg, netHTTP, "net", "crypto/tls") && pass.Pkg.Path() != netHTTP && pass.Pkg.Path() != "net" {
		return r, nil
	}
	pass.ExportPackageFact(new(analyzedPkg))
	type decl struct {
		fn     *types.Func
		body   *ast.BlockStmt
		params map[*types.Var]int
	}
	var decls []decl
	for _, file := range pass.Files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			params := make(map[*types.Var]int)
			sig := fn.Signature()
			if sig.Recv() != nil {
				params[sig.Recv()] = -1
			}
			for i := range sig.Params().Len() {
				params[sig.Params().At(i)] = i
			}
			decls = append(decls, decl{fn: fn, body: fd.Body, params: params})
		}
	}
	add := func(fn *types.Func, index int, path string) bool {
		f := r.local[fn]
		if f == nil {
			f = new(SetsTimeouts)
			r.local[fn] = f
		}
		if f.sets(index, path) {
			return false
		}
		for i := range f.Params {
			if f.Params[i].Index == index {
				f.Params[i].Paths = append(f.Params[i].Paths, path)
				return true
			}
		}
		f.Params = append(f.Params, ParamSets{Index: index, Paths: []string{path}})
		return true
	}
	info := pass.TypesInfo
	// Direct sets: p.ReadHeaderTimeout = d, p.client.Timeout = d.
	for _, d := range decls {
		ast.Inspect(d.body, func(n ast.Node) bool {
			as, ok := n.(*ast.AssignStmt)
			if !ok {
				return true
			}
			for i, lhs := range as.Lhs {
				path, ok := flow.PathOf(info, lhs)
				if !ok || len(path.Fields) == 0 || !slices.Contains(timeoutFields, path.Fields[len(path.Fields)-1].Name()) {
					continue
				}
				index, isParam := d.params[path.Root]
				if !isParam || (len(as.Lhs) == len(as.Rhs) && flow.IsZeroConst(info, as.Rhs[i])) {
					continue
				}
				add(d.fn, index, fieldPath(path.Fields))
			}
			return true
		})
	}
	// Through other setters: p handed to a function that sets a path on
	// the parameter it is given, until nothing changes.
	for changed := true; changed; {
		changed = false
		for _, d := range decls {
			ast.Inspect(d.body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				callee := match.Callee(info, call)
				if callee == nil {
					return true
				}
				for _, e := range callArgs(info, call) {
					path, ok := flow.PathOf(info, e.expr)
					if !ok {
						continue
					}
					index, isParam := d.params[path.Root]
					if !isParam {
						continue
					}
					for _, sub := range r.pathsOf(callee, e.index) {
						full := fieldPath(path.Fields)
						if full != "" {
							full += "."
						}
						if add(d.fn, index, full+sub) {
							changed = true
						}
					}
				}
				return true
			})
		}
	}
	for fn, f := range r.local {
		for i := range f.Params {
			sort.Strings(f.Params[i].Paths)
		}
		if fn.Exported() || fn.Signature().Recv() != nil {
			pass.ExportObjectFact(fn, f)
		}
	}
	return r, nil
}

// pathsOf returns the paths callee sets on parameter index.
func (r *setterResult) pathsOf(callee *types.Func, index int) []string {
	callee = callee.Origin()
	var f *SetsTimeouts
	if callee.Pkg() == r.pass.Pkg {
		f = r.local[callee]
	} else {
		f = new(SetsTimeouts)
		if !r.pass.ImportObjectFact(callee, f) {
			f = nil
		}
	}
	if f == nil {
		return nil
	}
	for _, p := range f.Params {
		if p.Index == index {
			return p.Paths
		}
	}
	return nil
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
