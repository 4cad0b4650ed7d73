package timeout

import (
	_ "embed"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/local"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/report"
)

//go:embed doc.go
var doc string

// Name is the analyzer's name: a public contract (flags, configuration
// keys, suppression directives, output).
const Name = "timeout"

// URL documents the analyzer.
const URL = "https://pkg.go.dev/github.com/distlint/distlint/analyzers/timeout"

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

// New returns a timeout analyzer configured by cfg.
func New(cfg Config) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:      Name,
		Doc:       docs.Extract(doc, Name),
		URL:       URL,
		Requires:  []*analysis.Analyzer{inspect.Analyzer, flow.Analyzer},
		FactTypes: []analysis.Fact{new(BoundedClients), new(SharedClient), new(ContextlessClients)},
		Run: report.Protect(func(pass *analysis.Pass) (any, error) {
			return run(pass, &cfg)
		}),
	}
}

const (
	netHTTP = "net/http"
	msgHang = "a stalled server holds this goroutine and its connection forever"
	msgSlow = "slow or idle clients (slowloris) hold connections and goroutines until the server runs out of them"
	msgDial = "an unreachable host blocks the dial until the operating system gives up, minutes later"
)

type checker struct {
	pass *analysis.Pass
	info *types.Info
	rep  *report.Reporter
	root inspector.Cursor // the package's files
	flow *flow.Engine     // what the functions in view do with their parameters
	// wrappers are the package's struct types that embed an http.Server
	wrappers map[*types.Named]*wrapper
	// listenAddrs are the keys of the package's listen addresses, found
	// on the first dial that needs them
	listenAddrs map[addrKey]bool
	// bounded caches boundedField
	bounded map[*types.Var]bool
	// contextless caches contextlessParam: where the parameter's client
	// sends a request with no context, or ""
	contextless map[*types.Var]string
	// contextlessFields caches contextlessField
	contextlessFields map[*types.Var]string
	// keeper is the struct value the client being judged is kept in
	// (instance.go)
	keeper *keeper
	// sites follows struct values to where they are made, and finds the
	// package's function declarations
	sites *flow.SiteFinder
	// local answers whether an address names this machine
	local *local.Addrs
	// origin is the node being judged (a client literal, a use of
	// DefaultClient or of a shared client); the zero Cursor while facts
	// are gathered, before any node is judged
	origin inspector.Cursor
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Every finding involves one of these packages' objects, or another
	// package's client that a fact describes; a package that imports
	// none of them cannot name them.
	var bounded, shared bool // some imported package has such a fact
	for _, f := range pass.AllObjectFacts() {
		switch f.Fact.(type) {
		case *BoundedClients, *ContextlessClients:
			bounded = true
		case *SharedClient:
			shared = true
		}
	}
	network := match.Imports(pass.Pkg, netHTTP, "net", "crypto/tls")
	if !network && !bounded && !shared {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, info: pass.TypesInfo, root: insp.Root(), flow: pass.ResultOf[flow.Analyzer].(*flow.Engine), wrappers: make(map[*types.Named]*wrapper), bounded: make(map[*types.Var]bool), contextless: make(map[*types.Var]string), contextlessFields: make(map[*types.Var]string)}
	c.sites = flow.NewSiteFinder(c.flow.Writes())
	c.local = local.New(c.info, c.flow.Writes())
	if bounded || match.Imports(pass.Pkg, netHTTP) {
		// A package between two others may keep a client it never names
		// by net/http's types (smallstep's authority keeps a
		// provisioner.HTTPClient): its facts carry the bound across.
		c.exportBoundedClients()
		c.exportContextlessClients()
	}
	if match.Imports(pass.Pkg, netHTTP) {
		c.exportSharedClients()
	}
	if cfg.Policy.OnlyFacts() || (!network && !shared) {
		return nil, nil // the findings are discarded, or there are none
	}
	c.rep = report.New(pass, cfg.Policy)
	filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil), (*ast.ValueSpec)(nil)}
	for cur := range c.rep.Preorder(insp, filter...) {
		c.origin = cur
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			c.compositeLit(cur, n)
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.Ident:
			if match.IsPkgVar(c.info.Uses[n], netHTTP, "DefaultClient") {
				c.defaultClient(cur, n)
			} else if shared {
				if site, f, ok := c.sharedUse(cur, n); ok {
					c.sharedClient(site, f)
				}
			}
		case *ast.ValueSpec:
			c.zeroValueDecl(cur, n)
		}
	}
	return nil, nil
}

