package timeout

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// A SharedClient is the fact that an exported package-level variable
// holds an http.Client with no Timeout made in its package, or that an
// exported function returns such a variable's client (tune:
// mongo-driver's httputil.DefaultHTTPClient and NewHTTPClient). Other
// packages send through it out of its package's view; each is judged
// where it uses the client: a request sent there with no context is
// reported there, naming the client's definition.
type SharedClient struct {
	Name string // the variable, qualified by its package's name
	Def  string // where the client is made: file:line
}

// AFact marks SharedClient as a fact.
func (*SharedClient) AFact() {}

func (f *SharedClient) String() string {
	return fmt.Sprintf("shared client %s made at %s", f.Name, f.Def)
}

// exportSharedClients exports the SharedClient facts of the package's
// exported variables that hold a client with no Timeout, made in their
// declaration, and of the exported functions and methods that return
// one. A client whose context-less send this package shows is reported
// at its definition, and gets no fact: one mistake, one finding.
func (c *checker) exportSharedClients() {
	shared := make(map[*types.Var]*SharedClient)
	for _, file := range c.pass.Files {
		for _, d := range file.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					v, ok := c.info.Defs[name].(*types.Var)
					if !ok || !c.noTimeoutClient(vs.Values[i]) {
						continue
					}
					ev := c.globalEvidence(v, 0)
					if ev.set || ev.contextless != "" {
						continue
					}
					pos := c.pass.Fset.Position(vs.Values[i].Pos())
					shared[v] = &SharedClient{Name: c.pass.Pkg.Name() + "." + v.Name(), Def: fmt.Sprintf("%s:%d", filepath.Base(pos.Filename), pos.Line)}
				}
			}
		}
	}
	if len(shared) == 0 {
		return
	}
	for v, f := range shared {
		if v.Exported() {
			c.pass.ExportObjectFact(v, f)
		}
	}
	for fn, decl := range match.FuncDecls(c.pass.Files, c.info) {
		if !fn.Exported() || decl.Body == nil || fn.Signature().Results().Len() != 1 {
			continue
		}
		body, ok := c.sites.Body(fn)
		if !ok {
			continue
		}
		var returned *types.Var
		every := true
		for rc := range body.Preorder((*ast.ReturnStmt)(nil), (*ast.FuncLit)(nil)) {
			ret, ok := rc.Node().(*ast.ReturnStmt)
			if !ok || len(ret.Results) != 1 {
				continue // a function literal's returns are its own
			}
			v := c.globalOf(body, ret.Results[0], 0)
			if v == nil || (returned != nil && v != returned) {
				every = false
				break
			}
			returned = v
		}
		if f, ok := shared[returned]; ok && every {
			c.pass.ExportObjectFact(fn, f)
		}
	}
}

// noTimeoutClient reports whether e makes an http.Client with no
// Timeout: a literal (or its address) that sets none, with a transport
// that may wait, or new(http.Client).
func (c *checker) noTimeoutClient(e ast.Expr) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		t := c.info.TypeOf(e)
		if !match.IsType(t, "net/http.Client") {
			return false
		}
		if set, _ := litField(c.info, e, t, "Timeout"); set || c.stubTransport(e, t) {
			return false
		}
		return true
	case *ast.CallExpr:
		return match.IsBuiltin(c.info, e, "new") && match.IsTypeOrPointer(c.info.TypeOf(e), "net/http.Client")
	}
	return false
}

// globalOf returns the package-level variable of this package that every
// value of e is, through local variables (`client := DefaultHTTPClient;
// ...; return client`), or nil.
func (c *checker) globalOf(body inspector.Cursor, e ast.Expr, depth int) *types.Var {
	if depth > 4 {
		return nil
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := c.info.Uses[id].(*types.Var)
	if !ok {
		return nil
	}
	if v.Parent() == c.pass.Pkg.Scope() {
		return v
	}
	defs, ok := flow.Defs(c.info, body, v)
	if !ok || len(defs) == 0 {
		return nil
	}
	var global *types.Var
	for _, d := range defs {
		if d.Expr == nil || d.Index != 0 {
			return nil
		}
		g := c.globalOf(body, d.Expr, depth+1)
		if g == nil || (global != nil && g != global) {
			return nil
		}
		global = g
	}
	return global
}

// sharedClient checks the use at cur of another package's shared client
// (an identifier naming the variable, or a call of a function that
// returns it): reported when it sends a request with no context there.
// An escape out of view is no evidence: the client's own package does
// not report it either.
func (c *checker) sharedClient(cur inspector.Cursor, f *SharedClient) {
	if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
		cur = cur.Parent() // pkg.Client
	}
	ev := c.valueEvidence(cur, 0)
	if ev.set || ev.contextless == "" {
		return
	}
	c.rep.Reportf(cur.Node(), "client", "%s (made at %s) has no Timeout and %s: %s; set its Timeout, or send every request with a context deadline", f.Name, f.Def, ev.contextless, msgHang)
}

// sharedUse returns the SharedClient fact of the object that the
// identifier at cur names or calls, an object of another package.
func (c *checker) sharedUse(cur inspector.Cursor, id *ast.Ident) (inspector.Cursor, *SharedClient, bool) {
	obj := c.info.Uses[id]
	if obj == nil || obj.Pkg() == nil || obj.Pkg() == c.pass.Pkg {
		return cur, nil, false
	}
	switch obj := obj.(type) {
	case *types.Var:
		if obj.IsField() || obj.Parent() != obj.Pkg().Scope() {
			return cur, nil, false
		}
	case *types.Func:
		obj = obj.Origin()
	default:
		return cur, nil, false
	}
	var f SharedClient
	if !c.pass.ImportObjectFact(obj, &f) {
		return cur, nil, false
	}
	if _, isFunc := obj.(*types.Func); isFunc {
		site := cur
		if site.ParentEdgeKind() == edge.SelectorExpr_Sel {
			site = site.Parent()
		}
		if site.ParentEdgeKind() != edge.CallExpr_Fun {
			return cur, nil, false // a function value: called out of view
		}
		return site.Parent(), &f, true
	}
	return cur, &f, true
}
