package timeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// A request sent with no context through a struct's client field, in a
// method, is evidence against the clients kept in the values that
// method can be called on, not against every client the field is given
// (services8: go-containerregistry's remote.writer, whose cancelUpload
// sends a Delete from http.NewRequest only on the writer
// CheckPushPermission builds; the writers makeWriter builds send every
// request with a context). Where a value can come from is followed
// through local variables, function results, unexported fields and the
// callers of unexported methods; where that cannot be seen (a
// parameter, an exported method, an interface), every client the field
// is given is judged by the send, as before.

// instances is where the struct values an expression may hold are made:
// the positions of their composite literals or new calls, or all when
// some origin cannot be seen.
type instances struct {
	at  map[token.Pos]bool
	all bool
}

var anyInstance = instances{all: true}

func oneInstance(pos token.Pos) instances {
	return instances{at: map[token.Pos]bool{pos: true}}
}

func (s *instances) add(o instances) {
	if s.all || o.all {
		s.all, s.at = true, nil
		return
	}
	for p := range o.at {
		if s.at == nil {
			s.at = make(map[token.Pos]bool)
		}
		s.at[p] = true
	}
}

// meets reports whether s and o may hold the same value.
func (s instances) meets(o instances) bool {
	if s.all || o.all {
		return true
	}
	for p := range s.at {
		if o.at[p] {
			return true
		}
	}
	return false
}

// maxOrigin bounds how many variables, results, fields and callers an
// origin is followed through.
const maxOrigin = 12

// A keeper is the struct value that the client being judged is kept in:
// the field, and (computed on the first send through that field) where
// the value is made.
type keeper struct {
	cur   inspector.Cursor // the struct literal, or the client expression assigned
	lit   bool             // cur is the struct literal
	field *types.Var       // the generic origin of the field
	made  *instances
}

// keep makes the struct value that the client expression at cur is
// stored into (a field of a literal, or `x.f = client`) the keeper of
// the walk, unless the walk has one already; the returned function
// restores the walk's keeper.
func (c *checker) keep(cur inspector.Cursor) func() {
	if c.keeper != nil {
		if k := c.keeperOf(cur); k != nil && k.field == c.keeper.field {
			// The client goes from one value's field to another's
			// (`w2.client = w.getClient()`): which values it is kept in
			// is not followed.
			return c.unkept()
		}
		return func() {}
	}
	k := c.keeperOf(cur)
	if k == nil {
		return func() {}
	}
	c.keeper = k
	return func() { c.keeper = nil }
}

// keeperOf returns the keeper of the client expression at cur: the
// struct literal or the field assignment it is stored by.
func (c *checker) keeperOf(cur inspector.Cursor) *keeper {
	cur = outerParens(cur)
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		cur = outerParens(cur.Parent())
	}
	switch p := cur.Parent().Node().(type) {
	case *ast.CompositeLit, *ast.KeyValueExpr:
		f, ok := c.literalField(cur)
		if !ok {
			return nil
		}
		lit := cur.Parent()
		if _, isKV := p.(*ast.KeyValueExpr); isKV {
			lit = lit.Parent()
		}
		return &keeper{cur: lit, lit: true, field: f.Origin()}
	case *ast.AssignStmt:
		if cur.ParentEdgeKind() != edge.AssignStmt_Rhs || len(p.Lhs) != len(p.Rhs) {
			return nil
		}
		lhs, ok := ast.Unparen(p.Lhs[cur.ParentEdgeIndex()]).(*ast.SelectorExpr)
		if !ok {
			return nil
		}
		s, ok := c.info.Selections[lhs]
		if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
			return nil
		}
		return &keeper{cur: cur, field: s.Obj().(*types.Var).Origin()}
	}
	return nil
}

// instancesOf returns where the value of k is made.
func (c *checker) instancesOf(k *keeper) instances {
	if k.made != nil {
		return *k.made
	}
	made := anyInstance
	if k.lit {
		made = oneInstance(k.cur.Node().Pos())
	} else if as, ok := k.cur.Parent().Node().(*ast.AssignStmt); ok {
		lhs := ast.Unparen(as.Lhs[k.cur.ParentEdgeIndex()]).(*ast.SelectorExpr)
		if body, ok := flow.EnclosingFunc(k.cur); ok {
			made = c.exprMade(body, lhs.X, 0)
		}
	}
	k.made = &made
	return made
}

