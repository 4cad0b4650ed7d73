package timeout

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/docs"
	"github.com/distlint/distlint/internal/edit"
	"github.com/distlint/distlint/internal/flow"
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
		Name:     Name,
		Doc:      docs.Extract(doc, Name),
		URL:      URL,
		Requires: []*analysis.Analyzer{inspect.Analyzer},
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
}

func run(pass *analysis.Pass, cfg *Config) (any, error) {
	// Every finding involves one of these packages' objects; a package
	// that imports none of them cannot name them.
	if !match.Imports(pass.Pkg, netHTTP, "net", "crypto/tls") {
		return nil, nil
	}
	c := &checker{pass: pass, info: pass.TypesInfo, rep: report.New(pass, cfg.Policy)}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	filter := []ast.Node{(*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.Ident)(nil), (*ast.ValueSpec)(nil)}
	for cur := range c.rep.Preorder(insp, filter...) {
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			c.compositeLit(cur, n)
		case *ast.CallExpr:
			c.call(cur, n)
		case *ast.Ident:
			if match.IsPkgVar(c.info.Uses[n], netHTTP, "DefaultClient") {
				c.defaultClient(cur, n)
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
	case match.IsType(t, "net/http.Client"):
		set, explicitZero := litField(c.info, lit, t, "Timeout")
		if set || c.stubTransport(lit, t) {
			return
		}
		c.client(cur, typeRange(lit), explicitZero)
	case match.IsType(t, "net/http.Server"):
		set1, zero1 := litField(c.info, lit, t, "ReadHeaderTimeout")
		set2, zero2 := litField(c.info, lit, t, "ReadTimeout")
		if set1 || set2 || c.setLater(cur, lit.End(), "ReadHeaderTimeout", "ReadTimeout") || c.handedToHelper(cur) {
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

// handedToHelper reports whether the server literal at cur, or the local
// variable it initializes, is passed as an *http.Server to a function
// outside net/http: a helper that may set its timeouts out of view
// (service corpus: kratos's graceful.WithDefaults(&http.Server{...})).
func (c *checker) handedToHelper(cur inspector.Cursor) bool {
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		if c.serverArg(cur.Parent()) {
			return true
		}
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	path, ok := c.target(cur)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	for _, use := range flow.Uses(c.info, body, path.Root) {
		if u, ok := use.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
			use = use.Parent()
		}
		if c.serverArg(use) {
			return true
		}
	}
	return false
}

// serverArg reports whether the expression at cur is an argument, for a
// parameter of type http.Server or *http.Server, of a function outside
// net/http.
func (c *checker) serverArg(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "net/http" {
		return false
	}
	params := fn.Signature().Params()
	_, idx := cur.ParentEdge()
	if params.Len() == 0 || idx < 0 {
		return false
	}
	if idx >= params.Len() {
		idx = params.Len() - 1 // variadic
	}
	return match.IsTypeOrPointer(params.At(idx).Type(), "net/http.Server")
}

// stubTransport reports whether the client literal's Transport is a
// value of a type declared in this package whose RoundTrip cannot reach
// the network: it calls nothing but package errors and fmt and builtins
// (Prometheus's failingRoundTripper: a client that fails every request
// at once has nothing to wait for).
func (c *checker) stubTransport(lit *ast.CompositeLit, t types.Type) bool {
	transport := fieldValue(lit, t, "Transport")
	if transport == nil {
		return false
	}
	tt := c.info.TypeOf(transport)
	if tt == nil {
		return false
	}
	if _, isIface := tt.Underlying().(*types.Interface); isIface {
		return false // the dynamic type is out of view
	}
	obj, _, _ := types.LookupFieldOrMethod(tt, true, c.pass.Pkg, "RoundTrip")
	fn, ok := obj.(*types.Func)
	if !ok || fn.Pkg() != c.pass.Pkg {
		return false
	}
	decl := match.FuncDecl(c.pass.Files, c.info, fn)
	if decl == nil || decl.Body == nil {
		return false
	}
	stub := true
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || !stub {
			return stub
		}
		if tv, ok := c.info.Types[call.Fun]; ok && (tv.IsType() || tv.IsBuiltin()) {
			return true // conversion or builtin
		}
		callee := match.Callee(c.info, call)
		if callee == nil || callee.Pkg() == nil || (callee.Pkg().Path() != "errors" && callee.Pkg().Path() != "fmt") {
			stub = false
		}
		return stub
	})
	return stub
}

// zeroValueDecl checks `var c http.Client` and `var s http.Server`
// declarations without a value: the zero value has no timeouts.
func (c *checker) zeroValueDecl(cur inspector.Cursor, spec *ast.ValueSpec) {
	if len(spec.Values) != 0 || spec.Type == nil {
		return
	}
	t := c.info.TypeOf(spec.Type)
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

// client reports an http.Client value with no Timeout made at cur,
// unless its Timeout is set later or all its requests carry a deadline.
func (c *checker) client(cur inspector.Cursor, rng analysis.Range, explicitZero bool) {
	if c.setLater(cur, rng.End(), "Timeout") || c.onlyDeadlineRequests(cur) {
		return
	}
	if explicitZero {
		c.rep.Reportf(rng, "client", "http.Client Timeout is 0, which means no timeout: %s; set a positive Timeout or send every request with a context deadline", msgHang)
		return
	}
	c.rep.Reportf(rng, "client", "http.Client has no Timeout: %s; set Timeout (for example 30 * time.Second) or send every request with a context deadline", msgHang)
}

// setLater reports whether one of fields is assigned a non-zero value,
// after pos in the enclosing function, on the location that the value
// made at cur is stored into.
func (c *checker) setLater(cur inspector.Cursor, pos token.Pos, fields ...string) bool {
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	path, ok := c.target(cur)
	return ok && flow.FieldSet(c.info, body, pos, path, fields...)
}

// target is flow.Target, extended to a declared name (var c http.Client).
func (c *checker) target(cur inspector.Cursor) (flow.Path, bool) {
	if id, ok := cur.Node().(*ast.Ident); ok && cur.ParentEdgeKind() == edge.ValueSpec_Names {
		return flow.PathOf(c.info, id)
	}
	return flow.Target(c.info, cur)
}

// onlyDeadlineRequests reports whether the client made at cur is stored
// in a local variable whose every use is a Do (or a field assignment)
// and every request sent by Do visibly carries a context deadline.
func (c *checker) onlyDeadlineRequests(cur inspector.Cursor) bool {
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	path, ok := c.target(cur)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	sends := 0
	for _, use := range flow.Uses(c.info, body, path.Root) {
		sel, ok := use.Parent().Node().(*ast.SelectorExpr)
		if !ok || use.ParentEdgeKind() != edge.SelectorExpr_X {
			return false // the client escapes: its other uses are out of view
		}
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
			continue // configuring the client, not sending with it
		}
		call, ok := use.Parent().Parent().Node().(*ast.CallExpr)
		if !ok || sel.Sel.Name != "Do" || len(call.Args) != 1 || !flow.RequestHasDeadline(c.info, body, call.Args[0]) {
			return false
		}
		sends++
	}
	return sends > 0
}

// defaultClient checks a use of http.DefaultClient.
func (c *checker) defaultClient(cur inspector.Cursor, id *ast.Ident) {
	expr := cur
	if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
		expr = cur.Parent() // http.DefaultClient
	}
	for {
		if _, ok := expr.Parent().Node().(*ast.ParenExpr); !ok {
			break
		}
		expr = expr.Parent()
	}
	switch p := expr.Parent().Node().(type) {
	case *ast.AssignStmt:
		if expr.ParentEdgeKind() == edge.AssignStmt_Lhs {
			return // replacing the default client
		}
		if c.isFallback(expr.Parent(), p) {
			return
		}
	case *ast.BinaryExpr:
		if p.Op == token.EQL || p.Op == token.NEQ {
			return // comparing with it
		}
	case *ast.StarExpr:
		// *http.DefaultClient copies a client with no Timeout.
		c.client(expr.Parent(), p, false)
		return
	case *ast.SelectorExpr:
		s, ok := c.info.Selections[p]
		if !ok || s.Kind() == types.FieldVal {
			return // reading or configuring its fields (Timeout, Transport)
		}
		if p.Sel.Name == "CloseIdleConnections" {
			return
		}
		if call, ok := expr.Parent().Parent().Node().(*ast.CallExpr); ok && p.Sel.Name == "Do" && len(call.Args) == 1 {
			if body, ok := flow.EnclosingFunc(cur); ok && flow.RequestHasDeadline(c.info, body, call.Args[0]) {
				return
			}
		}
	}
	c.rep.Reportf(expr.Node(), "default-client", "http.DefaultClient has no Timeout: %s; use an http.Client with Timeout, or send requests with a context deadline", msgHang)
}

