package flow

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
)

// maxDepth bounds how many variables and derivations the deadline helpers
// follow, so that cycles (ctx = wrap(ctx)) terminate.
const maxDepth = 8

// ContextHasDeadline reports whether the context.Context expression ctx
// visibly carries a deadline inside scope: it is made by
// context.WithTimeout or WithDeadline (or their Cause forms), or derived
// from such a context by WithCancel, WithValue and the like, through
// local variables. Anything it cannot see (a parameter, a field, a call
// result) is reported as false.
func ContextHasDeadline(info *types.Info, scope inspector.Cursor, ctx ast.Expr) bool {
	return contextHasDeadline(info, scope, ctx, 0)
}

func contextHasDeadline(info *types.Info, scope inspector.Cursor, ctx ast.Expr, depth int) bool {
	if depth > maxDepth {
		return false
	}
	switch e := ast.Unparen(ctx).(type) {
	case *ast.Ident:
		return eachValue(info, scope, e, func(x ast.Expr) bool {
			call, isCall := ast.Unparen(x).(*ast.CallExpr)
			return isCall && derivesDeadline(info, scope, call, depth)
		})
	case *ast.CallExpr:
		return derivesDeadline(info, scope, e, depth)
	}
	return false
}

// derivesDeadline reports whether call returns a context with a deadline.
func derivesDeadline(info *types.Info, scope inspector.Cursor, call *ast.CallExpr, depth int) bool {
	fn := match.Callee(info, call)
	switch {
	case match.IsFunc(fn, "context", "WithTimeout", "WithDeadline", "WithTimeoutCause", "WithDeadlineCause"):
		return true
	case match.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue"):
		return len(call.Args) > 0 && contextHasDeadline(info, scope, call.Args[0], depth+1)
	}
	return false
}

// RequestHasDeadline reports whether the *http.Request expression req
// visibly carries a context with a deadline: it is made by
// http.NewRequestWithContext, req.WithContext or req.Clone with such a
// context, through local variables.
func RequestHasDeadline(info *types.Info, scope inspector.Cursor, req ast.Expr) bool {
	ctxs, ok := RequestContexts(info, scope, req)
	if !ok {
		return false
	}
	for _, ctx := range ctxs {
		if ctx == nil || !contextHasDeadline(info, scope, ctx, 1) {
			return false
		}
	}
	return true
}

// RequestContexts returns the context expressions that the
// *http.Request expression req gets its context from, following local
// variables inside scope to the calls that make it:
// http.NewRequestWithContext, req.WithContext and req.Clone give their
// context argument; http.NewRequest gives a nil Expr (its context is
// context.Background()). ok is false when a value on the way is made
// otherwise or cannot be seen (a parameter, a field, another call).
func RequestContexts(info *types.Info, scope inspector.Cursor, req ast.Expr) (ctxs []ast.Expr, ok bool) {
	var follow func(e ast.Expr, depth int) bool
	follow = func(e ast.Expr, depth int) bool {
		if depth > maxDepth {
			return false
		}
		switch e := ast.Unparen(e).(type) {
		case *ast.Ident:
			return eachValue(info, scope, e, func(x ast.Expr) bool { return follow(x, depth+1) })
		case *ast.CallExpr:
			fn := match.Callee(info, e)
			if _, _, ctx, ok := netreach.RequestArgs(fn); ok && fn.Pkg().Path() == "net/http" {
				if ctx < 0 {
					ctxs = append(ctxs, nil) // NewRequest: context.Background()
					return true
				}
				if ctx < len(e.Args) {
					ctxs = append(ctxs, e.Args[ctx])
					return true
				}
			}
			if len(e.Args) > 0 && match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone") {
				ctxs = append(ctxs, e.Args[0])
				return true
			}
		}
		return false
	}
	if !follow(req, 0) {
		return nil, false
	}
	return ctxs, true
}

// eachValue reports whether the local variable id refers to is given,
// in scope, only values of its own (no zero value, no one of several
// results) that f accepts.
func eachValue(info *types.Info, scope inspector.Cursor, id *ast.Ident, f func(ast.Expr) bool) bool {
	return eachDefIn(info, scope, id, func(d Def) bool { return d.Expr != nil && d.Index == 0 && f(d.Expr) })
}
