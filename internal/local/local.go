// Package local answers one question for the analyzers whose harms need
// a network between the parties (a dial that waits on an unreachable
// host, a response lost in flight and replayed, a fleet of clients
// stampeding a server): does this address expression visibly name this
// machine?
//
// The standard: an address names this machine only when its host part
// can be seen, and it is a loopback address (127.0.0.1, ::1), localhost
// (or a name under .localhost), the unspecified address (0.0.0.0, ::) or
// empty (":8080": a dial to it connects to the local system), or when it
// is the address of a listener that the same function opened
// (ln.Addr().String() after ln, _ := net.Listen(...)). The listener's
// host does not matter: whatever interface it was opened on, including
// all of them (":0", whose Addr is "[::]:port"), a dial to its Addr goes
// to this process on this machine. The address is followed through
// constants, concatenations ("localhost:"+port), fmt.Sprintf formats
// whose host part is a constant, net.JoinHostPort with a constant host,
// local variables given only such values, and unexported struct fields
// and package variables of the package whose every write (flow.Writes)
// is such a value. A host from a parameter, a flag, a config field, an
// exported field or any value out of view does not name this machine:
// the caller keeps its finding.
package local

import (
	"go/ast"
	"go/token"
	"go/types"
	"net"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// maxDepth bounds how many variables and fields are followed.
const maxDepth = 4

// Addrs answers whether address and URL expressions of one package name
// this machine.
type Addrs struct {
	info   *types.Info
	writes *flow.Writes
}

// New returns the question's answerer for the package whose type
// information is info and whose field and package-variable writes are
// writes (nil: fields and package variables are not followed).
func New(info *types.Info, writes *flow.Writes) *Addrs {
	return &Addrs{info: info, writes: writes}
}

// IsLocalHost reports whether host names this machine: empty,
// localhost or a name under .localhost, a loopback or unspecified IP,
// with or without brackets.
func IsLocalHost(host string) bool {
	host = strings.Trim(host, "[]")
	if host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && (ip.IsLoopback() || ip.IsUnspecified())
}

// Addr reports whether the address expression e ("host:port"), read at
// cur, visibly names this machine.
func (a *Addrs) Addr(cur inspector.Cursor, e ast.Expr) bool {
	return a.addr(cur, e, 0)
}

func (a *Addrs) addr(cur inspector.Cursor, e ast.Expr, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if host, ok := a.constHost(e); ok {
		return IsLocalHost(host)
	}
	if a.listenerAddr(cur, e) {
		return true
	}
	switch x := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		return a.values(cur, x, depth, a.addr)
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "String" && len(x.Args) == 0 && match.IsType(a.info.TypeOf(sel.X), "net.Addr") {
			return a.addr(cur, sel.X, depth) // addr.String() of a net.Addr that names this machine
		}
	}
	return false
}

// constHost returns the host part of an address whose host can be seen
// without following variables: a constant, a concatenation led by a
// constant with the host and its colon, fmt.Sprintf with a constant host
// before the last colon, net.JoinHostPort with a constant host.
func (a *Addrs) constHost(e ast.Expr) (string, bool) {
	if s, ok := LeadingConst(a.info, e); ok {
		if i := strings.LastIndex(s, ":"); i >= 0 && !strings.Contains(s[:i], ":") {
			return s[:i], true
		}
		return bracketHost(s)
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	fn := match.Callee(a.info, call)
	switch {
	case match.IsFunc(fn, "fmt", "Sprintf") && len(call.Args) > 0:
		format, ok := match.ConstString(a.info, call.Args[0])
		if !ok {
			return "", false
		}
		i := strings.LastIndex(format, ":")
		if i < 0 || strings.Contains(format[:i], "%") {
			return "", false // the host is formatted in: out of view
		}
		return format[:i], true
	case match.IsFunc(fn, "net", "JoinHostPort") && len(call.Args) == 2:
		return match.ConstString(a.info, call.Args[0])
	}
	return "", false
}

// listenerAddr reports whether e is built from the address of a
// listener that the function around cur opened itself: ln.Addr() or
// ln.Addr().String(), possibly within a larger expression, with ln a
// local variable given only net.Listen, net.ListenTCP, tls.Listen or
// (*net.ListenConfig).Listen results.
func (a *Addrs) listenerAddr(cur inspector.Cursor, e ast.Expr) bool {
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if ok && sel.Sel.Name == "Addr" && len(call.Args) == 0 && a.opened(body, sel.X) {
				found = true
			}
		}
		return !found
	})
	return found
}

