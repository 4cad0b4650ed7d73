// Package paced tells whether code runs at a pace the clock sets: in a
// loop that waits on a ticker, a timer, time.After or time.Sleep, seen
// in the function itself or through the functions of the package that
// call it. Such code is a periodic job (a compaction, a truncation, an
// election round), driven by a timer and not by outside input (requests
// served, messages received).
package paced

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

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
// waits on the clock. Loops over collections are fan-outs within one run
// and decide nothing. A function that serves a request (it takes an
// *http.Request or an http.ResponseWriter) is driven by its requests.
// With no such loop in its function, its function's
// call sites in the package decide: the code is paced when every one of
// them is paced and at least one is. An exported function may also be
// called from elsewhere, which is unknown and vetoes nothing; an
// unexported function with no call site in view (a function value) is
// not paced.
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
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil)) {
		switch n := e.Node().(type) {
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
			if fn == nil || depth >= maxDepth || seen[fn] {
				return unknown
			}
			seen[fn] = true // on this chain only: cycles end, shared callers do not
			defer delete(seen, fn)
			sites := x.callers[fn]
			if len(sites) == 0 && !fn.Exported() {
				return driven
			}
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
	}
	return unknown
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
