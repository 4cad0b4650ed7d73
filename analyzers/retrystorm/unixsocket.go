package retrystorm

import (
	"go/ast"
	"go/types"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
)

// unixNetworks are the networks of Unix-domain sockets.
var unixNetworks = map[string]bool{"unix": true, "unixgram": true, "unixpacket": true}

// maxUnixDepth bounds how deep dialsUnixSocket follows the package's own
// functions to their dials.
const maxUnixDepth = 3

// dialsUnixSocket reports whether call is a dial of a Unix-domain socket
// (net.DialUnix; net.Dial, DialTimeout, a Dialer's Dial or DialContext,
// or their crypto/tls forms, with the network a constant "unix",
// "unixgram" or "unixpacket", or the Network() of a *net.UnixAddr), or
// a call of a function of this package whose every network call is
// such a dial. Such a socket reaches a process on the same host only,
// and the kernel refuses a connect to it while nobody listens, without
// involving the server: a bounded retry of it cannot be the fleet's
// waves that keep a server down (datadog-go's statsd reconnect to the
// local agent). A network the analyzer cannot see (a parameter, a
// field) is not one.
func (c *checker) dialsUnixSocket(call *ast.CallExpr) bool {
	return c.unixDial(call, 0)
}

func (c *checker) unixDial(call *ast.CallExpr, depth int) bool {
	return c.sameHostCall(call, depth, func(nc netreach.Call) bool {
		if nc.Kind == netreach.HTTP {
			return c.unixTransport(call, nc.Func)
		}
		return nc.Kind == netreach.Dial && c.unixNetwork(call, nc.Func)
	}, c.unixDial)
}

// sameHostCall reports whether call is a network call that direct
// accepts, or a call of a function of this package (at most
// maxUnixDepth deep) whose every network call satisfies inner.
func (c *checker) sameHostCall(call *ast.CallExpr, depth int, direct func(netreach.Call) bool, inner func(*ast.CallExpr, int) bool) bool {
	nc, isDirect, ok := c.net.Call(call)
	if !ok {
		return false
	}
	if isDirect {
		return direct(nc)
	}
	if depth >= maxUnixDepth {
		return false
	}
	return c.onlyNetCalls(c.localBody(nc.Func), func(call *ast.CallExpr) bool { return inner(call, depth+1) })
}

// onlyNetCalls reports whether body (a function of this package; nil
// for another package's or an interface method) makes at least one
// network call and every network call it makes satisfies ok.
func (c *checker) onlyNetCalls(body *ast.BlockStmt, ok func(*ast.CallExpr) bool) bool {
	if body == nil {
		return false
	}
	found, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		inner, isCall := n.(*ast.CallExpr)
		if other || !isCall {
			return !other
		}
		if _, _, reaches := c.net.Call(inner); reaches {
			if ok(inner) {
				found = true
			} else {
				other = true
			}
		}
		return !other
	})
	return found && !other
}

// unixNetwork reports whether the dial call (of fn, a net or crypto/tls
// dial) names a Unix-domain network: it is net.DialUnix, or its
// argument for the parameter named network is a constant Unix network
// or the Network() of a *net.UnixAddr.
func (c *checker) unixNetwork(call *ast.CallExpr, fn *types.Func) bool {
	if match.IsFunc(fn, "net", "DialUnix") {
		return true // its network must be a Unix one, or it fails
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	for i := range sig.Params().Len() {
		if sig.Params().At(i).Name() != "network" || i >= len(call.Args) {
			continue
		}
		arg := ast.Unparen(call.Args[i])
		if network, ok := match.ConstString(c.info, arg); ok {
			return unixNetworks[network]
		}
		inner, ok := arg.(*ast.CallExpr)
		return ok && match.IsMethod(match.Callee(c.info, inner), "net", "UnixAddr", "Network")
	}
	return false
}

// localBody returns the body of fn's declaration when fn is a function
// or method of the package under analysis, or nil.
func (c *checker) localBody(fn *types.Func) *ast.BlockStmt {
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return nil
	}
	fn = fn.Origin()
	if c.decls == nil {
		c.decls = make(map[*types.Func]*ast.FuncDecl)
		for f, fd := range match.FuncDecls(c.pass.Files, c.info) {
			c.decls[f] = fd
		}
	}
	if fd := c.decls[fn]; fd != nil {
		return fd.Body
	}
	return nil
}

// unixTransport reports whether the HTTP call is a method of an
// *http.Client kept in a struct field (e.HTTPClient.Do(req)) that every
// value the package stores in the field (flow.Writes) is an
// &http.Client literal whose Transport is an &http.Transport literal
// with a Dial or DialContext function literal that only dials a
// Unix-domain socket (litefs's client of the node-local Fly API at
// /.fly/api): the request goes to a process on the same host, whatever
// its URL says. A client the package does not build in view, or a
// transport that may dial anything else, is not one.
func (c *checker) unixTransport(call *ast.CallExpr, fn *types.Func) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || !match.IsMethod(fn, "net/http", "Client", "Do", "Get", "Head", "Post", "PostForm") {
		return false
	}
	field := match.SelectedField(c.info, sel.X)
	if field == nil {
		return false
	}
	values := 0
	for _, w := range c.writes.Of(field) {
		if w.Value == nil || w.Index != 0 {
			return false // a value out of view
		}
		if _, multi := c.info.TypeOf(w.Value).(*types.Tuple); multi || !c.unixClient(w.Value) {
			return false // one of several results, or another client
		}
		values++
	}
	return values > 0
}

// unixClient reports whether e is &http.Client{Transport:
// &http.Transport{DialContext: func...}} with the dial function's every
// network call a dial of a Unix-domain socket.
func (c *checker) unixClient(e ast.Expr) bool {
	lit := match.CompositeLit(e)
	if lit == nil || !match.IsType(c.info.TypeOf(lit), "net/http.Client") {
		return false
	}
	for _, fv := range match.LiteralFields(c.info, lit) {
		if fv.Field.Name() != "Transport" {
			continue
		}
		tr := match.CompositeLit(fv.Value)
		if tr == nil || !match.IsType(c.info.TypeOf(tr), "net/http.Transport") {
			return false
		}
		dials := 0
		for _, tf := range match.LiteralFields(c.info, tr) {
			switch tf.Field.Name() {
			case "Dial", "DialContext", "DialTLS", "DialTLSContext":
				fl, ok := ast.Unparen(tf.Value).(*ast.FuncLit)
				if !ok || !c.onlyNetCalls(fl.Body, func(inner *ast.CallExpr) bool { return c.unixDial(inner, maxUnixDepth) }) {
					return false
				}
				dials++
			}
		}
		return dials > 0
	}
	return false
}