// opened reports whether x is a local variable whose every value is a
// listener opened in body.
func (a *Addrs) opened(body inspector.Cursor, x ast.Expr) bool {
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := a.info.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	defs, ok := flow.Defs(a.info, body, v)
	if !ok || len(defs) == 0 {
		return false
	}
	for _, d := range defs {
		call, ok := ast.Unparen(d.Expr).(*ast.CallExpr)
		if !ok || d.Index != 0 {
			return false
		}
		fn := match.Callee(a.info, call)
		if !match.IsFunc(fn, "net", "Listen", "ListenTCP") && !match.IsFunc(fn, "crypto/tls", "Listen") && !match.IsMethod(fn, "net", "ListenConfig", "Listen") {
			return false
		}
	}
	return true
}

// values reports whether every value of the variable or field e can be
// seen and satisfies ok: a local variable through its definitions in the
// function around cur, an unexported field or package variable of the
// package through its every write, each read in the function around it.
func (a *Addrs) values(cur inspector.Cursor, e ast.Expr, depth int, ok func(inspector.Cursor, ast.Expr, int) bool) bool {
	var v *types.Var
	switch x := e.(type) {
	case *ast.Ident:
		v, _ = a.info.Uses[x].(*types.Var)
	case *ast.SelectorExpr:
		v, _ = a.info.Uses[x.Sel].(*types.Var)
	}
	if v == nil {
		return false
	}
	if _, isIdent := e.(*ast.Ident); isIdent && !isPackageVar(v) {
		body, inFunc := flow.EnclosingFunc(cur)
		if !inFunc {
			return false
		}
		defs, known := flow.Defs(a.info, body, v)
		if !known || len(defs) == 0 {
			return false
		}
		for _, d := range defs {
			if d.Expr == nil || d.Index != 0 || !ok(cur, d.Expr, depth+1) {
				return false
			}
		}
		return true
	}
	if a.writes == nil {
		return false
	}
	writes, known := a.writes.Values(v)
	if !known || len(writes) == 0 {
		return false
	}
	for _, w := range writes {
		if w.Value == nil || w.Index != 0 || !ok(w.Cursor, w.Value, depth+1) {
			return false
		}
	}
	return true
}

// URL reports whether the URL expression e, read at cur, visibly names
// this machine: a string URL whose host part does ("http://localhost:8080/x",
// "http://"+addr+"/x", fmt.Sprintf("http://%s/x", addr)), a url.URL
// (or a pointer to one) built as a literal whose Host does, url.Parse of
// such a string, or a local variable, field or package variable given
// only such values.
func (a *Addrs) URL(cur inspector.Cursor, e ast.Expr) bool {
	return a.url(cur, e, 0)
}

func (a *Addrs) url(cur inspector.Cursor, e ast.Expr, depth int) bool {
	if e == nil || depth > maxDepth {
		return false
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		if !match.IsType(a.info.TypeOf(x), "net/url.URL") {
			return false
		}
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Host" {
					return a.addr(cur, kv.Value, depth+1)
				}
			}
		}
		return false // no host: a relative URL, sent nowhere in view
	case *ast.CallExpr:
		fn := match.Callee(a.info, x)
		if (match.IsFunc(fn, "net/url", "Parse", "ParseRequestURI")) && len(x.Args) == 1 {
			return a.url(cur, x.Args[0], depth+1)
		}
		if match.IsFunc(fn, "fmt", "Sprintf") && len(x.Args) > 0 {
			return a.sprintfURL(cur, x, depth)
		}
	case *ast.BinaryExpr:
		return a.concatURL(cur, x, depth)
	case *ast.Ident, *ast.SelectorExpr:
		if s, ok := match.ConstString(a.info, x); ok {
			return constURL(s, true)
		}
		return a.values(cur, x, depth, a.url)
	case *ast.BasicLit:
		if s, ok := match.ConstString(a.info, x); ok {
			return constURL(s, true)
		}
	}
	return false
}

