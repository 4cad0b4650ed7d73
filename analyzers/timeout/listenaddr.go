package timeout

import (
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ast/edge"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// An addrKey names the location an address expression reads, the same
// wherever in the package it is read: a package-level variable or a
// constant (obj), or a chain of fields read from a variable of a named
// type (root and fields: config.HTTP.Addr in any function with a
// *serverconfig.Config).
type addrKey struct {
	obj    types.Object
	root   string
	fields string
}

// addrKeyOf returns the key of the location addr reads, if it has one.
// A local variable or parameter read whole has none: it may hold any
// address (ownListener follows local variables to their values).
func (c *checker) addrKeyOf(addr ast.Expr) (addrKey, bool) {
	addr = ast.Unparen(addr)
	var id *ast.Ident
	switch e := addr.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		if _, qualified := c.info.Uses[identOf(e.X)].(*types.PkgName); qualified {
			id = e.Sel
		}
	}
	if id != nil {
		switch obj := c.info.Uses[id].(type) {
		case *types.Const:
			return addrKey{obj: obj}, true
		case *types.Var:
			if obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
				return addrKey{obj: obj}, true
			}
		}
		return addrKey{}, false
	}
	path, ok := flow.PathOf(c.info, addr)
	if !ok || len(path.Fields) == 0 {
		return addrKey{}, false
	}
	var fields []string
	for _, f := range path.Fields {
		fields = append(fields, strconv.Itoa(int(f.Origin().Pos())))
	}
	key := addrKey{fields: strings.Join(fields, ".")}
	if path.Root.Pkg() != nil && path.Root.Parent() == path.Root.Pkg().Scope() {
		key.obj = path.Root
		return key, true
	}
	t := types.Unalias(path.Root.Type())
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	named, ok := t.(*types.Named)
	if !ok {
		return addrKey{}, false
	}
	key.root = types.TypeString(named.Origin(), nil)
	return key, true
}

func identOf(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// listened reports whether addr reads a location that the package
// uses as the address of a listener it opens: an argument of
// net.Listen, tls.Listen, (*net.ListenConfig).Listen,
// http.ListenAndServe(TLS), or an http.Server's Addr (openfga: one
// method serves config.HTTP.Addr, another dials it). A dial to it
// reaches this process, which accepts or refuses at once.
func (c *checker) listened(addr ast.Expr) bool {
	key, ok := c.addrKeyOf(addr)
	if !ok {
		return false
	}
	if c.listenAddrs == nil {
		c.listenAddrs = c.findListenAddrs()
	}
	return c.listenAddrs[key]
}

// findListenAddrs collects the keys of the package's listen addresses.
func (c *checker) findListenAddrs() map[addrKey]bool {
	keys := make(map[addrKey]bool)
	add := func(e ast.Expr) {
		if k, ok := c.addrKeyOf(e); ok {
			keys[k] = true
		}
	}
	for cur := range c.root.Preorder((*ast.CallExpr)(nil), (*ast.KeyValueExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.CallExpr:
			fn := match.Callee(c.info, n)
			switch {
			case (match.IsFunc(fn, "net", "Listen") || match.IsFunc(fn, "crypto/tls", "Listen")) && len(n.Args) >= 2:
				add(n.Args[1])
			case match.IsMethod(fn, "net", "ListenConfig", "Listen") && len(n.Args) == 3:
				add(n.Args[2])
			case match.IsFunc(fn, netHTTP, "ListenAndServe", "ListenAndServeTLS") && len(n.Args) >= 1:
				add(n.Args[0])
			}
		case *ast.KeyValueExpr:
			if cur.ParentEdgeKind() == edge.CompositeLit_Elts && c.serverAddr(c.info.TypeOf(cur.Parent().Node().(ast.Expr)), n.Key) {
				add(n.Value)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) != len(n.Rhs) {
				continue
			}
			for i, lhs := range n.Lhs {
				if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && c.serverAddr(c.info.TypeOf(sel.X), sel.Sel) {
					add(n.Rhs[i])
				}
			}
		}
	}
	return keys
}

// serverAddr reports whether key names the Addr field of a value of
// type t, an http.Server.
func (c *checker) serverAddr(t types.Type, key ast.Expr) bool {
	id, ok := key.(*ast.Ident)
	return ok && id.Name == "Addr" && match.IsTypeOrPointer(t, netHTTP+".Server")
}
