// Package paced tells whether code runs at a pace the clock sets: in a
// loop that waits on a ticker, a timer, time.After or time.Sleep, seen
// in the function itself or through the functions of the package that
// call it. Such code is a periodic job (a compaction, a truncation, an
// election round), driven by a timer and not by outside input (requests
// served, messages received).
package paced

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// maxDepth bounds how many callers are climbed from one function.
const maxDepth = 6

// An Index answers for one package. It is built on first use: the call
// sites of the package's functions, outside its test files, are
// collected in one walk.
type Index struct {
	pass    *analysis.Pass
	insp    *inspector.Inspector
	callers map[*types.Func][]inspector.Cursor
	waits   map[*types.Func]bool
}

// New returns an index of the package of pass.
func New(pass *analysis.Pass, insp *inspector.Inspector) *Index {
	return &Index{pass: pass, insp: insp}
}

func (x *Index) build() {
	if x.callers != nil {
		return
	}
	x.callers = make(map[*types.Func][]inspector.Cursor)
	x.waits = make(map[*types.Func]bool)
	for cur := range x.insp.Root().Preorder((*ast.CallExpr)(nil)) {
		// Tests and benchmarks call a job directly, in loops of their
		// own (for b.Loop()): they are not its production callers.
		if strings.HasSuffix(x.pass.Fset.File(cur.Node().Pos()).Name(), "_test.go") {
			continue
		}
		fn := match.Callee(x.pass.TypesInfo, cur.Node().(*ast.CallExpr))
		if fn != nil && fn.Pkg() == x.pass.Pkg {
			fn = fn.Origin()
			x.callers[fn] = append(x.callers[fn], cur)
		}
	}
}

// WaitsOnClock reports whether n, outside the function literals in it,
// waits on the clock: time.Sleep, time.After, time.Tick, a ticker or a
// timer made or received from, or a call of a function of the package
// whose body does one of those.
func (x *Index) WaitsOnClock(n ast.Node) bool {
	x.build()
	return x.waitsOnClock(n, true)
}

func (x *Index) waitsOnClock(n ast.Node, follow bool) bool {
	info := x.pass.TypesInfo
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			fn := match.Callee(info, n)
			switch {
			case match.IsFunc(fn, "time", "Sleep", "After", "Tick", "NewTicker", "NewTimer"):
				found = true
			case follow && fn != nil && fn.Pkg() == x.pass.Pkg:
				found = x.funcWaits(fn.Origin())
			}
		case *ast.SelectorExpr:
			if sel, ok := info.Selections[n]; ok && sel.Kind() == types.FieldVal && n.Sel.Name == "C" &&
				(match.IsTypeOrPointer(sel.Recv(), "time.Ticker") || match.IsTypeOrPointer(sel.Recv(), "time.Timer")) {
				found = true
			}
		}
		return !found
	})
	return found
}

// funcWaits reports whether the body of fn waits on the clock itself.
func (x *Index) funcWaits(fn *types.Func) bool {
	if w, ok := x.waits[fn]; ok {
		return w
	}
	x.waits[fn] = false
	decl := match.FuncDecl(x.pass.Files, x.pass.TypesInfo, fn)
	w := decl != nil && decl.Body != nil && x.waitsOnClock(decl.Body, false)
	x.waits[fn] = w
	return w
}

// A verdict on one call chain.
type verdict int

const (
	unknown verdict = iota // the chain leaves the package
	paced                  // a loop that waits on the clock drives it
	driven                 // a loop over a stream that does not wait on the clock drives it, or nothing does
)

