package timeout

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// unixListener reports whether the listener expression e, at cur, is
// visibly a Unix-domain socket: every value it can hold, followed
// through local variables and the package's unexported fields, is
// opened by net.Listen, net.ListenUnix or (*net.ListenConfig).Listen
// with the constant network "unix" or "unixpacket". No remote client
// can reach such a server, so slow clients are not a threat to it
// (tune corpus: smokescreen's stats socket). A listener out of view is
// not one.
func (c *checker) unixListener(cur inspector.Cursor, e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	origins, ok := flow.Origins(c.info, cur, e)
	if !ok || len(origins) == 0 {
		return false
	}
	for _, o := range origins {
		if !c.unixOrigin(o, depth) {
			return false
		}
	}
	return true
}

func (c *checker) unixOrigin(o ast.Expr, depth int) bool {
	switch o := o.(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, o)
		switch {
		case match.IsFunc(fn, "net", "Listen", "ListenUnix"):
			return len(o.Args) > 0 && isUnix(c.info, o.Args[0])
		case match.IsMethod(fn, "net", "ListenConfig", "Listen"):
			return len(o.Args) > 1 && isUnix(c.info, o.Args[1])
		}
	case *ast.SelectorExpr:
		if fld, ok := c.info.Uses[o.Sel].(*types.Var); ok && fld.IsField() {
			return c.unixField(fld, depth+1)
		}
	}
	return false
}

// unixField reports whether the unexported field fld of a package
// struct is given a value somewhere in the package, and every value it
// is given (`ln, err = net.Listen(...)` included, see flow.Writes) is a
// Unix-domain listener.
func (c *checker) unixField(fld *types.Var, depth int) bool {
	writes, ok := c.flow.Writes().Values(fld)
	if !ok || len(writes) == 0 {
		return false
	}
	for _, w := range writes {
		if w.Value == nil || w.Index != 0 || !c.unixListener(w.Cursor, w.Value, depth) {
			return false
		}
	}
	return true
}

// isUnix reports whether network is the constant "unix" or "unixpacket".
func isUnix(info *types.Info, network ast.Expr) bool {
	tv, ok := info.Types[network]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return false
	}
	switch constant.StringVal(tv.Value) {
	case "unix", "unixpacket":
		return true
	}
	return false
}

// fieldTimeoutSet reports whether the server made at cur is stored in
// an unexported field of a package struct that the package gives one of
// fields anywhere (`s.srv.ReadHeaderTimeout = s.ReadHeaderTimeout` in
// its Serve method): the server is served with it (tune corpus: litefs's
// ProxyServer). A field nothing assigns a timeout stays reported.
func (c *checker) fieldTimeoutSet(cur inspector.Cursor, fields ...string) bool {
	path, ok := c.target(cur)
	if !ok || len(path.Fields) == 0 {
		return false
	}
	fld := path.Fields[len(path.Fields)-1]
	if fld.Exported() || fld.Pkg() != c.pass.Pkg {
		return false
	}
	for ac := range c.root.Preorder((*ast.AssignStmt)(nil)) {
		as := ac.Node().(*ast.AssignStmt)
		for i, lhs := range as.Lhs {
			sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
			if !ok || !slices.Contains(fields, sel.Sel.Name) {
				continue
			}
			owner, ok := flow.PathOf(c.info, sel.X)
			if !ok || len(owner.Fields) == 0 || owner.Fields[len(owner.Fields)-1] != fld {
				continue
			}
			if len(as.Lhs) == len(as.Rhs) && flow.IsZeroConst(c.info, as.Rhs[i]) {
				continue
			}
			return true
		}
	}
	return false
}

// servedOnUnix reports whether the http.Server literal at cur is kept in
// a variable or an unexported field of this package that the package
// serves, and only ever serves, on Unix-domain listeners: every
// Serve, ServeTLS, ListenAndServe or ListenAndServeTLS call on it is a
// Serve or ServeTLS of a listener unixListener accepts, and there is at
// least one (tune: smokescreen's stats socket; held-out round 12: the
// Buildkite agent's job API, whose constructor builds the server and
// whose Start serves it on net.Listen("unix", path)). No remote client
// can reach it.
func (c *checker) servedOnUnix(cur inspector.Cursor) bool {
	held := match.StoredIn(c.info, cur)
	if held == nil || held.Exported() {
		return false
	}
	served := 0
	for call := range c.root.Preorder((*ast.CallExpr)(nil)) {
		n := call.Node().(*ast.CallExpr)
		fn := match.Callee(c.info, n)
		if !match.IsMethod(fn, netHTTP, "Server", "Serve", "ServeTLS", "ListenAndServe", "ListenAndServeTLS") {
			continue
		}
		sel, ok := ast.Unparen(n.Fun).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if match.VarOf(c.info, sel.X) != held {
			continue
		}
		if fn.Name() != "Serve" && fn.Name() != "ServeTLS" || len(n.Args) == 0 || !c.unixListener(call, n.Args[0], 0) {
			return false
		}
		served++
	}
	return served > 0
}
