package ctxdeadline

import (
	"go/ast"

	"github.com/distlint/distlint/internal/match"
)

// lostRequest reports whether a call made with a context of origin o is
// lostcontext's to report: it is made in the body of an HTTP handler (a
// function taking an http.ResponseWriter and an *http.Request), outside
// any function literal, with a context the handler made from
// context.Background() or TODO() rather than from the request. The one
// mistake there is dropping the request's context; passing r.Context()
// fixes it, and a request's context is its caller's to bound. One
// mistake, one finding: ctxdeadline stays silent. A context kept in a
// field, or a call in a goroutine or callback the handler starts, stays
// ctxdeadline's.
func lostRequest(s *site, o origin) bool {
	if o.root == "" || o.field != "" || !isHandler(s.scope) {
		return false
	}
	inLit := false
	ast.Inspect(s.scope.decl.Body, func(n ast.Node) bool {
		lit, ok := n.(*ast.FuncLit)
		if !ok || inLit {
			return !inLit
		}
		if lit.Pos() <= s.call.Pos() && s.call.End() <= lit.End() {
			inLit = true
		}
		return !inLit
	})
	return !inLit
}

// isHandler reports whether the scope's function is an http.HandlerFunc
// with its request named: lostcontext's incoming request.
func isHandler(scope *funcScope) bool {
	req, ok := match.HandlerRequest(scope.info, scope.decl.Type)
	return ok && req != nil
}
