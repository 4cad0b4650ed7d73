package boundary

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"time"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// timeoutOf decides the timeout status of an outbound call. A bound that
// is set on the path wins over a caller's context; missing needs every
// bound visibly absent.
func timeoutOf(info *types.Info, files []*ast.File, cur inspector.Cursor, o *outbound) Protection {
	if o.dialTimeout != "" {
		return Protection{Set, o.dialTimeout}
	}
	body, inFunc := flow.EnclosingFunc(cur)
	// The client's or dialer's own timeout.
	var holder Protection // status of the client or dialer: set, missing or unknown
	switch {
	case o.kind == "http" && o.defaultClient:
		holder = Protection{Missing, "http.DefaultClient has no timeout"}
	case o.kind == "http" && o.client != nil:
		holder = clientTimeout(info, files, cur, o.client, "net/http.Client", "Timeout", "client")
	case o.kind == "http":
		holder = Protection{Unknown, "client out of view"}
	case o.kind == "dial" && o.noTimeout != "":
		holder = Protection{Missing, o.noTimeout}
	case o.kind == "dial":
		var dialer ast.Expr = receiver(o.call)
		if match.IsFunc(o.fn, "crypto/tls", "DialWithDialer") {
			dialer = argAt(o.call, 0)
		}
		holder = clientTimeout(info, files, cur, dialer, "net.Dialer", "Timeout", "dialer")
		if holder.Status == Unknown && match.IsMethod(o.fn, "crypto/tls", "Dialer", "Dial", "DialContext") {
			holder = Protection{Unknown, "tls.Dialer"}
		}
	default:
		holder = Protection{Unknown, "the client's configuration is out of view"}
	}
	if holder.Status == Set {
		return holder
	}
	ctx := Protection{Missing, "no context"}
	if o.stream {
		return Protection{NA, "a stream or subscription stays open"}
	}
	if o.ctx != nil {
		ctx = contextBound(info, body, inFunc, o.ctx)
	} else if o.kind == "http" && o.req != nil && o.method == "" {
		ctx = Protection{Unknown, "request made out of view"}
	} else if o.kind != "http" && o.kind != "dial" {
		ctx = Protection{Unknown, "no context; bounds live in the client's configuration"}
	}
	switch {
	case ctx.Status == Set:
		return ctx
	case ctx.Status == Caller:
		return ctx
	case ctx.Status == Missing && holder.Status == Missing:
		return Protection{Missing, holder.Evidence + ", " + ctx.Evidence}
	case ctx.Status == Missing && o.kind != "http" && o.kind != "dial":
		// No client-level timeout in these APIs: the context is the bound.
		return Protection{Missing, ctx.Evidence}
	case holder.Status == Missing && ctx.Status == Unknown:
		return Protection{Unknown, ctx.Evidence}
	}
	return Protection{Unknown, holder.Evidence}
}

// contextBound says what bounds the context expression ctx: a deadline
// made in this function (set), a parameter of the enclosing function or
// a request handed to it (caller), context.Background or TODO (missing).
func contextBound(info *types.Info, body inspector.Cursor, inFunc bool, ctx ast.Expr) Protection {
	if inFunc && flow.ContextHasDeadline(info, body, ctx) {
		return Protection{Set, "context deadline on the path"}
	}
	return contextOrigin(info, body, inFunc, ctx, 0)
}

func contextOrigin(info *types.Info, body inspector.Cursor, inFunc bool, ctx ast.Expr, depth int) Protection {
	unknown := Protection{Unknown, "context from out of view"}
	if depth > 8 {
		return unknown
	}
	switch e := ast.Unparen(ctx).(type) {
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok {
			return unknown
		}
		if isParam(v, body) {
			return Protection{Caller, "context parameter " + v.Name()}
		}
		if !inFunc {
			return unknown
		}
		defs, ok := flow.Defs(info, body, v)
		if !ok || len(defs) != 1 || defs[0].Index != 0 || defs[0].Expr == nil {
			return unknown
		}
		return contextOrigin(info, body, inFunc, defs[0].Expr, depth+1)
	case *ast.CallExpr:
		fn := match.Callee(info, e)
		switch {
		case match.IsFunc(fn, "context", "Background", "TODO"):
			return Protection{Missing, "context." + fn.Name() + "()"}
		case match.IsFunc(fn, "context", "WithCancel", "WithCancelCause", "WithValue", "WithoutCancel"):
			p := contextOrigin(info, body, inFunc, argAt(e, 0), depth+1)
			if fn.Name() == "WithoutCancel" && p.Status == Caller {
				return Protection{Missing, "context.WithoutCancel drops the caller's deadline"}
			}
			return p
		case match.IsMethod(fn, "net/http", "Request", "Context"):
			if id, ok := ast.Unparen(receiver(e)).(*ast.Ident); ok {
				if v, ok := info.Uses[id].(*types.Var); ok && isParam(v, body) {
					return Protection{Caller, "the request context of " + v.Name()}
				}
			}
		}
	}
	return unknown
}