// isFallback reports whether the assignment of http.DefaultClient at cur
// is a default that the code's main path does not take (the corpus taught
// both shapes: Prometheus, client-go, minio):
//
//	if c == nil { c = http.DefaultClient } // the caller supplied no client
//
//	if timeout > 0 { c = &http.Client{Timeout: timeout} } else { c = http.DefaultClient }
//
// In the first the client is normally configured elsewhere; in the second
// the timeout is configuration and zero is the user's choice.
func (c *checker) isFallback(cur inspector.Cursor, as *ast.AssignStmt) bool {
	if len(as.Lhs) != 1 {
		return false
	}
	target, ok := flow.PathOf(c.info, as.Lhs[0])
	if !ok {
		return false
	}
	block, ok := cur.Parent().Node().(*ast.BlockStmt)
	if !ok {
		return false
	}
	ifStmt, ok := cur.Parent().Parent().Node().(*ast.IfStmt)
	if !ok {
		return false
	}
	if ifStmt.Body == block && c.isNilCheck(ifStmt.Cond, target) {
		return true
	}
	other := ifStmt.Body
	if ifStmt.Body == block {
		other, _ = ifStmt.Else.(*ast.BlockStmt)
	}
	if other == nil {
		return false
	}
	for _, stmt := range other.List {
		if as2, ok := stmt.(*ast.AssignStmt); ok && len(as2.Lhs) == 1 && len(as2.Rhs) == 1 {
			p2, ok := flow.PathOf(c.info, as2.Lhs[0])
			lit := compositeLitOf(as2.Rhs[0])
			if ok && p2.Equal(target) && lit != nil && match.IsType(c.info.TypeOf(lit), "net/http.Client") {
				if set, _ := litField(c.info, lit, c.info.TypeOf(lit), "Timeout"); set {
					return true
				}
			}
		}
	}
	return false
}

