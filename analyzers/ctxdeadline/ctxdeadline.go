package ctxdeadline

import (
	_ "embed"
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/fixpoint"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
	"github.com/distlint/distlint/internal/netreach"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract.
const Name = "ctxdeadline"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/ctxdeadline"

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

// New returns a ctxdeadline analyzer configured by cfg.
//
// It builds no SSA: facts are needed for every dependency, and the
// standard library alone would cost more to convert than the whole
// analysis. Values are followed with syntax and types inside each
// function declaration (internal/flow's definitions), which is enough
// for contexts: they are made by a handful of calls and passed by value;
// contexts kept in struct fields by flow's FieldOrigins facts.
func New(cfg Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer, netreach.Analyzer, flow.Analyzer},
		FactTypes: []analysis.Fact{new(ReachesSink)},
		Run: report.Protect(func(pass *analysis.Pass) (any, error) {
			return run(pass, &cfg)
		}),
	}
}

const remedy = "derive the context with context.WithTimeout"

type checker struct {
	pass *analysis.Pass
	info *types.Info
	rep  *report.Reporter
	// local holds the facts of this package's functions while they are
	// computed.
	local map[*types.Func]*ReachesSink
	// flow knows the origins of contexts kept in struct fields.
	flow *flow.Engine
	insp *inspector.Inspector
	// net tells the functions that reach the network.
	net *netreach.Result
	// grpc holds the gRPC services the package sees, found on first use.
	grpc      []match.GRPCService
	grpcFound bool
}

// A site is a call that passes a context to a network call, directly or
// through a function.
type site struct {
	call   *ast.CallExpr
	file   *ast.File
	scope  *funcScope
	fn     *types.Func // the function whose body holds the call
	direct *sink       // the network call the call makes, or nil
	callee *types.Func // or the function it calls, which may reach one
	called string      // the name of the function or method called
	// args are the origins of the callee's context arguments, by
	// parameter index.
	args map[int]origin
	// origin of the direct sink's context.
	origin origin
	// goCall: the call is the one a go statement starts.
	goCall bool
	// endless: the call runs in a loop with no end, a loop over a
	// channel, or a goroutine.
	endless bool
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Contexts are made and received through the context package; a
	// package that cannot reach the network cannot make a network call.
	if !match.Imports(pass.Pkg, "context") || !pass.ResultOf[netreach.Analyzer].(*netreach.Result).Package() {
		return nil, nil
	}
	c := &checker{
		pass:  pass,
		info:  pass.TypesInfo,
		rep:   report.New(pass, cfg.Policy),
		local: make(map[*types.Func]*ReachesSink),
		flow:  pass.ResultOf[flow.Analyzer].(*flow.Engine),
		insp:  pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		net:   pass.ResultOf[netreach.Analyzer].(*netreach.Result),
	}
	sites := c.sites()
	c.facts(sites)
	if cfg.Policy.OnlyFacts() {
		return nil, nil
	}
	for _, s := range sites {
		if !c.rep.Skip(s.file) {
			c.check(s)
		}
	}
	return nil, nil
}

// sites collects the calls in the package's function declarations that
// pass a context to a network call or to a function that may reach one.
// Each body is walked with ast.Inspect and a stack of ancestors.
func (c *checker) sites() []*site {
	var sites []*site
	var stack []ast.Node
	for fileCur := range c.insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		for declCur := range fileCur.Children() {
			decl, ok := declCur.Node().(*ast.FuncDecl)
			if !ok || decl.Body == nil {
				continue
			}
			body := declCur.ChildAt(edge.FuncDecl_Body, -1)
			fn, _ := c.info.Defs[decl.Name].(*types.Func)
			if fn == nil {
				continue
			}
			var scope *funcScope
			stack = stack[:0]
			ast.Inspect(decl.Body, func(n ast.Node) bool {
				if n == nil {
					stack = stack[:len(stack)-1]
					return true
				}
				stack = append(stack, n)
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				s := c.site(body, call)
				if s == nil {
					return true
				}
				if scope == nil {
					scope = newFuncScope(c.info, decl, body)
					scope.field = c.fieldOrigin
				}
				s.file, s.scope, s.fn = file, scope, fn
				c.placeOf(s, stack)
				if s.direct != nil {
					if s.direct.req != nil {
						s.origin = scope.requestOrigin(s.direct.req)
					} else {
						s.origin = scope.contextOrigin(s.direct.ctx)
					}
				} else {
					s.args = make(map[int]origin)
					for i := range s.callee.Type().(*types.Signature).Params().Len() {
						if i < len(call.Args) && isContext(c.info.TypeOf(call.Args[i])) {
							s.args[i] = scope.contextOrigin(call.Args[i])
						}
					}
				}
				sites = append(sites, s)
				return true
			})
		}
	}
	return sites
}

