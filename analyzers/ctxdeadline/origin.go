package ctxdeadline

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// maxDepth bounds how far origins are followed through variables and
// derivations.
const maxDepth = 10

// An origin is what can be known of where a context value comes from.
// The zero value knows nothing yet (no definition seen); unknown means a
// definition was seen whose context may carry a deadline, or whose
// source is out of view.
type origin struct {
	unknown bool
	root    string // "context.Background()" or "context.TODO()": the value may be that root, derived without a deadline
	derived bool   // the root reaches the value through WithCancel, WithValue and the like
	param   int    // a context parameter of the function that reaches the value with its deadline kept; -1 if none
	field   string // the struct field the value was kept in, for messages
}

var (
	none    = origin{param: -1}
	unknown = origin{unknown: true, param: -1}
)

// noDeadline reports whether the value visibly has no deadline: it comes
// only from context.Background() or TODO().
func (o origin) noDeadline() bool { return !o.unknown && o.root != "" && o.param < 0 }

// fromParam returns the context parameter that alone decides whether the
// value has a deadline (it may also come from a root, which has none).
func (o origin) fromParam() (int, bool) { return o.param, !o.unknown && o.param >= 0 }

func join(a, b origin) origin {
	out := origin{unknown: a.unknown || b.unknown, root: a.root, derived: a.derived || b.derived, param: a.param, field: a.field}
	if out.field == "" {
		out.field = b.field
	}
	if out.root == "" {
		out.root = b.root
	}
	switch {
	case b.param < 0:
	case a.param < 0:
		out.param = b.param
	case a.param != b.param:
		out.unknown = true
	}
	return out
}

// describe names the context of o in a message.
func (o origin) describe() string {
	d := o.root
	if o.derived {
		d = "a context derived from " + o.root
	}
	if o.field != "" {
		d += " (kept in field " + o.field + ")"
	}
	return d
}

// A def is one value given to a local variable: the right-hand side, and
// for a call with several results the result taken.
type def struct {
	expr  ast.Expr // nil: the zero value
	index int
}

// A funcScope follows values inside one function declaration, nested
// function literals included.
type funcScope struct {
	info   *types.Info
	decl   *ast.FuncDecl
	params map[*types.Var]int // the declaration's parameters, by position
	defs   map[*types.Var][]def
	opaque map[*types.Var]bool // variables whose values cannot all be seen
	fields *fieldOrigins       // the origins of contexts kept in struct fields; nil: unknown
}

func newFuncScope(info *types.Info, decl *ast.FuncDecl) *funcScope {
	s := &funcScope{info: info, decl: decl, params: make(map[*types.Var]int)}
	i := 0
	for _, field := range decl.Type.Params.List {
		if len(field.Names) == 0 {
			i++
			continue
		}
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok {
				s.params[v] = i
			}
			i++
		}
	}
	return s
}

// hasContextParam reports whether the function has a named
// context.Context parameter.
func (s *funcScope) hasContextParam() bool {
	for v := range s.params {
		if isContext(v.Type()) {
			return true
		}
	}
	return false
}

// collect records, in one walk of the body, every value given to each
// variable and the variables that escape the walk's view.
func (s *funcScope) collect() {
	s.defs = make(map[*types.Var][]def)
	s.opaque = make(map[*types.Var]bool)
	lhsVar := func(e ast.Expr) *types.Var {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := s.info.ObjectOf(id).(*types.Var)
		return v
	}
	ast.Inspect(s.decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				v := lhsVar(lhs)
				if v == nil {
					continue
				}
				switch {
				case n.Tok != token.ASSIGN && n.Tok != token.DEFINE:
					s.opaque[v] = true
				case len(n.Lhs) == len(n.Rhs):
					s.defs[v] = append(s.defs[v], def{expr: n.Rhs[i]})
				case len(n.Rhs) == 1:
					s.defs[v] = append(s.defs[v], def{expr: n.Rhs[0], index: i})
				default:
					s.opaque[v] = true
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				v, ok := s.info.Defs[name].(*types.Var)
				if !ok {
					continue
				}
				switch {
				case len(n.Values) == 0:
					s.defs[v] = append(s.defs[v], def{})
				case len(n.Values) == len(n.Names):
					s.defs[v] = append(s.defs[v], def{expr: n.Values[i]})
				case len(n.Values) == 1:
					s.defs[v] = append(s.defs[v], def{expr: n.Values[0], index: i})
				default:
					s.opaque[v] = true
				}
			}
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if v := lhsVar(e); v != nil {
					s.opaque[v] = true
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				if v := lhsVar(n.X); v != nil {
					s.opaque[v] = true
				}
			}
		case *ast.FuncLit:
			// The parameters and results of a literal get their values
			// from its callers, out of view.
			for _, list := range []*ast.FieldList{n.Type.Params, n.Type.Results} {
				if list == nil {
					continue
				}
				for _, field := range list.List {
					for _, name := range field.Names {
						if v, ok := s.info.Defs[name].(*types.Var); ok {
							s.opaque[v] = true
						}
					}
				}
			}
		}
		return true
	})
}