// Driven reports whether the code at cur runs at the clock's pace. The
// innermost loop around it that runs over a stream (a for loop without
// a post statement, a range over a channel) decides: it is paced if it
// waits on the clock. Loops over
// collections are fan-outs within one run and decide nothing. A function that serves a request (it takes an
// *http.Request or an http.ResponseWriter) is driven by its requests; a
// Prometheus collector's Collect method runs once per scrape, at the
// pace of the scrapers' clocks.
// With no such loop in its function, its function's
// call sites in the package decide: the code is paced when every one of
// them is paced and at least one is. An exported function may also be
// called from elsewhere, which is unknown and vetoes nothing; an
// unexported function with no call site in view (a function value) is
// not paced. A function literal stored in a local variable runs where
// the variable is called, or where it is handed to a function whose
// definitions are in view and that calls that parameter (a maintenance
// loop calling runMaintenance(doMaintenance) on each tick): those call
// sites decide as a function's do. A literal used any other way is taken
// to run where it is written.
func (x *Index) Driven(cur inspector.Cursor) bool {
	x.build()
	return x.driven(cur, 0, make(map[*types.Func]bool)) == paced
}

func (x *Index) driven(cur inspector.Cursor, depth int, seen map[*types.Func]bool) verdict {
	info := x.pass.TypesInfo
	clock := func(loop ast.Node) verdict {
		if x.waitsOnClock(loop, true) {
			return paced
		}
		return driven
	}
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
		case *ast.FuncLit:
			sites, ok := x.litSites(e)
			if !ok {
				continue // run where it is written, as far as can be seen
			}
			if depth >= maxDepth {
				return unknown
			}
			return x.sites(sites, depth, seen)
		case *ast.ForStmt:
			if n.Post == nil { // for {...} or for cond {...}, not a counted loop
				return clock(n)
			}
		case *ast.RangeStmt:
			if t := info.TypeOf(n.X); t != nil {
				if _, ok := t.Underlying().(*types.Chan); ok {
					return clock(n)
				}
			}
		case *ast.FuncDecl:
			fn, _ := info.Defs[n.Name].(*types.Func)
			if fn != nil && servesRequest(fn) {
				return driven
			}
			if fn != nil && collects(fn) {
				return paced // once per scrape: the scraper's clock sets the pace
			}
			if fn == nil || depth >= maxDepth || seen[fn] {
				return unknown
			}
			seen[fn] = true // on this chain only: cycles end, shared callers do not
			defer delete(seen, fn)
			sites := x.callers[fn]
			if len(sites) == 0 && !fn.Exported() {
				return driven
			}
			return x.sites(sites, depth, seen)
		}
	}
	return unknown
}

// sites is the verdict on code run from the call sites: driven if one of
// them is, paced if one is and none is driven.
func (x *Index) sites(sites []inspector.Cursor, depth int, seen map[*types.Func]bool) verdict {
	v := unknown
	for _, site := range sites {
		switch x.driven(site, depth+1, seen) {
		case driven:
			return driven
		case paced:
			v = paced
		}
	}
	return v
}

// servesRequest reports whether fn takes an HTTP request or response
// writer: it runs once per request.
func servesRequest(fn *types.Func) bool {
	params := fn.Signature().Params()
	for i := range params.Len() {
		t := params.At(i).Type()
		if match.IsTypeOrPointer(t, "net/http.Request") || match.IsType(t, "net/http.ResponseWriter") {
			return true
		}
	}
	return false
}

// collects reports whether fn is the Collect method of a Prometheus
// collector (Collect(chan<- prometheus.Metric)): the registry calls it
// once per scrape, at the pace of the scrapers' intervals.
func collects(fn *types.Func) bool {
	sig := fn.Signature()
	if fn.Name() != "Collect" || sig.Recv() == nil || sig.Params().Len() != 1 {
		return false
	}
	ch, ok := sig.Params().At(0).Type().(*types.Chan)
	return ok && ch.Dir() == types.SendOnly && match.IsType(ch.Elem(), "github.com/prometheus/client_golang/prometheus.Metric")
}