// isNilCheck reports whether cond is `path == nil`.
func (c *checker) isNilCheck(cond ast.Expr, path flow.Path) bool {
	bin, ok := ast.Unparen(cond).(*ast.BinaryExpr)
	if !ok || bin.Op != token.EQL {
		return false
	}
	for _, pair := range [][2]ast.Expr{{bin.X, bin.Y}, {bin.Y, bin.X}} {
		if p, ok := flow.PathOf(c.info, pair[0]); ok && p.Equal(path) && c.info.Types[pair[1]].IsNil() {
			return true
		}
	}
	return false
}

// compositeLitOf returns the composite literal expr is, or takes the
// address of.
func compositeLitOf(expr ast.Expr) *ast.CompositeLit {
	expr = ast.Unparen(expr)
	if u, ok := expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr = ast.Unparen(u.X)
	}
	lit, _ := expr.(*ast.CompositeLit)
	return lit
}

// call checks calls of the package-level helpers that cannot take a
// timeout, new(http.Client), new(http.Server), and dials.
func (c *checker) call(cur inspector.Cursor, call *ast.CallExpr) {
	if match.IsBuiltin(c.info, call, "new") {
		switch t := c.info.TypeOf(call); {
		case match.IsTypeOrPointer(t, "net/http.Client"):
			c.client(cur, call, false)
		case match.IsTypeOrPointer(t, "net/http.Server"):
			if !c.setLater(cur, call.End(), "ReadHeaderTimeout", "ReadTimeout") {
				c.rep.Reportf(call, "server", "http.Server has neither ReadHeaderTimeout nor ReadTimeout: %s; set ReadHeaderTimeout (for example 10 * time.Second)", msgSlow)
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
		c.rep.Reportf(call.Fun, "default-client", "%s uses http.DefaultClient, which has no Timeout: %s; use an http.Client with Timeout, or http.NewRequestWithContext with a deadline", name, msgHang)
	case match.IsFunc(fn, netHTTP, "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"):
		c.rep.Reportf(call.Fun, "listen", "%s serves with no timeouts: %s; use an http.Server with ReadHeaderTimeout and call its %s method", name, msgSlow, fn.Name())
	case match.IsFunc(fn, "net", "DialTCP"),
		match.IsFunc(fn, "net", "Dial") && len(call.Args) > 0 && isTCP(c.info, call.Args[0]),
		match.IsFunc(fn, "crypto/tls", "Dial") && len(call.Args) > 0 && isTCP(c.info, call.Args[0]):
		c.rep.Reportf(call.Fun, "dial", "%s has no timeout: %s; use net.DialTimeout, a net.Dialer with Timeout, or DialContext with a deadline", name, msgDial)
	case match.IsMethod(fn, "net", "Dialer", "Dial"):
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && len(call.Args) > 0 && isTCP(c.info, call.Args[0]) && c.unboundedDialer(cur, sel.X) {
			c.rep.Reportf(call.Fun, "dialer", "net.Dialer has neither Timeout nor Deadline and Dial takes no context: %s; set the Dialer's Timeout or call DialContext with a deadline", msgDial)
		}
	case match.IsFunc(fn, "crypto/tls", "DialWithDialer"):
		if len(call.Args) > 1 && isTCP(c.info, call.Args[1]) && c.unboundedDialer(cur, call.Args[0]) {
			c.rep.Reportf(call.Fun, "dialer", "net.Dialer has neither Timeout nor Deadline: %s; set the Dialer's Timeout", msgDial)
		}
	}
}

// unboundedDialer reports whether the net.Dialer expression visibly has
// neither Timeout nor Deadline: a literal without them, or a local
// variable whose every value is such a literal, new(net.Dialer) or the
// zero value, with neither field assigned in the function.
func (c *checker) unboundedDialer(cur inspector.Cursor, expr ast.Expr) bool {
	expr = ast.Unparen(expr)
	if u, ok := expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr = ast.Unparen(u.X)
	}
	switch e := expr.(type) {
	case *ast.CompositeLit:
		return !c.dialerLitBounded(e)
	case *ast.Ident:
		v, ok := c.info.Uses[e].(*types.Var)
		body, inFunc := flow.EnclosingFunc(cur)
		if !ok || !inFunc {
			return false
		}
		defs, ok := flow.Defs(c.info, body, v)
		if !ok {
			return false
		}
		for _, d := range defs {
			if !c.unboundedDialerValue(d.Expr) {
				return false
			}
		}
		return !flow.FieldSet(c.info, body, body.Node().Pos(), flow.Path{Root: v}, "Timeout", "Deadline")
	}
	return false
}

// unboundedDialerValue reports whether a value given to a dialer
// variable is visibly unbounded (nil stands for the zero value).
func (c *checker) unboundedDialerValue(expr ast.Expr) bool {
	if expr == nil {
		return true
	}
	expr = ast.Unparen(expr)
	if u, ok := expr.(*ast.UnaryExpr); ok && u.Op == token.AND {
		expr = ast.Unparen(u.X)
	}
	switch e := expr.(type) {
	case *ast.CompositeLit:
		return match.IsType(c.info.TypeOf(e), "net.Dialer") && !c.dialerLitBounded(e)
	case *ast.CallExpr:
		return match.IsBuiltin(c.info, e, "new") && match.IsTypeOrPointer(c.info.TypeOf(e), "net.Dialer")
	}
	return false
}

func (c *checker) dialerLitBounded(lit *ast.CompositeLit) bool {
	t := c.info.TypeOf(lit)
	timeout, _ := litField(c.info, lit, t, "Timeout")
	deadline, _ := litField(c.info, lit, t, "Deadline")
	return timeout || deadline
}

// serverFix inserts ReadHeaderTimeout: 10 * time.Second into a keyed
// (or empty) http.Server literal, importing "time" if the file lacks it.
func (c *checker) serverFix(lit *ast.CompositeLit) []analysis.SuggestedFix {
	file := edit.FileOf(c.pass.Files, lit.Pos())
	if file == nil {
		return nil
	}
	timePkg, importEdit, ok := edit.Import(c.pass.Pkg, file, lit.Pos(), "time")
	if !ok {
		return nil
	}
	fieldEdit, ok := edit.AddField(c.pass.Fset, lit, "ReadHeaderTimeout: 10 * "+timePkg+".Second")
	if !ok {
		return nil // positional literal: no safe place to add a field
	}
	edits := []analysis.TextEdit{fieldEdit}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return []analysis.SuggestedFix{{Message: "Add ReadHeaderTimeout: 10 * time.Second", TextEdits: edits}}
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

// isTCP reports whether the network argument of a dial is a constant
// naming a TCP network. Other networks do not wait on a remote peer
// (udp, unix), and a non-constant one is out of view.
func isTCP(info *types.Info, network ast.Expr) bool {
	tv, ok := info.Types[network]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	switch constant.StringVal(tv.Value) {
	case "tcp", "tcp4", "tcp6":
		return true
	}
	return false
}

// typeRange is the tight range of a composite literal: its type, or its
// opening brace when the type is elided.
func typeRange(lit *ast.CompositeLit) analysis.Range {
	if lit.Type != nil {
		return lit.Type
	}
	return report.Span(lit.Lbrace, lit.Lbrace+1)
}
