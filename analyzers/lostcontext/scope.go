package lostcontext

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// scope is the request context visible at a call.
type scope struct {
	expr  string     // how to refer to it there: "ctx" or "r.Context()"
	param *types.Var // the parameter that holds the incoming request or its context
	// hypothetical: no request is seen to feed param; findings there
	// become facts for callers in other packages.
	hypothetical bool
	body         inspector.Cursor
	goroutine    bool // the call runs in a goroutine started in the request
}

// requestScope finds the incoming request's context in scope at cur: a
// named parameter of the nearest enclosing function that has context or
// request parameters, which holds an incoming request (see requests). ok
// is false outside such functions, where that function's contexts are
// not a request's, and where the policy leaves the call alone (roots,
// deferred cleanup, detached goroutines).
func (c *checker) requestScope(f *ast.File, cur inspector.Cursor) (scope, bool) {
	goroutine := false
	// An argument of a go statement's call (go reload(ctx)) is made in
	// the request for work that runs after it: fire and forget, unless
	// the call hands the goroutine a channel or a WaitGroup to be waited
	// for, as for a function literal below.
	for e := range cur.Enclosing((*ast.GoStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if stmt, ok := e.Node().(*ast.GoStmt); ok && stmt.Call.Lparen < cur.Node().Pos() {
			if _, marked := report.Marked(c.pass.Fset, f, stmt.Pos(), Detached); marked || !c.req.handsWaiter(stmt.Call) {
				return scope{}, false
			}
			goroutine = true
		}
		break
	}
	for fc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil), (*ast.DeferStmt)(nil)) {
		if _, isDefer := fc.Node().(*ast.DeferStmt); isDefer {
			// Deferred cleanup (kafka-go resets pprof labels with
			// context.Background) runs when the request may be over.
			return scope{}, false
		}
		var ftype *ast.FuncType
		var body *ast.BlockStmt
		switch fn := fc.Node().(type) {
		case *ast.FuncDecl:
			if c.isRoot(fn) {
				return scope{}, false
			}
			ftype, body = fn.Type, fn.Body
		case *ast.FuncLit:
			ftype, body = fn.Type, fn.Body
		}
		if s, found, ok := c.paramContext(ftype, cur.Node().Pos()); found {
			if !ok || body == nil {
				return scope{}, false
			}
			s.body = fc.ChildAt(bodyEdge(fc.Node()), -1)
			s.goroutine = goroutine
			return s, true
		}
		// Leaving a function literal for the function around it: only
		// literals that run during the request see its context.
		if lit, isLit := fc.Node().(*ast.FuncLit); isLit {
			call, isCall := fc.Parent().Node().(*ast.CallExpr)
			switch {
			case isCall && call.Fun == lit:
				if stmt, ok := fc.Parent().Parent().Node().(*ast.GoStmt); ok {
					if _, marked := report.Marked(c.pass.Fset, f, stmt.Pos(), Detached); marked {
						return scope{}, false
					}
					if !c.waitedFor(lit) {
						// Fire and forget: work that outlives the
						// request by design (tune corpus: thumbnails
						// generated after an upload's response).
						return scope{}, false
					}
					goroutine = true
				}
				// else: called on the spot (deferred calls stop above)
			case isCall && fc.ParentEdgeKind() == edge.CallExpr_Args:
				// A callback (errgroup's Go, a retry helper) runs for the
				// request; time.AfterFunc's runs later.
				if match.IsFunc(match.Callee(c.info, call), "time", "AfterFunc") {
					return scope{}, false
				}
			default:
				// Returned or stored (Prometheus's tracing shutdown
				// closure): it runs after the request, out of view.
				return scope{}, false
			}
		}
	}
	return scope{}, false
}

// paramContext looks, among the parameters of ftype visible by name at
// pos, for one that holds an incoming request: a context (preferred), an
// *http.Request or a gRPC server stream. found reports whether ftype has
// any context or request parameter (the search stops at it); ok whether
// one of them holds an incoming request.
func (c *checker) paramContext(ftype *ast.FuncType, pos token.Pos) (s scope, found, ok bool) {
	var best *types.Var
	rank := 0 // 4: a request's context, 3: a request's request or stream, 2 and 1: the same, hypothetical
	for _, v := range paramVars(c.info, ftype) {
		if v == nil || !c.visible(v, pos) {
			continue
		}
		isCtx := isContext(v.Type())
		if !isCtx && !carrier(v.Type()) && !isServerStream(v.Type()) {
			continue
		}
		found = true
		r := 0
		switch {
		case c.req.vars[v] && isCtx:
			r = 4
		case c.req.vars[v]:
			r = 3
		case c.req.hypo[v] && isCtx:
			r = 2
		case c.req.hypo[v]:
			r = 1
		}
		if r > rank {
			best, rank = v, r
		}
	}
	if best == nil {
		return scope{}, found, false
	}
	s = scope{expr: best.Name(), param: best, hypothetical: rank <= 2}
	if !isContext(best.Type()) {
		s.expr += ".Context()"
	}
	return s, true, true
}

// visible reports whether v's name refers to v at pos (not shadowed).
func (c *checker) visible(v *types.Var, pos token.Pos) bool {
	inner := c.pass.Pkg.Scope().Innermost(pos)
	if inner == nil {
		return false
	}
	_, obj := inner.LookupParent(v.Name(), pos)
	return obj == v
}

// waitedFor reports whether the request waits for the goroutine that
// runs lit: it calls Done on a sync.WaitGroup or sends its result on a
// channel. Such a goroutine is request work (a fan-out), not work that
// outlives the request.
func (c *checker) waitedFor(lit *ast.FuncLit) bool {
	waited := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SendStmt:
			waited = true
		case *ast.CallExpr:
			if match.IsMethod(match.Callee(c.info, n), "sync", "WaitGroup", "Done") {
				waited = true
			}
		case *ast.FuncLit:
			return false // another goroutine's or callback's business
		}
		return !waited
	})
	return waited
}
