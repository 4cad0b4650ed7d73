package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// Sites is where the struct values an expression may hold are made: the
// positions of their composite literals and new calls. The zero Sites
// holds no value (nil); All is set when some value may be made where it
// cannot be seen, and then nothing can be told apart.
type Sites struct {
	All bool
	at  map[token.Pos]bool
}

// AllSites is the Sites of a value whose origin cannot be seen.
var AllSites = Sites{All: true}

// SiteAt returns the Sites of a value made at pos only.
func SiteAt(pos token.Pos) Sites {
	return Sites{at: map[token.Pos]bool{pos: true}}
}

// Add adds the sites of o to s.
func (s *Sites) Add(o Sites) {
	if s.All || o.All {
		s.All, s.at = true, nil
		return
	}
	for p := range o.at {
		if s.at == nil {
			s.at = make(map[token.Pos]bool)
		}
		s.at[p] = true
	}
}

// Meets reports whether s and o may hold the same value: either cannot
// be seen whole, or they share a site.
func (s Sites) Meets(o Sites) bool {
	if s.All || o.All {
		return true
	}
	for p := range s.at {
		if o.at[p] {
			return true
		}
	}
	return false
}

// Positions returns the sites in order (none when All is set).
func (s Sites) Positions() []token.Pos {
	return slices.Sorted(maps.Keys(s.at))
}

// maxSites bounds how many variables, results, fields and callers an
// origin is followed through.
const maxSites = 12

// A SiteFinder follows the struct values of one package to where they
// are made (SiteFinder.Of): through local variables, the results of the
// package's functions, the package's unexported fields (every value the
// package gives one) and the receivers of its unexported methods (the
// values each call is made on). An origin it cannot see (a parameter, a
// global, another package's function, an exported field or method, a
// method an interface may call) makes the answer All. It reads only
// the syntax of the package it is given, indexing its declarations on
// the first question; it is not safe for concurrent use.
type SiteFinder struct {
	pkg  *types.Package
	info *types.Info
	root inspector.Cursor // the package's files
	// decls are the package's function declarations; recvs the named
	// receivers of those with a body
	decls map[*types.Func]inspector.Cursor
	recvs map[*types.Var]*types.Func
	// visiting are the methods whose callers are being followed
	visiting map[*types.Func]bool
	// ifaceMethods caches interfaceHas
	ifaceMethods map[string]bool
	// writes are the values the package gives its fields
	writes *Writes
}

// NewSiteFinder returns a SiteFinder for the package whose writes are
// indexed by writes (Engine.Writes, or NewWrites).
func NewSiteFinder(writes *Writes) *SiteFinder {
	return &SiteFinder{pkg: writes.pkg, info: writes.info, root: writes.root, writes: writes}
}

// Of returns where the struct values that e, in the function body, may
// hold are made.
func (f *SiteFinder) Of(body inspector.Cursor, e ast.Expr) Sites {
	return f.exprSites(body, e, 0)
}

// Decl returns the cursor of the declaration of fn, a function of the
// package.
func (f *SiteFinder) Decl(fn *types.Func) (inspector.Cursor, bool) {
	f.indexDecls()
	cur, ok := f.decls[fn]
	return cur, ok
}

// Body returns the cursor of the body of fn, a function of the package
// declared with one.
func (f *SiteFinder) Body(fn *types.Func) (inspector.Cursor, bool) {
	decl, ok := f.Decl(fn)
	if !ok || decl.Node().(*ast.FuncDecl).Body == nil {
		return inspector.Cursor{}, false
	}
	return decl.ChildAt(edge.FuncDecl_Body, -1), true
}

// Getter reports whether method fn, of the package, returns its
// receiver's field fld, and only that (`func (w *writer) client()
// *http.Client { return w.c }`).
func (f *SiteFinder) Getter(fn *types.Func, fld *types.Var) bool {
	decl, ok := f.Decl(fn.Origin())
	if !ok {
		return false
	}
	fd := decl.Node().(*ast.FuncDecl)
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || fd.Body == nil {
		return false
	}
	recv := f.info.Defs[fd.Recv.List[0].Names[0]]
	returns, only := 0, true
	decl.ChildAt(edge.FuncDecl_Body, -1).Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(cur inspector.Cursor) bool {
		ret, ok := cur.Node().(*ast.ReturnStmt)
		if !ok {
			return false // a function literal's returns are its own
		}
		returns++
		if len(ret.Results) != 1 || match.SelectedField(f.info, ret.Results[0]) != fld {
			only = false
			return false
		}
		id, ok := ast.Unparen(ast.Unparen(ret.Results[0]).(*ast.SelectorExpr).X).(*ast.Ident)
		only = only && ok && f.info.Uses[id] == recv
		return false
	})
	return returns > 0 && only
}