// otherInstance reports whether the client expression at cur, through
// which a request with no context is sent, is the keeper's field of a
// value that cannot be the keeper's: `x.f` or a getter `x.client()` that
// returns it, where x is made only where the keeper's value is not.
func (c *checker) otherInstance(cur inspector.Cursor) bool {
	k := c.keeper
	if k == nil {
		return false
	}
	var x ast.Expr
	switch e := ast.Unparen(cur.Node().(ast.Expr)).(type) {
	case *ast.SelectorExpr:
		s, ok := c.info.Selections[e]
		if !ok || s.Kind() != types.FieldVal || len(s.Index()) != 1 || s.Obj().(*types.Var).Origin() != k.field {
			return false
		}
		x = e.X
	case *ast.CallExpr:
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return false
		}
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal || len(s.Index()) != 1 || !c.getter(s.Obj().(*types.Func), k.field) {
			return false
		}
		x = sel.X
	default:
		return false
	}
	mine := c.instancesOf(k)
	if mine.all {
		return false
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	return !c.exprMade(body, x, 0).meets(mine)
}

// getter reports whether method fn returns its receiver's field f, and
// only that.
func (c *checker) getter(fn *types.Func, f *types.Var) bool {
	decl, ok := c.declOf(fn.Origin())
	if !ok {
		return false
	}
	fd := decl.Node().(*ast.FuncDecl)
	if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 || fd.Body == nil {
		return false
	}
	recv := c.info.Defs[fd.Recv.List[0].Names[0]]
	returns, only := 0, true
	decl.ChildAt(edge.FuncDecl_Body, -1).Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(cur inspector.Cursor) bool {
		ret, ok := cur.Node().(*ast.ReturnStmt)
		if !ok {
			return false // a function literal's returns are its own
		}
		returns++
		if len(ret.Results) != 1 || match.SelectedField(c.info, ret.Results[0]) != f {
			only = false
			return false
		}
		id, ok := ast.Unparen(ast.Unparen(ret.Results[0]).(*ast.SelectorExpr).X).(*ast.Ident)
		only = only && ok && c.info.Uses[id] == recv
		return false
	})
	return returns > 0 && only
}

// exprMade returns where the struct values that e (in body) may hold are
// made.
func (c *checker) exprMade(body inspector.Cursor, e ast.Expr, depth int) instances {
	if depth > maxOrigin {
		return anyInstance
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		return oneInstance(e.Pos())
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return c.exprMade(body, e.X, depth+1)
		}
	case *ast.StarExpr:
		return c.exprMade(body, e.X, depth+1)
	case *ast.CallExpr:
		if match.IsBuiltin(c.info, e, "new") {
			return oneInstance(e.Pos())
		}
		return c.resultMade(e, 0, depth+1)
	case *ast.SelectorExpr:
		s, ok := c.info.Selections[e]
		if !ok || s.Kind() != types.FieldVal {
			return anyInstance
		}
		return c.fieldMade(s.Obj().(*types.Var).Origin(), depth+1)
	case *ast.Ident:
		obj := c.info.Uses[e]
		if _, isNil := obj.(*types.Nil); isNil {
			return instances{}
		}
		v, ok := obj.(*types.Var)
		if !ok {
			return anyInstance
		}
		if m, ok := c.receiverOf(v); ok {
			decl, _ := c.declOf(m)
			body := decl.ChildAt(edge.FuncDecl_Body, -1)
			if defs, ok := flow.Assigned(c.info, body, v); !ok || len(defs) > 0 || c.storedThrough(body, v) {
				return anyInstance // the receiver is given another value
			}
			return c.methodMade(m, depth+1)
		}
		defs, ok := flow.Defs(c.info, body, v)
		if !ok || c.storedThrough(body, v) {
			return anyInstance // a parameter, a global, a captured variable
		}
		var made instances
		for _, d := range defs {
			switch call, isCall := ast.Unparen(d.Expr).(*ast.CallExpr); {
			case d.Expr == nil:
				return anyInstance // a zero value declared: made there, not followed
			case d.Index != 0 && isCall:
				made.add(c.resultMade(call, d.Index, depth+1))
			case d.Index != 0:
				return anyInstance
			default:
				made.add(c.exprMade(body, d.Expr, depth+1))
			}
			if made.all {
				break
			}
		}
		return made
	}
	return anyInstance
}

