package ctxdeadline

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
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

// A funcScope follows values inside one function declaration, nested
// function literals included, through flow's definitions.
type funcScope struct {
	info   *types.Info
	decl   *ast.FuncDecl
	body   inspector.Cursor   // the declaration's body
	params map[*types.Var]int // the declaration's parameters, by position
	// field returns the origin of the contexts kept in a struct field.
	field func(*types.Var) origin
}

func newFuncScope(info *types.Info, decl *ast.FuncDecl, body inspector.Cursor) *funcScope {
	s := &funcScope{info: info, decl: decl, body: body, params: make(map[*types.Var]int)}
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

// contextOrigin follows the context expression e back to where its value
// is made.
func (s *funcScope) contextOrigin(e ast.Expr) origin {
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
		if !ok {
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
		if index != 0 || !ok || sel.Kind() != types.FieldVal || s.field == nil {
			return unknown
		}
		f, _ := sel.Obj().(*types.Var)
		return s.field(f)
	}
	return unknown // WithTimeout, results of other calls, globals
}

func (s *funcScope) evalVar(v *types.Var, depth int, visiting map[*types.Var]bool) origin {
	if visiting[v] {
		return none // a cycle (ctx = context.WithValue(ctx, ...)) adds nothing
	}
	o := none
	var defs []flow.Def
	var ok bool
	if i, isParam := s.params[v]; isParam {
		// The argument, and any value the body gives the parameter.
		o.param = i
		defs, ok = flow.Assigned(s.info, s.body, v)
	} else {
		// A local (a global, a result, a receiver, a variable of
		// unseen values is not ok).
		defs, ok = flow.Defs(s.info, s.body, v)
	}
	if !ok {
		return unknown
	}
	visiting[v] = true
	defer delete(visiting, v)
	for _, d := range defs {
		if d.Expr == nil {
			return unknown // the zero value: nil
		}
		o = join(o, s.eval(d.Expr, d.Index, depth+1, visiting))
		if o.unknown {
			return o
		}
	}
	return o
}

// requestOrigin follows the *http.Request expression e back to the
// calls that made it (flow.RequestContexts) and returns the origin of
// their contexts. http.NewRequest's context.Background() adds nothing:
// that is lostcontext's business unless a context is given later
// (req = req.WithContext(ctx)), which then decides.
func (s *funcScope) requestOrigin(e ast.Expr) origin {
	ctxs, ok := flow.RequestContexts(s.info, s.body, e)
	if !ok {
		return unknown
	}
	o := none
	for _, ctx := range ctxs {
		if ctx == nil {
			continue
		}
		o = join(o, s.contextOrigin(ctx))
		if o.unknown {
			return o
		}
	}
	if o.root == "" && o.param < 0 {
		o.unknown = true
	}
	return o
}