// exprSites returns where the struct values that e (in body) may hold
// are made.
func (f *SiteFinder) exprSites(body inspector.Cursor, e ast.Expr, depth int) Sites {
	if depth > maxSites {
		return AllSites
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return SiteAt(e.Pos())
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return f.exprSites(body, e.X, depth+1)
		}
	case *ast.StarExpr:
		return f.exprSites(body, e.X, depth+1)
	case *ast.CallExpr:
		if match.IsBuiltin(f.info, e, "new") {
			return SiteAt(e.Pos())
		}
		return f.resultSites(e, 0, depth+1)
	case *ast.SelectorExpr:
		s, ok := f.info.Selections[e]
		if !ok || s.Kind() != types.FieldVal {
			return AllSites
		}
		return f.fieldSites(s.Obj().(*types.Var).Origin(), depth+1)
	case *ast.Ident:
		return f.varSites(body, e, depth)
	}
	return AllSites
}

// varSites is exprSites of a variable: a method's receiver is made
// where the method is called on it; a local variable where the values
// it is given are.
func (f *SiteFinder) varSites(body inspector.Cursor, id *ast.Ident, depth int) Sites {
	obj := f.info.Uses[id]
	if _, isNil := obj.(*types.Nil); isNil {
		return Sites{}
	}
	v, ok := obj.(*types.Var)
	if !ok {
		return AllSites
	}
	if m, ok := f.receiverOf(v); ok {
		decl, _ := f.Decl(m)
		body := decl.ChildAt(edge.FuncDecl_Body, -1)
		if defs, ok := Assigned(f.info, body, v); !ok || len(defs) > 0 || f.storedThrough(body, v) {
			return AllSites // the receiver is given another value
		}
		return f.methodSites(m, depth+1)
	}
	defs, ok := Defs(f.info, body, v)
	if !ok || f.storedThrough(body, v) {
		return AllSites // a parameter, a global, a captured variable
	}
	var sites Sites
	for _, d := range defs {
		switch call, isCall := ast.Unparen(d.Expr).(*ast.CallExpr); {
		case d.Expr == nil:
			return AllSites // a zero value declared: made there, not followed
		case d.Index != 0 && isCall:
			sites.Add(f.resultSites(call, d.Index, depth+1))
		case d.Index != 0:
			return AllSites
		default:
			sites.Add(f.exprSites(body, d.Expr, depth+1))
		}
		if sites.All {
			break
		}
	}
	return sites
}

// resultSites returns where the struct values that result i of the call
// may hold are made: what the function of this package returns.
func (f *SiteFinder) resultSites(call *ast.CallExpr, i, depth int) Sites {
	fn := match.Callee(f.info, call)
	if fn == nil || fn.Pkg() != f.pkg {
		return AllSites
	}
	body, ok := f.Body(fn.Origin())
	if !ok {
		return AllSites
	}
	n := fn.Signature().Results().Len()
	var sites Sites
	body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(cur inspector.Cursor) bool {
		ret, ok := cur.Node().(*ast.ReturnStmt)
		if !ok || sites.All {
			return false
		}
		switch {
		case i >= n:
			sites = AllSites
		case len(ret.Results) == n:
			sites.Add(f.exprSites(body, ret.Results[i], depth+1))
		case len(ret.Results) == 1:
			// Another call's results (`return setupWriterWithServer(s, repo)`).
			inner, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !ok {
				sites = AllSites
				return false
			}
			sites.Add(f.resultSites(inner, i, depth+1))
		default:
			sites = AllSites // a bare return
		}
		return false
	})
	return sites
}