// contextOrigin follows the context expression e back to where its value
// is made.
func (s *funcScope) contextOrigin(e ast.Expr) origin {
	if s.defs == nil {
		s.collect()
	}
	o := s.eval(e, 0, 0, make(map[*types.Var]bool))
	if o.root == "" && o.param < 0 {
		o.unknown = true // nothing seen
	}
	return o
}

func (s *funcScope) eval(e ast.Expr, index, depth int, visiting map[*types.Var]bool) origin {
	if depth > maxDepth {
		return unknown
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if index != 0 {
			return unknown
		}
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || s.opaque[v] {
			return unknown
		}
		return s.evalVar(v, depth, visiting)
	case *ast.CallExpr:
		if index != 0 {
			return unknown // the cancel function, not the context
		}
		fn := match.Callee(s.info, e)
		switch {
		case match.IsFunc(fn, "context", "Background", "TODO"):
			return origin{root: "context." + fn.Name() + "()", param: -1}
		case match.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue"):
			if len(e.Args) == 0 {
				return unknown
			}
			o := s.eval(e.Args[0], 0, depth+1, visiting)
			o.derived = true
			return o
		case match.IsFunc(fn, "context", "WithoutCancel"):
			// WithoutCancel drops the parent's deadline: a root stays a
			// root, but a parameter's deadline no longer reaches.
			if len(e.Args) == 0 {
				return unknown
			}
			o := s.eval(e.Args[0], 0, depth+1, visiting)
			if o.param >= 0 {
				return unknown
			}
			o.derived = true
			return o
		}
	case *ast.SelectorExpr:
		// A context kept in a struct field: the values stored there.
		sel, ok := s.info.Selections[e]
		if index != 0 || !ok || sel.Kind() != types.FieldVal || s.fields == nil {
			return unknown
		}
		f, _ := sel.Obj().(*types.Var)
		return s.fields.origin(f)
	}
	return unknown // WithTimeout, results of other calls, globals
}

func (s *funcScope) evalVar(v *types.Var, depth int, visiting map[*types.Var]bool) origin {
	if visiting[v] {
		return none // a cycle (ctx = context.WithValue(ctx, ...)) adds nothing
	}
	o := none
	if i, isParam := s.params[v]; isParam {
		o.param = i
	} else if v.Pos() < s.decl.Body.Pos() || v.Pos() >= s.decl.Body.End() {
		return unknown // a global, a result, a receiver
	}
	defs := s.defs[v]
	if len(defs) == 0 && o.param < 0 {
		return unknown // a type switch variable and the like
	}
	visiting[v] = true
	defer delete(visiting, v)
	for _, d := range defs {
		if d.expr == nil {
			return unknown // the zero value: nil
		}
		o = join(o, s.eval(d.expr, d.index, depth+1, visiting))
		if o.unknown {
			return o
		}
	}
	return o
}

// requestOrigin follows the *http.Request expression e back to the
// calls that made it and returns the origin of their contexts.
func (s *funcScope) requestOrigin(e ast.Expr) origin {
	if s.defs == nil {
		s.collect()
	}
	o := s.evalRequest(e, 0, 0, make(map[*types.Var]bool))
	if o.root == "" && o.param < 0 {
		o.unknown = true
	}
	return o
}

func (s *funcScope) evalRequest(e ast.Expr, index, depth int, visiting map[*types.Var]bool) origin {
	if depth > maxDepth || index != 0 {
		return unknown
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := s.info.Uses[e].(*types.Var)
		if !ok || s.opaque[v] || visiting[v] {
			return unknown
		}
		if _, isParam := s.params[v]; isParam || v.Pos() < s.decl.Body.Pos() || v.Pos() >= s.decl.Body.End() {
			return unknown
		}
		defs := s.defs[v]
		if len(defs) == 0 {
			return unknown
		}
		visiting[v] = true
		defer delete(visiting, v)
		o := none
		for _, d := range defs {
			if d.expr == nil {
				return unknown
			}
			o = join(o, s.evalRequest(d.expr, d.index, depth+1, visiting))
			if o.unknown {
				return o
			}
		}
		return o
	case *ast.CallExpr:
		fn := match.Callee(s.info, e)
		if len(e.Args) > 0 && (match.IsFunc(fn, "net/http", "NewRequestWithContext") ||
			match.IsMethod(fn, "net/http", "Request", "WithContext", "Clone")) {
			return s.contextOrigin(e.Args[0])
		}
		if match.IsFunc(fn, "net/http", "NewRequest") {
			// Its context is context.Background(): no deadline, but
			// lostcontext's business unless a context is given later
			// (req = req.WithContext(ctx)), which then decides.
			return none
		}
	}
	return unknown
}
