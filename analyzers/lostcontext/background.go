package lostcontext

import (
	"go/ast"
	"go/token"
	"go/version"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// background checks context.Background() and context.TODO() passed on
// to a call where an incoming request's context is in scope.
func (c *checker) background(f *ast.File, cur inspector.Cursor, call *ast.CallExpr, name string) {
	receivers := c.receivers(cur, 0)
	if len(receivers) == 0 {
		return
	}
	s, ok := c.requestScope(f, cur)
	if !ok || c.waitsForDone(s, call.Pos()) || c.defaultsParam(cur, s) || c.carriesTrace(s) || c.takenOver(s, call.Pos()) {
		return
	}
	// Deliberate detachment: cleanup whose context must not be the
	// request's, which may be cancelled already. Passing the request's
	// context there would make the cleanup cancellable.
	if c.cleanup(receivers) || c.cleanupFunc(cur) || c.afterFailure(cur, s) || c.explained(f, cur) {
		return
	}
	// The context goes only to functions that all ignore it.
	if c.ignoredByType(receivers) || c.metricsOnly(receivers) {
		return
	}
	replacement := s.expr
	detail := "pass " + s.expr
	if s.goroutine {
		// A goroutine may outlive the request: keep the values (the
		// trace), drop the cancellation.
		replacement = ""
		detached := c.withoutCancel(call, s)
		// context.WithoutCancel is new in Go 1.21 (no version: the latest).
		if v := c.fileVersion(f); v == "" || version.Compare(v, "go1.21") >= 0 {
			replacement = detached
		}
		detail = "pass " + detached + ", which keeps the trace, or mark the goroutine " + Detached + " <reason>"
	}
	d := analysis.Diagnostic{
		Pos:      call.Pos(),
		End:      call.End(),
		Category: "background",
		Message:  "context." + name + "() where " + s.expr + " is in scope: the call loses the request's deadline, cancellation and trace, so a failure can no longer be tied to its request; " + detail,
	}
	if replacement != "" {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message:   "Use " + replacement,
			TextEdits: []analysis.TextEdit{{Pos: call.Pos(), End: call.End(), NewText: []byte(replacement)}},
		}}
	}
	c.emit(s, d, "context."+name+"()")
}

// withoutCancel spells context.WithoutCancel of the request's context
// with the name under which call refers to package context.
func (c *checker) withoutCancel(call *ast.CallExpr, s scope) string {
	pkg := "context"
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if id, ok := sel.X.(*ast.Ident); ok {
			pkg = id.Name
		}
	}
	return pkg + ".WithoutCancel(" + s.expr + ")"
}

// receivers returns the calls that the context made at cur reaches: the
// call it is an argument of, or the calls a local variable holding it is
// passed to. Derivations (context.WithTimeout(context.Background(), d))
// are followed to the calls their result reaches, so that the call doing
// the work is found.
func (c *checker) receivers(cur inspector.Cursor, depth int) []*ast.CallExpr {
	if depth > 4 {
		return nil
	}
	var out []*ast.CallExpr
	add := func(arg inspector.Cursor) {
		call := arg.Parent().Node().(*ast.CallExpr)
		fn := match.Callee(c.info, call)
		if fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == "context" && fn.Signature().Recv() == nil {
			if more := c.receivers(arg.Parent(), depth+1); len(more) > 0 {
				out = append(out, more...)
				return
			}
			if c.onlyPolled(arg.Parent(), 0) {
				return // a local deadline timer: no work gets it
			}
		}
		out = append(out, call)
	}
	if cur.ParentEdgeKind() == edge.CallExpr_Args {
		add(cur)
		return out
	}
	path, ok := flow.Target(c.info, cur)
	if !ok {
		// ctx, cancel := context.WithTimeout(...): the first result.
		as, isAssign := cur.Parent().Node().(*ast.AssignStmt)
		if !isAssign || len(as.Rhs) != 1 || len(as.Lhs) != 2 || cur.ParentEdgeKind() != edge.AssignStmt_Rhs {
			return nil
		}
		path, ok = flow.PathOf(c.info, as.Lhs[0])
	}
	if !ok || len(path.Fields) != 0 {
		return nil
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return nil
	}
	for _, use := range flow.Uses(c.info, body, path.Root) {
		if use.ParentEdgeKind() == edge.CallExpr_Args {
			add(use)
		}
	}
	return out
}

// defaultsParam reports whether the context made at cur is assigned to
// the context parameter itself: `if ctx == nil { ctx = context.Background() }`
// (log/slog) gives a nil context a default and loses nothing.
func (c *checker) defaultsParam(cur inspector.Cursor, s scope) bool {
	path, ok := flow.Target(c.info, cur)
	return ok && len(path.Fields) == 0 && path.Root == s.param
}

// waitsForDone reports whether the function with the request's context
// in scope receives, before pos, from the Done channel of that context
// (or of one derived from it): after that the request is over, and a
// fresh context for shutdown or cleanup is right.
func (c *checker) waitsForDone(s scope, pos token.Pos) bool {
	for uc := range s.body.Preorder((*ast.UnaryExpr)(nil)) {
		u := uc.Node().(*ast.UnaryExpr)
		if u.Op != token.ARROW || u.Pos() >= pos {
			continue
		}
		if x, ok := c.doneOf(u.X); ok && c.req.carriesIn(uc, x, s.hypothetical) {
			return true
		}
	}
	return false
}

// doneOf returns x if e is the call x.Done() of a context.
func (c *checker) doneOf(e ast.Expr) (ast.Expr, bool) {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return nil, false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Done" || !isContext(c.info.TypeOf(sel.X)) {
		return nil, false
	}
	return sel.X, true
}

// carriesTrace reports whether the function with the context in scope
// reads that context's OpenTelemetry span (trace.SpanContextFromContext,
// SpanFromContext, LinkFromContext): a fresh context started there
// deliberately gets its own deadline or trace and carries or links the
// request's trace by hand (service corpus: openfga's shadow check, which
// injects the span context into a context with its own timeout, and its
// cache controller, which links a new trace to the request's span).
func (c *checker) carriesTrace(s scope) bool {
	for cc := range s.body.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if len(call.Args) != 1 || !match.IsFunc(match.Callee(c.info, call), "go.opentelemetry.io/otel/trace", "SpanContextFromContext", "SpanFromContext", "LinkFromContext") {
			continue
		}
		if c.req.carriesIn(cc, call.Args[0], s.hypothetical) {
			return true
		}
	}
	return false
}
