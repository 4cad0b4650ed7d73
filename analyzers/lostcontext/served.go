package lostcontext

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/fixpoint"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// grpcPath is the import path of gRPC.
const grpcPath = "google.golang.org/grpc"

// requests knows which parameters of the package's functions hold an
// incoming request: the *http.Request of a handler, the context of a
// gRPC server method (or its stream), and the context or request
// parameters of this package's functions that those are passed to.
// Contexts of any other origin (a service's lifetime, a scheduler's job,
// an outgoing request being built) are not a request's, and the
// analyzer leaves them alone.
type requests struct {
	info *types.Info
	// vars are the parameters that hold an incoming request: contexts,
	// *http.Requests, and gRPC server streams (whose Context is the
	// request's).
	vars map[*types.Var]bool
	// hypo are the other context parameters of the package's
	// functions: they might hold a request's context that a caller in
	// another package passes, which only a fact can tell that caller.
	hypo map[*types.Var]bool
	// owner gives, for each parameter of the package's functions, the
	// function and the parameter's position.
	owner map[*types.Var]paramOwner
}

type paramOwner struct {
	fn    *types.Func
	index int
}

// findRequests seeds the request parameters from the package's handlers
// and gRPC server methods and follows them, through calls of the
// package's own functions, to the parameters they are passed to.
func findRequests(pkg *types.Package, info *types.Info, root inspector.Cursor) *requests {
	r := &requests{info: info, vars: make(map[*types.Var]bool), hypo: make(map[*types.Var]bool), owner: make(map[*types.Var]paramOwner)}
	servers := match.GRPCServices(pkg)
	decls := make(map[*types.Func]*ast.FuncDecl)
	for cur := range root.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var ftype *ast.FuncType
		switch fn := cur.Node().(type) {
		case *ast.FuncDecl:
			ftype = fn.Type
			obj, ok := info.Defs[fn.Name].(*types.Func)
			if !ok || fn.Body == nil {
				continue
			}
			decls[obj] = fn
			for i, p := range paramVars(info, fn.Type) {
				if p != nil {
					r.owner[p] = paramOwner{fn: obj, index: i}
				}
			}
			if fn.Recv != nil && match.GRPCServerMethod(obj, servers) {
				r.seedGRPC(obj)
				continue
			}
		case *ast.FuncLit:
			ftype = fn.Type
		}
		r.seedHandler(ftype)
	}
	r.propagate(root, decls)
	for p := range r.owner {
		// Only contexts: a request parameter of a function that is not
		// a handler is, far more often, an outgoing request.
		if !r.vars[p] && isContext(p.Type()) {
			r.hypo[p] = true
		}
	}
	return r
}

// seedHandler marks the request parameter of a function with the
// signature of an http.HandlerFunc: (http.ResponseWriter, *http.Request).
func (r *requests) seedHandler(ftype *ast.FuncType) {
	if req, ok := match.HandlerRequest(r.info, ftype); ok && req != nil {
		r.vars[req] = true
	}
}

// seedGRPC marks the context parameter of a gRPC server method, or the
// stream parameter of a streaming one.
func (r *requests) seedGRPC(fn *types.Func) {
	sig := fn.Signature()
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if p.Name() == "" || p.Name() == "_" {
			continue
		}
		if isContext(p.Type()) || isServerStream(p.Type()) {
			r.vars[p] = true
			return
		}
	}
}

// paramVars returns the parameters of ftype in order; nil stands for an
// unnamed or blank one.
func paramVars(info *types.Info, ftype *ast.FuncType) []*types.Var {
	if ftype == nil || ftype.Params == nil {
		return nil
	}
	var out []*types.Var
	for _, field := range ftype.Params.List {
		if len(field.Names) == 0 {
			out = append(out, nil)
			continue
		}
		for _, name := range field.Names {
			v, _ := info.Defs[name].(*types.Var)
			if name.Name == "_" {
				v = nil
			}
			out = append(out, v)
		}
	}
	return out
}

