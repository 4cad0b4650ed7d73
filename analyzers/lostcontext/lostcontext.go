package lostcontext

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "lostcontext"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/lostcontext"

// Detached is the directive that marks a goroutine that deliberately
// outlives the request: //distlint:detached <reason>.
const Detached = "//distlint:detached"

// Config configures one instance of the analyzer.
type Config struct {
	// Policy is the suite's reporting policy; nil means the default.
	Policy *report.Policy
}

// Analyzer is a ready instance with the default configuration, for
// drivers that take one analyzer value per package, such as Bazel's nogo
// and singlechecker. Its flags configure this instance only; programs
// that run several configurations build their own with New.
var Analyzer = New(Config{})

// New returns a lostcontext analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer},
		Run: report.Protect(func(pass *analysis.Pass) (any, error) {
			return run(pass, &cfg)
		}),
	}
}

type checker struct {
	pass *analysis.Pass
	info *types.Info
	rep  *report.Reporter
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	if !match.Imports(pass.Pkg, "context", "net/http") {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, rep: report.New(pass, cfg.Policy)}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for file := range insp.Root().Children() {
		f := file.Node().(*ast.File)
		if c.rep.Skip(f) {
			continue
		}
		for cur := range file.Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			fn := match.Callee(c.info, call)
			switch {
			case match.IsFunc(fn, "context", "Background", "TODO"):
				c.background(f, cur, call, fn.Name())
			case match.IsFunc(fn, "net/http", "NewRequest"):
				c.newRequest(f, cur, call)
			}
		}
	}
	return nil, nil
}

// scope is the request context visible at a call.
type scope struct {
	expr      string     // how to refer to it there: "ctx" or "r.Context()"
	ctxParam  *types.Var // the context.Context parameter, if that is it
	body      inspector.Cursor
	goroutine bool // the call runs in a goroutine started in the request
}