// fieldSites returns where the struct values kept in field fld may be
// made: every value the package gives an unexported field of its own.
func (f *SiteFinder) fieldSites(fld *types.Var, depth int) Sites {
	writes, ok := f.writes.Values(fld)
	if !ok || depth > maxSites {
		return AllSites // written out of view
	}
	var sites Sites
	for _, w := range writes {
		body, ok := EnclosingFunc(w.Cursor)
		if !ok {
			return AllSites // a package-level literal
		}
		call, isCall := ast.Unparen(w.Value).(*ast.CallExpr)
		if _, multi := f.info.TypeOf(w.Value).(*types.Tuple); multi && !isCall {
			return AllSites // v, ok = m[k] and the like
		}
		if isCall && w.Index > 0 {
			sites.Add(f.resultSites(call, w.Index, depth+1))
		} else {
			sites.Add(f.exprSites(body, w.Value, depth+1))
		}
		if sites.All {
			break
		}
	}
	return sites
}

// methodSites returns where the values that method m of the package may
// be called on are made: the receivers of its calls in the package. An
// exported method, or one an interface of the package may call, or one
// used as a value, or called from nowhere in the package, may be called
// on anything.
func (f *SiteFinder) methodSites(m *types.Func, depth int) Sites {
	if m.Exported() || depth > maxSites || f.interfaceHas(m.Name()) {
		return AllSites
	}
	if f.visiting[m] {
		return Sites{} // its callers are already being followed
	}
	if f.visiting == nil {
		f.visiting = make(map[*types.Func]bool)
	}
	f.visiting[m] = true
	defer delete(f.visiting, m)
	var sites Sites
	calls := 0
	for cur := range f.root.Preorder((*ast.Ident)(nil)) {
		fn, ok := f.info.Uses[cur.Node().(*ast.Ident)].(*types.Func)
		if !ok || fn.Origin() != m {
			continue
		}
		calls++
		if cur.ParentEdgeKind() != edge.SelectorExpr_Sel {
			return AllSites
		}
		sel := cur.Parent().Node().(*ast.SelectorExpr)
		s, ok := f.info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal || len(s.Index()) != 1 || match.OuterParens(cur.Parent()).ParentEdgeKind() != edge.CallExpr_Fun {
			return AllSites // a method value or expression, or promoted
		}
		body, ok := EnclosingFunc(cur)
		if !ok {
			return AllSites
		}
		if sites.Add(f.exprSites(body, sel.X, depth+1)); sites.All {
			break
		}
	}
	if calls == 0 {
		return AllSites // called from nowhere in view
	}
	return sites
}

// interfaceHas reports whether an interface of the package has a method
// named name (an unexported method can be called through one).
func (f *SiteFinder) interfaceHas(name string) bool {
	if has, ok := f.ifaceMethods[name]; ok {
		return has
	}
	has := false
	for _, obj := range f.info.Defs {
		if fn, ok := obj.(*types.Func); ok && fn.Name() == name {
			if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
				has = true
				break
			}
		}
	}
	if f.ifaceMethods == nil {
		f.ifaceMethods = make(map[string]bool)
	}
	f.ifaceMethods[name] = has
	return has
}

// receiverOf returns the method whose receiver v is.
func (f *SiteFinder) receiverOf(v *types.Var) (*types.Func, bool) {
	f.indexDecls()
	m, ok := f.recvs[v]
	return m, ok
}

func (f *SiteFinder) indexDecls() {
	if f.decls != nil {
		return
	}
	f.decls = make(map[*types.Func]inspector.Cursor)
	f.recvs = make(map[*types.Var]*types.Func)
	for cur := range f.root.Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		fn, ok := f.info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		f.decls[fn] = cur
		if fd.Body != nil && fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
			if v, ok := f.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var); ok {
				f.recvs[v] = fn
			}
		}
	}
}

// storedThrough reports whether a value is stored through the pointer v
// in body (`*v = *other`): v then holds a copy of a value made elsewhere.
func (f *SiteFinder) storedThrough(body inspector.Cursor, v *types.Var) bool {
	for cur := range body.Preorder((*ast.StarExpr)(nil)) {
		if cur.ParentEdgeKind() != edge.AssignStmt_Lhs {
			continue
		}
		if id, ok := ast.Unparen(cur.Node().(*ast.StarExpr).X).(*ast.Ident); ok && f.info.Uses[id] == v {
			return true
		}
	}
	return false
}
