package ctxdeadline

import (
	"go/ast"
	"go/token"
	"go/types"
)

// fieldOrigins knows where the contexts stored in the package's struct
// fields come from: a context kept in a field at construction
// (`&Client{ctx: context.Background()}`) and used later for network calls
// has the origin of every value stored there.
type fieldOrigins struct {
	pkg   *types.Package
	info  *types.Info
	files []*ast.File
	// stores are the values given to each field, with the function
	// declaration that gives them; made on first use.
	stores map[*types.Var][]fieldStore
	memo   map[*types.Var]origin
}

type fieldStore struct {
	decl  *ast.FuncDecl // nil: a package-level initializer
	value ast.Expr
}

// origin returns the origin of the context read from field f: the join
// of the origins of every value stored in it. A field that other
// packages may set (exported, of an exported type), a value from a
// parameter, or a field never given a value here is unknown.
func (fo *fieldOrigins) origin(f *types.Var) origin {
	if o, ok := fo.memo[f]; ok {
		return o
	}
	fo.memo[f] = unknown // a cycle (a field stored from itself) adds nothing
	o := fo.compute(f)
	fo.memo[f] = o
	return o
}

func (fo *fieldOrigins) compute(f *types.Var) origin {
	if f.Pkg() != fo.pkg || f.Exported() {
		return unknown
	}
	if fo.stores == nil {
		fo.collect()
	}
	stores := fo.stores[f]
	if len(stores) == 0 {
		return unknown
	}
	o := none
	for _, st := range stores {
		if st.decl == nil {
			return unknown
		}
		so := newFuncScope(fo.info, st.decl)
		so.fields = fo
		v := so.contextOrigin(st.value)
		if v.param >= 0 {
			return unknown // the constructor's caller decides
		}
		if v.derived {
			// A context derived with WithCancel and kept with its
			// cancel is a service's lifetime, cancelled at shutdown,
			// not a call's (tune: centrifugo's brokers keep cancelCtx).
			return unknown
		}
		o = join(o, v)
		if o.unknown {
			return o
		}
	}
	o.field = f.Name()
	return o
}

// collect records every value stored in a context field of the
// package: keyed struct literals and assignments to a selector.
func (fo *fieldOrigins) collect() {
	fo.stores = make(map[*types.Var][]fieldStore)
	add := func(decl *ast.FuncDecl, key *ast.Ident, value ast.Expr) {
		f, ok := fo.info.ObjectOf(key).(*types.Var)
		if ok && f.IsField() && isContext(f.Type()) {
			fo.stores[f] = append(fo.stores[f], fieldStore{decl: decl, value: value})
		}
	}
	for _, file := range fo.files {
		for _, d := range file.Decls {
			decl, _ := d.(*ast.FuncDecl)
			ast.Inspect(d, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CompositeLit:
					for _, elt := range n.Elts {
						kv, ok := elt.(*ast.KeyValueExpr)
						if !ok {
							continue
						}
						if key, ok := kv.Key.(*ast.Ident); ok {
							add(decl, key, kv.Value)
						}
					}
				case *ast.AssignStmt:
					for i, lhs := range n.Lhs {
						sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
						if !ok {
							continue
						}
						if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
							add(nil, sel.Sel, nil) // a value out of view
							continue
						}
						add(decl, sel.Sel, n.Rhs[i])
					}
				case *ast.UnaryExpr:
					// &s.ctx: the field may be set through the pointer.
					if sel, ok := ast.Unparen(n.X).(*ast.SelectorExpr); ok && n.Op == token.AND {
						add(nil, sel.Sel, nil)
					}
				}
				return true
			})
		}
	}
}
