package ctxdeadline

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
	"github.com/distlint/distlint/internal/netreach"
)

// longLived are the beginnings of words in the names of calls that are
// meant to stay open (watches, subscriptions, streams, long polls) or to
// run for the life of the process: their contexts are cancelled, not
// timed out. serve is a whole word (Server and Reserve are not).
var longLived = []string{"watch", "subscri", "stream", "poll", "listen"}

// isLongLived reports whether name says that its call stays open: one of
// its words (WatchEvents, LongPoll, stream_logs) starts with a longLived
// stem, or is serve or serving.
func isLongLived(name string) bool {
	for _, w := range names.Words(name) {
		if w == "serve" || w == "serving" {
			return true
		}
		for _, stem := range longLived {
			if strings.HasPrefix(w, stem) {
				return true
			}
		}
	}
	return false
}

// A sink is a network call and the context that bounds it.
type sink struct {
	ctx  ast.Expr // the context argument
	req  ast.Expr // or the request that carries it (net/http)
	name string   // the network call, for messages
	kind string   // the diagnostic category
}

// directSink returns the network call that call makes itself, if any,
// as internal/netreach classifies it, among those whose wait a context
// bounds: (*http.Client).Do on a client without Timeout, a database call
// that takes a context, a unary gRPC call, and DialContext on a Dialer
// without Timeout or Deadline. Streams stay open by design.
func (c *checker) directSink(body inspector.Cursor, call *ast.CallExpr, fn *types.Func) (sink, bool) {
	nc, ok := netreach.Classify(c.info, call)
	if !ok || nc.Stream {
		return sink{}, false
	}
	recv, _ := recvExpr(call)
	switch nc.Kind {
	case netreach.HTTP:
		if !match.IsMethod(fn, "net/http", "Client", "Do") || len(call.Args) != 1 || recv == nil || !c.clientUnbounded(body, recv) {
			return sink{}, false
		}
		return sink{req: call.Args[0], name: "(*http.Client).Do", kind: "http"}, true
	case netreach.SQL:
		// Conn takes a connection from the pool for the calls that
		// follow, which get the same context: one finding, at those.
		// Only database/sql for now: the other SQL libraries netreach
		// knows (pgx's pools are mostly opened at startup) are not
		// triaged on the corpus yet.
		if nc.Ctx < 0 || nc.Ctx >= len(call.Args) || nc.Op == "Conn" || fn.Pkg() == nil || fn.Pkg().Path() != "database/sql" {
			return sink{}, false
		}
		if recv != nil && c.inProcessDB(body, recv, 0) {
			return sink{}, false // no server to stall
		}
		return sink{ctx: call.Args[nc.Ctx], name: nc.Name(), kind: "sql"}, true
	case netreach.Dial:
		if !match.IsMethod(fn, "net", "Dialer", "DialContext") || len(call.Args) == 0 || recv == nil || !c.dialerUnbounded(body, recv) {
			return sink{}, false
		}
		return sink{ctx: call.Args[0], name: "(*net.Dialer).DialContext", kind: "dial"}, true
	case netreach.GRPC:
		if nc.Ctx < 0 || nc.Ctx >= len(call.Args) {
			return sink{}, false
		}
		method := nc.Op[strings.LastIndexAny(nc.Op, "/.")+1:]
		if isLongLived(method) || isLongLived(fn.Name()) || c.pluginStub(body) {
			return sink{}, false
		}
		name := "gRPC call"
		switch {
		case strings.HasPrefix(nc.Op, "/"):
			name = "gRPC call " + nc.Op
		case fn.Name() != "Invoke":
			name = "gRPC call " + methodName(fn)
		}
		return sink{ctx: call.Args[nc.Ctx], name: name, kind: "grpc"}, true
	}
	return sink{}, false
}

// goPluginPath is the import path of HashiCorp's plugin system.
const goPluginPath = "github.com/hashicorp/go-plugin"