// litSites returns the call sites that run the function literal at lit:
// the calls of the local variable it is stored in, and the calls that
// hand that variable to a function (a local function value or a
// function of the package) whose every definition in view calls the
// parameter it is given. ok is false when the literal is not stored in
// a local variable or the variable is used in another way (stored,
// returned, handed to a function out of view).
func (x *Index) litSites(lit inspector.Cursor) (sites []inspector.Cursor, ok bool) {
	info := x.pass.TypesInfo
	v := storedIn(info, lit)
	if v == nil {
		return nil, false
	}
	scope, ok := flow.EnclosingFunc(lit)
	if !ok {
		return nil, false
	}
	for _, u := range flow.Uses(info, scope, v) {
		k, i := u.ParentEdge()
		switch k {
		case edge.AssignStmt_Lhs:
			continue // another value given to it
		case edge.CallExpr_Fun:
			sites = append(sites, u.Parent())
		case edge.CallExpr_Args:
			call := u.Parent().Node().(*ast.CallExpr)
			if call.Ellipsis.IsValid() || !x.callsParam(scope, call, i) {
				return nil, false
			}
			sites = append(sites, u.Parent())
		default:
			return nil, false
		}
	}
	return sites, len(sites) > 0
}

// storedIn returns the local variable that the function literal at lit
// is assigned to or declared with, or nil.
func storedIn(info *types.Info, lit inspector.Cursor) *types.Var {
	var id *ast.Ident
	switch k, i := lit.ParentEdge(); k {
	case edge.AssignStmt_Rhs:
		as := lit.Parent().Node().(*ast.AssignStmt)
		if len(as.Lhs) == len(as.Rhs) && (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) {
			id, _ = ast.Unparen(as.Lhs[i]).(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		vs := lit.Parent().Node().(*ast.ValueSpec)
		if len(vs.Names) == len(vs.Values) {
			id = vs.Names[i]
		}
	}
	if id == nil {
		return nil
	}
	v, _ := info.ObjectOf(id).(*types.Var)
	if v == nil || v.IsField() || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return nil // a field or a package variable: used out of view
	}
	return v
}

// callsParam reports whether the function called by call, a local
// function value whose every definition in scope is a literal or a
// function of the package, calls its i-th parameter in each of them.
func (x *Index) callsParam(scope inspector.Cursor, call *ast.CallExpr, i int) bool {
	info := x.pass.TypesInfo
	var bodies []*ast.FuncType
	var blocks []*ast.BlockStmt
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		switch obj := info.Uses[fun].(type) {
		case *types.Var:
			defs, ok := flow.Defs(info, scope, obj)
			if !ok {
				return false
			}
			for _, d := range defs {
				lit, isLit := ast.Unparen(d.Expr).(*ast.FuncLit)
				if !isLit {
					return false
				}
				bodies, blocks = append(bodies, lit.Type), append(blocks, lit.Body)
			}
		case *types.Func:
			decl := match.FuncDecl(x.pass.Files, info, obj)
			if decl == nil || decl.Body == nil || obj.Pkg() != x.pass.Pkg {
				return false
			}
			bodies, blocks = append(bodies, decl.Type), append(blocks, decl.Body)
		default:
			return false
		}
	default:
		return false
	}
	for j, ft := range bodies {
		p := param(info, ft, i)
		if p == nil || !calls(info, blocks[j], p) {
			return false
		}
	}
	return len(bodies) > 0
}

// param returns the i-th parameter of ft, or nil.
func param(info *types.Info, ft *ast.FuncType, i int) *types.Var {
	n := 0
	for _, f := range ft.Params.List {
		for _, name := range f.Names {
			if n == i {
				v, _ := info.Defs[name].(*types.Var)
				return v
			}
			n++
		}
		if len(f.Names) == 0 {
			n++
		}
	}
	return nil
}

// calls reports whether body calls v.
func calls(info *types.Info, body *ast.BlockStmt, v *types.Var) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && info.Uses[id] == v {
				found = true
			}
		}
		return !found
	})
	return found
}
