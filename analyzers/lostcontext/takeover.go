package lostcontext

import (
	"go/ast"
	"go/token"
	"path"
	"strings"

	"github.com/distlint/distlint/internal/match"
)

// A handler that has taken over its connection (Hijack, or a WebSocket
// upgrade that takes the ResponseWriter and the request) is no longer
// serving an HTTP request: net/http cancels the request's context only
// when the handler returns, and the client's hanging up no longer
// reaches it, so the context has no deadline and no disconnect signal
// left to lose. A fresh context made after the take-over, for the life
// of the connection, loses nothing (services13: croc's webrelay, which
// closes a WebSocket-to-TCP tunnel with it).

// takenOver reports whether the function of s takes over the request's
// connection before pos in a block that holds pos: a take-over call
// (see takeover) that ends before pos, whose innermost enclosing block
// (or case) contains pos, so that it runs on every path to pos. A
// take-over in another branch, or after pos, does not count.
func (c *checker) takenOver(s scope, pos token.Pos) bool {
	for cc := range s.body.Preorder((*ast.CallExpr)(nil)) {
		call := cc.Node().(*ast.CallExpr)
		if call.End() > pos || !c.takeover(call) {
			continue
		}
		for anc := range cc.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
			n := anc.Node()
			if n.Pos() <= pos && pos < n.End() {
				return true
			}
			break
		}
	}
	return false
}

// websocketPackages are the import paths of WebSocket libraries whose
// Accept or Upgrade takes a handler's connection over.
var websocketPackages = map[string]bool{
	"github.com/coder/websocket":    true,
	"nhooyr.io/websocket":           true,
	"github.com/gorilla/websocket":  true,
	"github.com/fasthttp/websocket": true,
	"github.com/gobwas/ws":          true,
	"golang.org/x/net/websocket":    true,
}

// takeover reports whether call takes over the connection of an HTTP
// handler: a Hijack method with http.Hijacker's results (net.Conn,
// *bufio.ReadWriter, error), which covers http.Hijacker,
// http.ResponseController and the writers of web frameworks; or an
// Accept, Upgrade or UpgradeHTTP of a WebSocket library (a package
// listed above, or whose last path element names a WebSocket) that
// takes an http.ResponseWriter and an *http.Request; or golang.org/x/net/
// websocket's Handler or Server serving the request.
func (c *checker) takeover(call *ast.CallExpr) bool {
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	sig := fn.Signature()
	if fn.Name() == "Hijack" && sig.Recv() != nil {
		res := sig.Results()
		return res.Len() == 3 &&
			match.IsTypeOrPointer(res.At(0).Type(), "net.Conn") &&
			match.IsTypeOrPointer(res.At(1).Type(), "bufio.ReadWriter") &&
			match.IsError(res.At(2).Type())
	}
	pkg := fn.Pkg().Path()
	last := strings.ToLower(path.Base(pkg))
	if !websocketPackages[pkg] && !strings.Contains(last, "websocket") {
		return false
	}
	switch fn.Name() {
	case "Accept", "Upgrade", "UpgradeHTTP", "ServeHTTP":
	default:
		return false
	}
	var writer, request bool
	for v := range sig.Params().Variables() {
		t := v.Type()
		writer = writer || match.IsType(t, "net/http.ResponseWriter")
		request = request || (match.IsPointer(t) && match.IsTypeOrPointer(t, "net/http.Request"))
	}
	return writer && request
}
