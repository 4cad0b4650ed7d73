package timeout

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/analysis"

	"github.com/distlint/distlint/internal/match"
)

// A wrapper is a struct type of the package that embeds an http.Server
// by value: its zero value serves with no read timeout unless a builder
// or setter sets one through the promoted fields.
type wrapper struct {
	field  *types.Var // the embedded http.Server
	set    bool       // something in the package sets ReadHeaderTimeout or ReadTimeout on it
	served bool       // something in the package serves with it
}

// wrapperOf returns what the package does with the wrapper type t, or
// nil if t is not a wrapper of this package. The package is read once
// per type.
func (c *checker) wrapperOf(t types.Type) *wrapper {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != c.pass.Pkg {
		return nil
	}
	if w, ok := c.wrappers[named]; ok {
		return w
	}
	c.wrappers[named] = nil
	st, ok := named.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var field *types.Var
	for f := range st.Fields() {
		if f.Embedded() && match.IsType(f.Type(), "net/http.Server") {
			field = f
		}
	}
	if field == nil {
		return nil
	}
	w := &wrapper{field: field}
	c.wrappers[named] = w
	isWrapper := func(e ast.Expr) bool {
		tt := c.info.TypeOf(e)
		if tt == nil {
			return false
		}
		if p, ok := tt.Underlying().(*types.Pointer); ok {
			tt = p.Elem()
		}
		return types.Identical(tt, named)
	}
	for cur := range c.root.Preorder((*ast.SelectorExpr)(nil)) {
		sel := cur.Node().(*ast.SelectorExpr)
		switch sel.Sel.Name {
		case "ReadHeaderTimeout", "ReadTimeout":
			// x.ReadTimeout (promoted) or x.Server.ReadTimeout.
			inner, isSel := ast.Unparen(sel.X).(*ast.SelectorExpr)
			if isWrapper(sel.X) || (isSel && c.info.Uses[inner.Sel] == field) {
				w.set = true
			}
		case "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS":
			inner, isSel := ast.Unparen(sel.X).(*ast.SelectorExpr)
			if isWrapper(sel.X) || (isSel && c.info.Uses[inner.Sel] == field) {
				w.served = true
			}
		}
	}
	return w
}

// embeddedServer checks a value of a wrapper type made at rng by a
// literal (lit, nil for new or a zero value) that does not give the
// embedded http.Server a value: when the package serves with the
// wrapper and nothing sets a read timeout on it, the server has none.
func (c *checker) embeddedServer(rng analysis.Range, t types.Type, lit *ast.CompositeLit) {
	w := c.wrapperOf(t)
	if w == nil || w.set || !w.served {
		return
	}
	if lit != nil {
		if len(lit.Elts) > 0 {
			if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); !keyed {
				return // positional: the server is given
			}
		}
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok && c.info.Uses[key] == w.field {
					return // the embedded server's own literal is checked as one
				}
			}
		}
	}
	c.rep.Reportf(rng, "server", "%s embeds an http.Server that has neither ReadHeaderTimeout nor ReadTimeout, and nothing in the package sets one: %s; set ReadHeaderTimeout (for example 10 * time.Second) where the %s is built", types.TypeString(t, types.RelativeTo(c.pass.Pkg)), msgSlow, types.TypeString(t, types.RelativeTo(c.pass.Pkg)))
}