// isParam reports whether v is a parameter of the function whose body
// (or an enclosing one's) is body.
func isParam(v *types.Var, body inspector.Cursor) bool {
	if v.IsField() || v.Parent() == nil || v.Pkg() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	n := body.Node()
	if n == nil {
		return false
	}
	// Parameters are declared before the body, inside the function type.
	if v.Pos() >= n.Pos() {
		return false
	}
	for f := range body.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		if typ, _ := match.FuncParts(f.Node()); typ.Params != nil && v.Pos() >= typ.Params.Pos() && v.Pos() < typ.Params.End() {
			return true
		}
	}
	return false
}

// clientTimeout says whether the client or dialer expression e (of the
// named struct type qualified) has its timeout field set: a composite
// literal, directly or through a local or package variable given one
// value. A nil e is http.DefaultClient.
func clientTimeout(info *types.Info, files []*ast.File, cur inspector.Cursor, e ast.Expr, qualified, field, what string) Protection {
	if e == nil {
		return Protection{Unknown, what + " out of view"}
	}
	lit := literalOf(info, files, cur, e, qualified)
	if lit == nil {
		return Protection{Unknown, what + " made out of view"}
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && (id.Name == field || (what == "dialer" && id.Name == "Deadline")) {
			if flow.IsZeroConst(info, kv.Value) {
				return Protection{Missing, what + " " + field + " is 0"}
			}
			ev := what + " " + field
			if tv, ok := info.Types[kv.Value]; ok && tv.Value != nil {
				if d, ok := durationOf(tv); ok {
					ev += " " + d.String()
				}
			}
			return Protection{Set, ev}
		}
	}
	return Protection{Missing, what + " has no " + field}
}

func durationOf(tv types.TypeAndValue) (time.Duration, bool) {
	if !match.IsType(tv.Type, "time.Duration") {
		return 0, false
	}
	n, ok := constantInt(tv)
	return time.Duration(n), ok
}

// literalOf returns the composite literal of type qualified that e
// evaluates to: the literal itself, &literal, or a variable (local, or
// package-level in this package) given that one value and never
// assigned a field afterwards.
func literalOf(info *types.Info, files []*ast.File, cur inspector.Cursor, e ast.Expr, qualified string) *ast.CompositeLit {
	for range 4 {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok {
			e = ast.Unparen(u.X)
		}
		switch x := e.(type) {
		case *ast.CompositeLit:
			if match.IsType(info.TypeOf(x), qualified) {
				return x
			}
			return nil
		case *ast.Ident:
			v, ok := info.Uses[x].(*types.Var)
			if !ok {
				return nil
			}
			next := varValue(info, files, cur, v)
			if next == nil {
				return nil
			}
			e = next
		default:
			return nil
		}
	}
	return nil
}

// varValue returns the one value given to v: through flow.Defs for a
// local variable, or its declaration for a package-level one of this
// package (whose other assignments are out of view: nil then).
func varValue(info *types.Info, files []*ast.File, cur inspector.Cursor, v *types.Var) ast.Expr {
	if v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
		// A package-level variable of this package: its declaration, in
		// whichever file holds it. Assignments elsewhere are out of
		// view, so a variable assigned in a function is not followed.
		for _, f := range files {
			if v.Pos() < f.FileStart || v.Pos() >= f.FileEnd {
				continue
			}
			var value ast.Expr
			ast.Inspect(f, func(n ast.Node) bool {
				spec, ok := n.(*ast.ValueSpec)
				if !ok {
					return value == nil
				}
				for i, name := range spec.Names {
					if info.Defs[name] == v && len(spec.Values) == len(spec.Names) {
						value = spec.Values[i]
					}
				}
				return false
			})
			if value != nil && !assignedAnywhere(info, files, v) {
				return value
			}
		}
		return nil
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return nil
	}
	defs, ok := flow.Defs(info, body, v)
	if !ok || len(defs) != 1 || defs[0].Index != 0 {
		return nil
	}
	return defs[0].Expr
}

// assignedAnywhere reports whether the package-level variable v is
// assigned, or its address taken, in the package's files.
func assignedAnywhere(info *types.Info, files []*ast.File, v *types.Var) bool {
	found := false
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && info.Uses[id] == v {
						found = true
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND && info.Uses[id] == v {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

func constantInt(tv types.TypeAndValue) (int64, bool) {
	if tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	return constant.Int64Val(v)
}