// resultMade returns where the struct values that result i of the call
// may hold are made: what the function of this package returns.
func (c *checker) resultMade(call *ast.CallExpr, i, depth int) instances {
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() != c.pass.Pkg {
		return anyInstance
	}
	decl, ok := c.declOf(fn.Origin())
	if !ok || decl.Node().(*ast.FuncDecl).Body == nil {
		return anyInstance
	}
	body := decl.ChildAt(edge.FuncDecl_Body, -1)
	n := fn.Signature().Results().Len()
	var made instances
	body.Inspect([]ast.Node{(*ast.FuncLit)(nil), (*ast.ReturnStmt)(nil)}, func(cur inspector.Cursor) bool {
		ret, ok := cur.Node().(*ast.ReturnStmt)
		if !ok || made.all {
			return false
		}
		switch {
		case i >= n:
			made = anyInstance
		case len(ret.Results) == n:
			made.add(c.exprMade(body, ret.Results[i], depth+1))
		case len(ret.Results) == 1:
			// Another call's results (`return setupWriterWithServer(s, repo)`).
			inner, ok := ast.Unparen(ret.Results[0]).(*ast.CallExpr)
			if !ok {
				made = anyInstance
				return false
			}
			made.add(c.resultMade(inner, i, depth+1))
		default:
			made = anyInstance // a bare return
		}
		return false
	})
	return made
}

// fieldMade returns where the struct values kept in field f may be made:
// every value the package gives an unexported field of its own.
func (c *checker) fieldMade(f *types.Var, depth int) instances {
	if f.Pkg() != c.pass.Pkg || f.Exported() || depth > maxOrigin {
		return anyInstance
	}
	var made instances
	for cur := range c.root.Preorder((*ast.Ident)(nil), (*ast.CompositeLit)(nil)) {
		if made.all {
			break
		}
		var value ast.Expr
		result := 0
		switch n := cur.Node().(type) {
		case *ast.CompositeLit:
			// An unkeyed literal of the struct type.
			for _, fv := range match.LiteralFields(c.info, n) {
				if _, keyed := n.Elts[0].(*ast.KeyValueExpr); !keyed && fv.Field == f {
					value = fv.Value
				}
			}
		case *ast.Ident:
			if obj, ok := c.info.Uses[n].(*types.Var); !ok || obj.Origin() != f {
				continue
			}
			switch cur.ParentEdgeKind() {
			case edge.KeyValueExpr_Key:
				value = cur.Parent().Node().(*ast.KeyValueExpr).Value
			case edge.SelectorExpr_Sel:
				sel := cur.Parent()
				if u, ok := outerParens(sel).Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
					return anyInstance // its address is taken
				}
				as, ok := outerParens(sel).Parent().Node().(*ast.AssignStmt)
				if !ok || outerParens(sel).ParentEdgeKind() != edge.AssignStmt_Lhs {
					continue // read
				}
				j := outerParens(sel).ParentEdgeIndex()
				switch {
				case len(as.Lhs) == len(as.Rhs):
					value = as.Rhs[j]
				case len(as.Rhs) == 1:
					call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
					if !ok {
						return anyInstance
					}
					value, result = call, j
				default:
					return anyInstance
				}
			}
		}
		if value == nil {
			continue
		}
		body, ok := flow.EnclosingFunc(cur)
		if !ok {
			return anyInstance // a package-level literal
		}
		if call, ok := ast.Unparen(value).(*ast.CallExpr); ok && result > 0 {
			made.add(c.resultMade(call, result, depth+1))
		} else {
			made.add(c.exprMade(body, value, depth+1))
		}
	}
	return made
}