// propagate marks the context and request parameters of the package's
// functions that are given a request's context or the request itself,
// until no more are found (a handler calls a service method that calls a
// store method). Calls through interfaces and function values are out of
// view.
func (r *requests) propagate(root inspector.Cursor, decls map[*types.Func]*ast.FuncDecl) {
	type edgeArg struct {
		arg    inspector.Cursor
		param  *types.Var
		fn     *types.Func
		caller *types.Func // the declaration the call is in, whose parameters the argument may carry
	}
	var args []edgeArg
	// Functions that some caller starts as a goroutine nothing waits for
	// (`go c.put(ctx, key, rec)`, handed no channel or WaitGroup): work
	// written to outlive the request, which chooses its own contexts
	// (pkgsite's cache fill, started after the response with a fresh
	// bounded context for the write). A synchronous call of the same
	// function elsewhere (a test mode's) does not make its parameters
	// the request's.
	detached := make(map[*types.Func]bool)
	for cur := range root.Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		fn := match.Callee(r.info, call)
		if fn == nil {
			continue
		}
		fn = fn.Origin()
		decl := decls[fn]
		if decl == nil {
			continue
		}
		if cur.ParentEdgeKind() == edge.GoStmt_Call && !r.handsWaiter(call) {
			detached[fn] = true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s, ok := r.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
				continue // T.M(recv, ctx): arguments shifted
			}
		}
		var caller *types.Func
		for d := range cur.Enclosing((*ast.FuncDecl)(nil)) {
			caller, _ = r.info.Defs[d.Node().(*ast.FuncDecl).Name].(*types.Func)
		}
		params := paramVars(r.info, decl.Type)
		if fn.Signature().Variadic() {
			params = params[:len(params)-1]
		}
		for i := range call.Args {
			if i >= len(params) || params[i] == nil || !carrier(params[i].Type()) {
				continue
			}
			args = append(args, edgeArg{arg: cur.ChildAt(edge.CallExpr_Args, i), param: params[i], fn: fn, caller: caller})
		}
	}
	// An argument is examined again when a parameter of its caller is
	// found to carry a request.
	caller := func(a edgeArg) []*types.Func { return []*types.Func{a.caller} }
	fixpoint.Solve(args, caller, func(a edgeArg, changed func(*types.Func)) {
		if !detached[a.fn] && !r.vars[a.param] && r.carries(a.arg, a.arg.Node().(ast.Expr), false, 0) {
			r.vars[a.param] = true
			changed(a.fn)
		}
	})
}

// handsWaiter reports whether call hands the goroutine it starts a
// channel or a *sync.WaitGroup, by which its starter may wait for it.
func (r *requests) handsWaiter(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		t := r.info.TypeOf(a)
		if t == nil {
			continue
		}
		if _, ok := t.Underlying().(*types.Chan); ok || match.IsTypeOrPointer(t, "sync.WaitGroup") {
			return true
		}
	}
	return false
}

// carrier reports whether a parameter of type t can hold a request's
// context: a context.Context or an *http.Request.
func carrier(t types.Type) bool {
	return isContext(t) || (match.IsPointer(t) && match.IsTypeOrPointer(t, "net/http.Request"))
}

// carries reports whether the expression e at cur visibly holds an
// incoming request or its context: a request parameter, its Context(),
// a context derived from one (WithTimeout, WithValue, WithoutCancel and
// the rest of package context), a request given one (WithContext, Clone),
// or a local variable one of whose values is one of those.
func (r *requests) carries(cur inspector.Cursor, e ast.Expr, hypothetical bool, depth int) bool {
	if depth > 8 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := r.info.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if r.vars[v] || (hypothetical && r.hypo[v]) {
			return true
		}
		body, ok := flow.EnclosingFunc(cur)
		if !ok {
			return false
		}
		defs, _ := flow.Defs(r.info, body, v)
		for _, d := range defs {
			if d.Expr != nil && d.Index == 0 && r.carries(cur, d.Expr, hypothetical, depth+1) {
				return true
			}
		}
	case *ast.CallExpr:
		fn := match.Callee(r.info, e)
		if fn == nil {
			return false
		}
		if fn.Name() == "Context" && len(e.Args) == 0 {
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				return r.carries(cur, sel.X, hypothetical, depth+1)
			}
		}
		derives := fn.Pkg() != nil && fn.Pkg().Path() == "context" && fn.Signature().Recv() == nil
		if derives || match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone") {
			return len(e.Args) > 0 && r.carries(cur, e.Args[0], hypothetical, depth+1)
		}
	}
	return false
}

// isServerStream reports whether t is a gRPC server stream: it has
// Context, SendMsg and RecvMsg methods and SetHeader.
func isServerStream(t types.Type) bool {
	for _, name := range []string{"Context", "SendMsg", "RecvMsg", "SetHeader"} {
		if obj, _, _ := types.LookupFieldOrMethod(t, true, nil, name); obj == nil {
			return false
		}
	}
	return true
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	return t != nil && match.IsType(t, "context.Context")
}

// carriesIn is carries for a scope that holds a request (hypothetical
// false) or might (true).
func (r *requests) carriesIn(cur inspector.Cursor, e ast.Expr, hypothetical bool) bool {
	return r.carries(cur, e, hypothetical, 0)
}