// placeOf records where the call of s runs, from its ancestors (stack,
// ending with the call).
func (c *checker) placeOf(s *site, stack []ast.Node) {
	if len(stack) >= 2 {
		if g, ok := stack[len(stack)-2].(*ast.GoStmt); ok && g.Call == s.call {
			s.goCall = true
		}
	}
	for _, n := range stack {
		switch n := n.(type) {
		case *ast.ForStmt:
			if n.Cond == nil {
				s.endless = true
			}
		case *ast.RangeStmt:
			if t := c.info.TypeOf(n.X); t != nil {
				if _, isChan := t.Underlying().(*types.Chan); isChan {
					s.endless = true
				}
			}
		case *ast.GoStmt:
			s.endless = true
		}
	}
}

// site returns the site of call, or nil if it passes no context on.
func (c *checker) site(body inspector.Cursor, call *ast.CallExpr) *site {
	fn := match.Callee(c.info, call)
	if fn == nil {
		return nil
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.MethodExpr {
			return nil // T.M(recv, ctx): arguments shifted; rare
		}
	}
	if d, ok := c.directSink(body, call, fn); ok {
		return &site{call: call, direct: &d, called: fn.Name()}
	}
	if fn.Pkg() != nil && fn.Pkg().Path() == "database/sql" {
		if recv, ok := recvExpr(call); ok && c.inProcessDB(body, recv, 0) {
			return nil // QueryRowContext and friends on a driver's scratch database
		}
	}
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	hasCtx := false
	for i := range sig.Params().Len() {
		if isContext(sig.Params().At(i).Type()) {
			hasCtx = true
			break
		}
	}
	if !hasCtx || fn.Pkg() == nil {
		return nil
	}
	if fn.Pkg() != c.pass.Pkg {
		var f ReachesSink
		if !c.pass.ImportObjectFact(fn, &f) {
			return nil
		}
	}
	return &site{call: call, callee: fn, called: fn.Name()}
}

// facts computes which context parameters of the package's functions
// reach a network call, until no more are found (helpers calling
// helpers: a site is examined again when its callee's fact grows), and
// exports them.
func (c *checker) facts(sites []*site) {
	callee := func(s *site) []*types.Func { return []*types.Func{s.callee} }
	fixpoint.Solve(sites, callee, func(s *site, changed func(*types.Func)) {
		if !c.mayExport(s) {
			return
		}
		for _, r := range c.reached(s) {
			if i, ok := r.origin.fromParam(); ok && c.addFact(s.fn, i, r.sink) {
				changed(s.fn)
			}
		}
	})
	for fn, f := range c.local {
		c.pass.ExportObjectFact(fn, f)
	}
}

// A reach is a network call reached from a site with a context.
type reach struct {
	sink   string
	origin origin
}

// reached returns the network calls that s reaches, with the origin of
// the context each one gets.
func (c *checker) reached(s *site) []reach {
	if s.direct != nil {
		return []reach{{sink: s.direct.name, origin: s.origin}}
	}
	f := c.factOf(s.callee)
	if f == nil {
		return nil
	}
	var out []reach
	for _, p := range f.Params {
		if o, ok := s.args[p.Index]; ok {
			out = append(out, reach{sink: p.Sink, origin: o})
		}
	}
	return out
}