// methodMade returns where the values that method m of the package may
// be called on are made: the receivers of its calls in the package. An
// exported method, or one an interface of the package may call, or one
// used as a value, or called from nowhere in the package, may be called
// on anything.
func (c *checker) methodMade(m *types.Func, depth int) instances {
	if m.Exported() || depth > maxOrigin || c.interfaceHas(m.Name()) {
		return anyInstance
	}
	if c.visiting[m] {
		return instances{} // its callers are already being followed
	}
	if c.visiting == nil {
		c.visiting = make(map[*types.Func]bool)
	}
	c.visiting[m] = true
	defer delete(c.visiting, m)
	var made instances
	calls := 0
	for cur := range c.root.Preorder((*ast.Ident)(nil)) {
		fn, ok := c.info.Uses[cur.Node().(*ast.Ident)].(*types.Func)
		if !ok || fn.Origin() != m {
			continue
		}
		calls++
		if cur.ParentEdgeKind() != edge.SelectorExpr_Sel {
			return anyInstance
		}
		sel := cur.Parent().Node().(*ast.SelectorExpr)
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.MethodVal || len(s.Index()) != 1 || outerParens(cur.Parent()).ParentEdgeKind() != edge.CallExpr_Fun {
			return anyInstance // a method value or expression, or promoted
		}
		body, ok := flow.EnclosingFunc(cur)
		if !ok {
			return anyInstance
		}
		if made.add(c.exprMade(body, sel.X, depth+1)); made.all {
			break
		}
	}
	if calls == 0 {
		return anyInstance // called from nowhere in view
	}
	return made
}

// interfaceHas reports whether an interface of the package has a method
// named name (an unexported method can be called through one).
func (c *checker) interfaceHas(name string) bool {
	if has, ok := c.ifaceMethods[name]; ok {
		return has
	}
	has := false
	for _, obj := range c.info.Defs {
		if fn, ok := obj.(*types.Func); ok && fn.Name() == name {
			if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
				has = true
				break
			}
		}
	}
	if c.ifaceMethods == nil {
		c.ifaceMethods = make(map[string]bool)
	}
	c.ifaceMethods[name] = has
	return has
}

// declOf returns the cursor of the declaration of fn, a function of the
// package.
func (c *checker) declOf(fn *types.Func) (inspector.Cursor, bool) {
	c.indexDecls()
	cur, ok := c.decls[fn]
	return cur, ok
}

// receiverOf returns the method whose receiver v is.
func (c *checker) receiverOf(v *types.Var) (*types.Func, bool) {
	c.indexDecls()
	m, ok := c.recvs[v]
	return m, ok
}

func (c *checker) indexDecls() {
	if c.decls != nil {
		return
	}
	c.decls = make(map[*types.Func]inspector.Cursor)
	c.recvs = make(map[*types.Var]*types.Func)
	for cur := range c.root.Preorder((*ast.FuncDecl)(nil)) {
		fd := cur.Node().(*ast.FuncDecl)
		fn, ok := c.info.Defs[fd.Name].(*types.Func)
		if !ok {
			continue
		}
		c.decls[fn] = cur
		if fd.Body != nil && fd.Recv != nil && len(fd.Recv.List) == 1 && len(fd.Recv.List[0].Names) == 1 {
			if v, ok := c.info.Defs[fd.Recv.List[0].Names[0]].(*types.Var); ok {
				c.recvs[v] = fn
			}
		}
	}
}

// unkept clears the walk's keeper, for a result that is cached and
// belongs to no one client; the returned function restores it.
func (c *checker) unkept() func() {
	k := c.keeper
	c.keeper = nil
	return func() { c.keeper = k }
}

// storedThrough reports whether a value is stored through the pointer v
// in body (`*v = *other`): v then holds a copy of a value made elsewhere.
func (c *checker) storedThrough(body inspector.Cursor, v *types.Var) bool {
	for cur := range body.Preorder((*ast.StarExpr)(nil)) {
		if cur.ParentEdgeKind() != edge.AssignStmt_Lhs {
			continue
		}
		if id, ok := ast.Unparen(cur.Node().(*ast.StarExpr).X).(*ast.Ident); ok && c.info.Uses[id] == v {
			return true
		}
	}
	return false
}