// pluginStub reports whether body is a method of a hashicorp/go-plugin
// client stub, in a package that imports go-plugin: a type that mirrors
// a gRPC service's server methods and forwards them through the
// service's client (match.GRPCClientStub). Its calls go to the plugin
// process the program started on the same host, over the connection
// go-plugin gave it (CrowdSec's notifier plugins).
func (c *checker) pluginStub(body inspector.Cursor) bool {
	if !match.Imports(c.pass.Pkg, goPluginPath) {
		return false
	}
	fd, ok := body.Parent().Node().(*ast.FuncDecl)
	if !ok || fd.Recv == nil {
		return false
	}
	fn, ok := c.info.Defs[fd.Name].(*types.Func)
	if !ok {
		return false
	}
	if !c.grpcFound {
		c.grpc, c.grpcFound = match.GRPCServices(c.pass.Pkg), true
	}
	return match.GRPCClientStub(fn.Signature().Recv().Type(), c.grpc)
}

// recvExpr returns the receiver expression of a method call.
func recvExpr(call *ast.CallExpr) (ast.Expr, bool) {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil, false
	}
	return sel.X, true
}

// methodName names the method fn for messages: T.M, or M.
func methodName(fn *types.Func) string {
	if r := match.RecvName(fn); r != "" {
		return r + "." + fn.Name()
	}
	return fn.Name()
}

// clientUnbounded reports whether the http.Client recv visibly has no
// Timeout: http.DefaultClient, or a client made in view without one. A
// client from elsewhere may have a Timeout, which bounds the request
// whatever its context: left alone.
func (c *checker) clientUnbounded(body inspector.Cursor, recv ast.Expr) bool {
	if sel, ok := ast.Unparen(recv).(*ast.SelectorExpr); ok && match.IsPkgVar(c.info.Uses[sel.Sel], "net/http", "DefaultClient") {
		return true
	}
	return c.flow.Unset(body, recv, flow.Field{Name: "Timeout"}) && !c.transportBounded(body, recv)
}

// transportBounded reports whether every client recv can be is made in
// view with a Transport that bounds the wait for the response: an
// http.Transport made with a non-zero ResponseHeaderTimeout, directly
// or through the package's unexported fields and variables, every value
// of which is one (winrm's transport, built with a response-header
// timeout by a method of the package and kept in a field). A client with
// no Transport, one made without ResponseHeaderTimeout, one from a
// parameter, a call (a wrapper around http.DefaultTransport) or an
// exported field is not bounded by it.
func (c *checker) transportBounded(body inspector.Cursor, recv ast.Expr) bool {
	clients, ok := flow.Origins(c.info, body, recv)
	if !ok || len(clients) == 0 {
		return false
	}
	for _, cl := range clients {
		lit, ok := cl.(*ast.CompositeLit)
		if !ok || !match.IsType(c.info.TypeOf(lit), "net/http.Client") {
			return false
		}
		tr := match.LiteralValue(c.info, lit, "Transport")
		if tr == nil || !c.headerTimeout(body, tr, 0) {
			return false
		}
	}
	return true
}

// headerTimeout reports whether every value expr, at cur, can hold is an
// http.Transport literal with a non-zero ResponseHeaderTimeout.
func (c *checker) headerTimeout(cur inspector.Cursor, expr ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	origins, ok := flow.Origins(c.info, cur, expr)
	if !ok || len(origins) == 0 {
		return false
	}
	for _, o := range origins {
		if o, ok := o.(*ast.CompositeLit); ok {
			rht := match.LiteralValue(c.info, o, "ResponseHeaderTimeout")
			if !match.IsType(c.info.TypeOf(o), "net/http.Transport") || rht == nil || flow.IsZeroConst(c.info, rht) {
				return false
			}
			continue
		}
		v := match.VarOf(c.info, o)
		values, ok := c.flow.Writes().Values(v)
		if !ok || len(values) == 0 {
			return false // a parameter, an exported field, a call: out of view
		}
		for _, w := range values {
			if w.Value == nil || w.Index != 0 || !c.headerTimeout(w.Cursor, w.Value, depth+1) {
				return false
			}
		}
	}
	return true
}

// dialerUnbounded reports whether the net.Dialer recv visibly has
// neither Timeout nor Deadline.
func (c *checker) dialerUnbounded(body inspector.Cursor, recv ast.Expr) bool {
	return c.flow.Unset(body, recv, flow.Field{Name: "Timeout"}) && c.flow.Unset(body, recv, flow.Field{Name: "Deadline"})
}