// requestScope finds the context in scope at cur: a named context.Context
// or *http.Request parameter of the enclosing functions. ok is false
// outside such functions and where the policy leaves the call alone
// (roots, deferred cleanup, detached goroutines).
func (c *checker) requestScope(f *ast.File, cur inspector.Cursor) (scope, bool) {
	goroutine := false
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
		if s, found := c.paramContext(ftype, cur.Node().Pos()); found {
			if body == nil {
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

// paramContext looks for a named context.Context parameter (preferred)
// or *http.Request parameter that is visible by name at pos.
func (c *checker) paramContext(ftype *ast.FuncType, pos token.Pos) (scope, bool) {
	if ftype == nil || ftype.Params == nil {
		return scope{}, false
	}
	var req *types.Var
	for _, field := range ftype.Params.List {
		for _, name := range field.Names {
			v, ok := c.info.Defs[name].(*types.Var)
			if !ok || name.Name == "_" || !c.visible(v, pos) {
				continue
			}
			switch {
			case match.IsType(v.Type(), "context.Context"):
				return scope{expr: v.Name(), ctxParam: v}, true
			case req == nil && match.IsTypeOrPointer(v.Type(), "net/http.Request") && isPointer(v.Type()):
				req = v
			}
		}
	}
	if req != nil {
		return scope{expr: req.Name() + ".Context()"}, true
	}
	return scope{}, false
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

// background checks context.Background() and context.TODO().
func (c *checker) background(f *ast.File, cur inspector.Cursor, call *ast.CallExpr, name string) {
	if !c.passedOn(cur) {
		return
	}
	s, ok := c.requestScope(f, cur)
	if !ok || c.waitsForDone(s) || c.defaultsParam(cur, s) || c.carriesTrace(s) {
		return
	}
	replacement := s.expr
	detail := "pass " + s.expr
	if s.goroutine {
		// A goroutine may outlive the request: keep the values (the
		// trace), drop the cancellation.
		replacement = ""
		pkg := "context"
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				pkg = id.Name
			}
		}
		detached := pkg + ".WithoutCancel(" + s.expr + ")"
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
	c.rep.Report(d)
}

// passedOn reports whether the context made at cur reaches a call: as an
// argument, or through a local variable that is passed to one.
func (c *checker) passedOn(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() == edge.CallExpr_Args {
		return true
	}
	path, ok := flow.Target(c.info, cur)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	for _, use := range flow.Uses(c.info, body, path.Root) {
		if use.ParentEdgeKind() == edge.CallExpr_Args {
			return true
		}
	}
	return false
}

// defaultsParam reports whether the context made at cur is assigned to
// the context parameter itself: `if ctx == nil { ctx = context.Background() }`
// (log/slog) gives a nil context a default and loses nothing.
func (c *checker) defaultsParam(cur inspector.Cursor, s scope) bool {
	if s.ctxParam == nil {
		return false
	}
	path, ok := flow.Target(c.info, cur)
	return ok && len(path.Fields) == 0 && path.Root == s.ctxParam
}

// waitsForDone reports whether the function with the context in scope
// receives from its Done channel: after that the request context is
// cancelled, and a fresh context for shutdown or cleanup is right.
func (c *checker) waitsForDone(s scope) bool {
	if s.ctxParam == nil {
		return false
	}
	for uc := range s.body.Preorder((*ast.UnaryExpr)(nil)) {
		u := uc.Node().(*ast.UnaryExpr)
		if u.Op != token.ARROW {
			continue
		}
		call, ok := ast.Unparen(u.X).(*ast.CallExpr)
		if !ok {
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Done" {
			continue
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && c.info.Uses[id] == s.ctxParam {
			return true
		}
	}
	return false
}

// carriesTrace reports whether the function with the context in scope
// reads that context's OpenTelemetry span (trace.SpanContextFromContext,
// SpanFromContext, LinkFromContext): a fresh context started there
// deliberately gets its own deadline or trace and carries or links the
// request's trace by hand (service corpus: openfga's shadow check, which
// injects the span context into a context with its own timeout, and its
// cache controller, which links a new trace to the request's span).
func (c *checker) carriesTrace(s scope) bool {
	if s.ctxParam == nil {
		return false
	}
	for cc := range s.body.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if len(call.Args) != 1 || !match.IsFunc(match.Callee(c.info, call), "go.opentelemetry.io/otel/trace", "SpanContextFromContext", "SpanFromContext", "LinkFromContext") {
			continue
		}
		if id, ok := ast.Unparen(call.Args[0]).(*ast.Ident); ok && c.info.Uses[id] == s.ctxParam {
			return true
		}
	}
	return false
}

// newRequest checks http.NewRequest in a function with a context.
func (c *checker) newRequest(f *ast.File, cur inspector.Cursor, call *ast.CallExpr) {
	s, ok := c.requestScope(f, cur)
	if !ok || s.goroutine || c.mayGetContext(cur) {
		return
	}
	d := analysis.Diagnostic{
		Pos:      call.Fun.Pos(),
		End:      call.Fun.End(),
		Category: "newrequest",
		Message:  "http.NewRequest makes a request with no context where " + s.expr + " is in scope: the request ignores the caller's deadline and cancellation and drops its trace; use http.NewRequestWithContext(" + s.expr + ", ...)",
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		d.SuggestedFixes = []analysis.SuggestedFix{{
			Message: "Use http.NewRequestWithContext",
			TextEdits: []analysis.TextEdit{
				{Pos: sel.Sel.Pos(), End: sel.Sel.End(), NewText: []byte("NewRequestWithContext")},
				{Pos: call.Lparen + 1, End: call.Lparen + 1, NewText: []byte(s.expr + ", ")},
			},
		}}
	}
	c.rep.Report(d)
}

// mayGetContext reports whether the request made at cur may be given a
// context out of this view, so that only requests visibly sent without
// one are reported: it is returned (go-kit's request factories, whose
// caller calls WithContext), stored anywhere but a local variable
// (Prometheus caches its scrape request), passed to a call together with
// a context (Prometheus's opts.Do(ctx, c, req)), or given one here with
// WithContext or Clone.
func (c *checker) mayGetContext(cur inspector.Cursor) bool {
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Lhs) == 0 {
		return true // returned, passed or stored directly
	}
	id, ok := as.Lhs[0].(*ast.Ident)
	if !ok {
		return true // stored in a field or an element
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	body, inFunc := flow.EnclosingFunc(cur)
	if !ok || !inFunc {
		return true
	}
	for _, use := range flow.Uses(c.info, body, v) {
		switch p := use.Parent().Node().(type) {
		case *ast.SelectorExpr:
			if use.ParentEdgeKind() == edge.SelectorExpr_X && (p.Sel.Name == "WithContext" || p.Sel.Name == "Clone") {
				return true
			}
		case *ast.ReturnStmt, *ast.CompositeLit, *ast.KeyValueExpr:
			return true
		case *ast.AssignStmt:
			if use.ParentEdgeKind() == edge.AssignStmt_Rhs {
				return true // copied somewhere
			}
		case *ast.CallExpr:
			if use.ParentEdgeKind() == edge.CallExpr_Args && c.hasContextArg(p) {
				return true
			}
		}
	}
	return false
}

// hasContextArg reports whether one of call's arguments is a context.
func (c *checker) hasContextArg(call *ast.CallExpr) bool {
	for _, arg := range call.Args {
		if match.IsType(c.info.TypeOf(arg), "context.Context") {
			return true
		}
	}
	return false
}

func (c *checker) fileVersion(f *ast.File) string {
	if v := c.info.FileVersions[f]; v != "" {
		return v
	}
	return c.pass.Pkg.GoVersion()
}

// isRoot reports whether fn starts work rather than serving a request:
// main, init, and in _test.go files tests, benchmarks, fuzz targets and
// examples.
func (c *checker) isRoot(fn *ast.FuncDecl) bool {
	if fn.Recv != nil {
		return false
	}
	name := fn.Name.Name
	if name == "init" || match.IsMain(c.pass.Pkg, fn) {
		return true
	}
	if !strings.HasSuffix(c.pass.Fset.File(fn.Pos()).Name(), "_test.go") {
		return false
	}
	for _, prefix := range []string{"Test", "Benchmark", "Fuzz", "Example"} {
		if strings.HasPrefix(name, prefix) {
			return true
		}
	}
	return false
}

func bodyEdge(n ast.Node) edge.Kind {
	if _, ok := n.(*ast.FuncLit); ok {
		return edge.FuncLit_Body
	}
	return edge.FuncDecl_Body
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}
