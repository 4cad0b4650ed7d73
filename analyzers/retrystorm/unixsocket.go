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
	nc, direct, ok := c.net.Call(call)
	if !ok {
		return false
	}
	if direct {
		return nc.Kind == netreach.Dial && c.unixNetwork(call, nc.Func)
	}
	if depth >= maxUnixDepth {
		return false
	}
	body := c.localBody(nc.Func)
	if body == nil {
		return false // another package's, or an interface method
	}
	found, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		inner, isCall := n.(*ast.CallExpr)
		if other || !isCall {
			return !other
		}
		if _, _, reaches := c.net.Call(inner); reaches {
			if c.unixDial(inner, depth+1) {
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