// constURL reports whether the constant URL s, or the URL prefix s when
// whole is false, has a host that names this machine.
func constURL(s string, whole bool) bool {
	_, rest, ok := strings.Cut(s, "://")
	if !ok {
		return false
	}
	host, _, complete := cutHost(rest)
	if !complete && !whole {
		// "http://localhost:" + port: the name is complete at its
		// colon; "http://local" + ...: the host goes on out of view.
		name, _, ok := strings.Cut(host, ":")
		return ok && !strings.Contains(name, "[") && IsLocalHost(name)
	}
	return IsLocalHost(hostname(host))
}

// cutHost splits the part of a URL after its scheme into the host (with
// port) and the rest; complete is false when s ends inside the host.
func cutHost(s string) (host, rest string, complete bool) {
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		return s[:i], s[i:], true
	}
	return s, "", false
}

// hostname strips the port from host[:port].
func hostname(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}

// concatURL handles a URL built by concatenation: a constant scheme (and
// maybe the whole host) first, then an address that names this machine,
// then nothing or a constant path.
func (a *Addrs) concatURL(cur inspector.Cursor, e *ast.BinaryExpr, depth int) bool {
	parts := flatten(e)
	if parts == nil {
		return false
	}
	first, ok := match.ConstString(a.info, parts[0])
	if !ok {
		return false
	}
	if constURL(first, false) {
		return true
	}
	_, rest, ok := strings.Cut(first, "://")
	if !ok || rest != "" || len(parts) < 2 {
		return false
	}
	if len(parts) > 2 {
		next, ok := match.ConstString(a.info, parts[2])
		if !ok || !strings.HasPrefix(next, "/") {
			return false
		}
	}
	return a.addr(cur, parts[1], depth+1)
}

// flatten returns the operands of a chain of string concatenations.
func flatten(e ast.Expr) []ast.Expr {
	b, ok := ast.Unparen(e).(*ast.BinaryExpr)
	if !ok {
		return []ast.Expr{e}
	}
	if b.Op != token.ADD {
		return nil
	}
	left := flatten(b.X)
	if left == nil {
		return nil
	}
	return append(left, b.Y)
}

// sprintfURL handles fmt.Sprintf("http://%s/path", addr) and
// fmt.Sprintf("http://localhost:%d/path", port).
func (a *Addrs) sprintfURL(cur inspector.Cursor, call *ast.CallExpr, depth int) bool {
	format, ok := match.ConstString(a.info, call.Args[0])
	if !ok {
		return false
	}
	scheme, rest, ok := strings.Cut(format, "://")
	if !ok || strings.Contains(scheme, "%") {
		return false
	}
	host, _, _ := cutHost(rest)
	if !strings.Contains(host, "%") {
		return IsLocalHost(hostname(host))
	}
	if h, _, ok := strings.Cut(host, ":"); ok && !strings.Contains(h, "%") {
		return IsLocalHost(h) // "localhost:%d"
	}
	if (host == "%s" || host == "%v") && len(call.Args) > 1 {
		return a.addr(cur, call.Args[1], depth+1)
	}
	return false
}

// LeadingConst returns the constant that the string expression e is, or
// that leads its concatenation.
func LeadingConst(info *types.Info, e ast.Expr) (string, bool) {
	for {
		e = ast.Unparen(e)
		if s, ok := match.ConstString(info, e); ok {
			return s, true
		}
		bin, ok := e.(*ast.BinaryExpr)
		if !ok || bin.Op != token.ADD {
			return "", false
		}
		e = bin.X
	}
}

// bracketHost returns the host of "[::1]:port" or "[::1]".
func bracketHost(s string) (string, bool) {
	if !strings.HasPrefix(s, "[") {
		return "", false
	}
	i := strings.Index(s, "]")
	if i < 0 {
		return "", false
	}
	return s[1:i], true
}

func isPackageVar(v *types.Var) bool {
	return !v.IsField() && v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}