// compositeLit checks http.Client and http.Server literals.
func (c *checker) compositeLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.info.TypeOf(lit)
	switch {
	case c.wrapperOf(t) != nil:
		c.embeddedServer(typeRange(lit), t, lit)
	case match.IsType(t, "net/http.Client"):
		set, explicitZero := litField(c.info, lit, t, "Timeout")
		if set || c.stubTransport(lit, t) || c.delegatingTransport(cur, lit, t) || c.headerBounded(cur, lit, t) {
			return
		}
		c.client(cur, typeRange(lit), explicitZero)
	case match.IsType(t, "net/http.Server"):
		set1, zero1 := litField(c.info, lit, t, "ReadHeaderTimeout")
		set2, zero2 := litField(c.info, lit, t, "ReadTimeout")
		if set1 || set2 || c.setLater(cur, lit.End(), "ReadHeaderTimeout", "ReadTimeout") || c.fieldTimeoutSet(cur, "ReadHeaderTimeout", "ReadTimeout") || c.handedToHelper(cur) || c.testServer(cur) || c.servedOnUnix(cur) {
			return
		}
		d := analysis.Diagnostic{
			Pos:      typeRange(lit).Pos(),
			End:      typeRange(lit).End(),
			Category: "server",
			Message:  "http.Server has neither ReadHeaderTimeout nor ReadTimeout: " + msgSlow + "; set ReadHeaderTimeout (for example 10 * time.Second)",
		}
		if !zero1 && !zero2 {
			d.SuggestedFixes = c.serverFix(lit)
		}
		c.rep.Report(d)
	}
}

// zeroValueDecl checks `var c http.Client` and `var s http.Server`
// declarations without a value: the zero value has no timeouts.
func (c *checker) zeroValueDecl(cur inspector.Cursor, spec *ast.ValueSpec) {
	if len(spec.Values) != 0 || spec.Type == nil {
		return
	}
	t := c.info.TypeOf(spec.Type)
	if c.wrapperOf(t) != nil {
		for _, name := range spec.Names {
			if name.Name != "_" {
				c.embeddedServer(name, t, nil)
			}
		}
		return
	}
	isClient, isServer := match.IsType(t, "net/http.Client"), match.IsType(t, "net/http.Server")
	if !isClient && !isServer {
		return
	}
	for i, name := range spec.Names {
		if name.Name == "_" {
			continue
		}
		id := cur.ChildAt(edge.ValueSpec_Names, i)
		switch {
		case isClient:
			c.client(id, name, false)
		case isServer && !c.setLater(id, name.End(), "ReadHeaderTimeout", "ReadTimeout"):
			c.rep.Reportf(name, "server", "http.Server %s has neither ReadHeaderTimeout nor ReadTimeout: %s; set ReadHeaderTimeout (for example 10 * time.Second)", name.Name, msgSlow)
		}
	}
}