// factOf returns the fact of fn, from this package or an imported one.
func (c *checker) factOf(fn *types.Func) *ReachesSink {
	if fn.Pkg() == c.pass.Pkg {
		return c.local[fn]
	}
	f := new(ReachesSink)
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// addFact records that parameter index of fn reaches sink, and reports
// whether that is new.
func (c *checker) addFact(fn *types.Func, index int, sink string) bool {
	f := c.local[fn]
	if f == nil {
		f = new(ReachesSink)
		c.local[fn] = f
	}
	if _, ok := f.sinkOf(index); ok {
		return false
	}
	f.Params = append(f.Params, ParamSink{Index: index, Sink: sink})
	return true
}

// mayExport reports whether the network call at s may make the
// enclosing function's context parameter a fact: not when the function
// is meant to run for a long time (a worker's Run, a watch), nor when
// the call runs in a loop with no end or over a channel, or in a
// goroutine: there the parameter is the lifetime of a process, which
// is cancelled, not timed out.
func (c *checker) mayExport(s *site) bool {
	if !s.scope.hasContextParam() || isLifetime(s.fn.Name()) {
		return false
	}
	return !s.endless
}

// isLifetime reports whether a function named name runs for as long as
// its context lives: watches and streams, servers, workers' Run and
// Start, loops.
func isLifetime(name string) bool {
	if isLongLived(name) {
		return true
	}
	w := names.Words(name)
	return len(w) > 0 && (w[0] == "run" || w[0] == "start" || w[len(w)-1] == "loop")
}

// check reports the network calls that s reaches with a context that
// has no deadline.
func (c *checker) check(s *site) {
	if isLongLived(s.scope.decl.Name.Name) {
		return // a watch or a long poll: meant to stay open
	}
	if isShim(s.scope, s.called) {
		return
	}
	if isStartup(s.scope, s.called) {
		return // schema setup at startup: a deadline would cut a migration halfway
	}
	if c.testDatabase(s) {
		return // a test's own database, bounded by go test -timeout
	}
	if s.direct != nil {
		if !s.origin.noDeadline() || lostRequest(s, s.origin) {
			return
		}
		ctx := s.origin.describe()
		var msg string
		switch s.direct.kind {
		case "http":
			msg = "request sent with " + ctx + ", which has no deadline, by a client without Timeout: a stalled server holds this call forever; " + remedy
		case "dial":
			msg = s.direct.name + " with " + ctx + ", which has no deadline, on a Dialer without Timeout: an unreachable host holds this dial until the operating system gives up; " + remedy
		default:
			msg = s.direct.name + " with " + ctx + ", which has no deadline: a stalled server holds this call forever; " + remedy
		}
		c.rep.Report(analysis.Diagnostic{Pos: s.call.Pos(), End: s.call.End(), Category: s.direct.kind, Message: msg})
		return
	}
	// A call of a function that reaches a network call. main and init
	// set up the program's long-lived work, and a goroutine started on
	// the function lives as long as it likes: their contexts are
	// cancelled at shutdown, not timed out.
	if c.isRoot(s.scope.decl) || s.goCall {
		return
	}
	for _, r := range c.reached(s) {
		if !r.origin.noDeadline() || lostRequest(s, r.origin) {
			continue
		}
		c.rep.Report(analysis.Diagnostic{
			Pos:      s.call.Pos(),
			End:      s.call.End(),
			Category: "helper",
			Message:  funcName(s.callee) + " called with " + r.origin.describe() + ", which has no deadline, and passes it on to " + r.sink + ": a stalled server holds this call forever; " + remedy,
		})
		return
	}
}

// contextSuffixes end the names of the context-taking variants of
// functions: Query and QueryContext, Dial and DialContext, List and
// ListWithContext, database/sql's Begin and BeginTx.
var contextSuffixes = []string{"Context", "WithContext", "Ctx", "WithCtx", "Tx"}

// isShim reports whether scope is a function with no context parameter
// that calls its own context-taking variant (called) with
// context.Background(): the compatibility form of an API that has no
// context to pass (database/sql's Query calls QueryContext so). Its
// callers, who can use the variant, are the ones to fix.
func isShim(scope *funcScope, called string) bool {
	if scope.hasContextParam() {
		return false
	}
	name := scope.decl.Name.Name
	rest, ok := strings.CutPrefix(called, name)
	return ok && slices.Contains(contextSuffixes, rest)
}

// startupWords begin the names of constructors and setup functions.
var startupWords = map[string]bool{"new": true, "create": true, "open": true, "setup": true, "init": true, "must": true, "prepare": true, "migrate": true}

// isStartup reports whether the call is schema setup: it migrates (its
// name or the enclosing function's has a word that starts with migrat,
// or is schema), or it is made by a constructor or setup function with
// no context parameter (NewEventsTable, CreateSchema). Such work runs
// once at startup, where a stall is visible to the operator and a
// deadline would abort a migration halfway (tune corpus: dendrite's
// table constructors run their migrations with context.Background()).
func isStartup(scope *funcScope, called string) bool {
	name := scope.decl.Name.Name
	if names.SchemaSetup(called) || names.SchemaSetup(name) {
		return true
	}
	w := names.Words(name)
	return !scope.hasContextParam() && len(w) > 0 && startupWords[w[0]]
}

// isRoot reports whether decl is main.main or an init function.
func (c *checker) isRoot(decl *ast.FuncDecl) bool {
	if decl.Recv != nil {
		return false
	}
	return decl.Name.Name == "init" || match.IsMain(c.pass.Pkg, decl)
}

// funcName names fn for messages: pkg.F or pkg.T.M.
func funcName(fn *types.Func) string {
	name := methodName(fn)
	if fn.Pkg() != nil {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// isContext reports whether t is context.Context.
func isContext(t types.Type) bool {
	return t != nil && match.IsType(t, "context.Context")
}