// call checks calls of the package-level helpers that cannot take a
// timeout, new(http.Client), new(http.Server), and dials.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	if match.IsBuiltin(c.info, call, "new") {
		switch t := c.info.TypeOf(call); {
		case match.IsTypeOrPointer(t, "net/http.Client"):
			c.client(cur, call, false)
		case match.IsTypeOrPointer(t, "net/http.Server"):
			if !c.setLater(cur, call.End(), "ReadHeaderTimeout", "ReadTimeout") && !c.fieldTimeoutSet(cur, "ReadHeaderTimeout", "ReadTimeout") {
				c.rep.Reportf(call, "server", "http.Server has neither ReadHeaderTimeout nor ReadTimeout: %s; set ReadHeaderTimeout (for example 10 * time.Second)", msgSlow)
			}
		default:
			if p, ok := t.(*types.Pointer); ok && c.wrapperOf(p.Elem()) != nil {
				c.embeddedServer(call, p.Elem(), nil)
			}
		}
		return
	}
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return
	}
	name := fn.Pkg().Name() + "." + fn.Name()
	switch {
	case match.IsFunc(fn, netHTTP, "Get", "Head", "Post", "PostForm"):
		if inHandler(c.info, cur) {
			return // lostcontext's: one mistake, one finding
		}
		c.rep.Reportf(call.Fun, "default-client", "%s uses http.DefaultClient, which has no Timeout: %s; use an http.Client with Timeout, or http.NewRequestWithContext with a deadline", name, msgHang)
	case match.IsFunc(fn, netHTTP, "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"):
		if c.testServer(cur) || match.IsFunc(fn, netHTTP, "Serve", "ServeTLS") && len(call.Args) > 0 && c.unixListener(cur, call.Args[0], 0) {
			return
		}
		c.rep.Reportf(call.Fun, "listen", "%s serves with no timeouts: %s; use an http.Server with ReadHeaderTimeout and call its %s method", name, msgSlow, fn.Name())
	case match.IsFunc(fn, "net", "DialTCP"),
		match.IsFunc(fn, "net", "Dial") && len(call.Args) > 0 && isTCP(c.info, call.Args[0]),
		match.IsFunc(fn, "crypto/tls", "Dial") && len(call.Args) > 0 && isTCP(c.info, call.Args[0]):
		if len(call.Args) > 1 && (c.ownListener(cur, call.Args[1], 0) || c.fixtureDial(cur, call.Args[1]) || c.loopbackDial(cur, call.Args[1])) {
			return
		}
		if match.IsFunc(fn, "net", "Dial") && inHandler(c.info, cur) {
			return // lostcontext's: one mistake, one finding
		}
		c.rep.Reportf(call.Fun, "dial", "%s has no timeout: %s; use net.DialTimeout, a net.Dialer with Timeout, or DialContext with a deadline", name, msgDial)
	case match.IsMethod(fn, "net", "Dialer", "Dial"):
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) > 0 && isTCP(c.info, call.Args[0]) && c.unboundedDialer(cur, sel.X) && !c.ownListener(cur, call.Args[len(call.Args)-1], 0) && !c.fixtureDial(cur, call.Args[len(call.Args)-1]) && !c.loopbackDial(cur, call.Args[len(call.Args)-1]) {
			c.rep.Reportf(call.Fun, "dialer", "net.Dialer has neither Timeout nor Deadline and Dial takes no context: %s; set the Dialer's Timeout or call DialContext with a deadline", msgDial)
		}
	case match.IsFunc(fn, "crypto/tls", "DialWithDialer"):
		if len(call.Args) > 1 && isTCP(c.info, call.Args[1]) && c.unboundedDialer(cur, call.Args[0]) && !c.ownListener(cur, call.Args[2], 0) && !c.fixtureDial(cur, call.Args[2]) && !c.loopbackDial(cur, call.Args[2]) {
			c.rep.Reportf(call.Fun, "dialer", "net.Dialer has neither Timeout nor Deadline: %s; set the Dialer's Timeout", msgDial)
		}
	}
}

// litField reports whether the struct literal lit of type t sets field
// to something other than the constant zero, and whether it sets it to
// an explicit constant zero.
func litField(info *types.Info, lit *ast.CompositeLit, t types.Type, field string) (set, explicitZero bool) {
	value := fieldValue(lit, t, field)
	if value == nil {
		return false, false
	}
	if flow.IsZeroConst(info, value) {
		return false, true
	}
	return true, false
}

// fieldValue returns the value the struct literal lit of type t gives to
// field, keyed or positional, or nil.
func fieldValue(lit *ast.CompositeLit, t types.Type, field string) ast.Expr {
	_, index, ok := match.Field(t, field)
	if !ok {
		return nil
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == field {
				return kv.Value
			}
		} else if i == index {
			return elt
		}
	}
	return nil
}

// typeRange is the tight range of a composite literal: its type, or its
// opening brace when the type is elided.
func typeRange(lit *ast.CompositeLit) analysis.Range {
	if lit.Type != nil {
		return lit.Type
	}
	return report.Span(lit.Lbrace, lit.Lbrace+1)
}

// inHandler reports whether the call at cur is made by an HTTP handler
// itself (a function with http.HandlerFunc's parameters), where
// lostcontext reports a context-less http.Get or net.Dial and its fix
// (the request's context) is the remedy for both: one mistake, one
// finding.
func inHandler(info *types.Info, cur inspector.Cursor) bool {
	fc, ok := match.InnermostFunc(cur)
	if !ok {
		return false
	}
	ftype, _ := match.FuncParts(fc.Node())
	req, ok := match.HandlerRequest(info, ftype)
	return ok && req != nil
}
