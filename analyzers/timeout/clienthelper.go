package timeout

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// clientSends are the methods of http.Client that send a request.
var clientSends = []string{"Do", "Get", "Head", "Post", "PostForm"}

// helperEvidence is the evidence of a client handed, at cur, to a helper
// that the value engine's summary shows only configures it: sets its
// fields, calls none of its sending methods, lets it go nowhere else
// (nomad's defaultClient, which sets Transport fields and returns the
// client). Such a call is no evidence, like configuring the client on
// the spot; when the helper returns the client, the client is judged by
// the uses of the call's result. ok is false when the helper is out of
// view or does more than that.
func (c *checker) helperEvidence(cur inspector.Cursor, hops int) (evidence, bool) {
	call := cur.Parent().Node().(*ast.CallExpr)
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil {
		return evidence{}, false
	}
	if recv := fn.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
		return evidence{}, false
	}
	if sig := fn.Signature(); sig.Variadic() && cur.ParentEdgeIndex() >= sig.Params().Len()-1 {
		return evidence{}, false
	}
	use, ok := c.flow.ParamUse(fn.Origin(), cur.ParentEdgeIndex())
	if !ok || use.Escapes || use.Sends != "" || slices.ContainsFunc(use.Methods, func(m string) bool { return slices.Contains(clientSends, m) }) {
		return evidence{}, false
	}
	if !use.Returned {
		return evidence{}, true
	}
	return c.valueEvidence(cur.Parent(), hops+1), true
}

// returnedEvidence is the evidence of a client returned at cur. A
// client returned by an unexported function of this package that is
// only ever called here is judged by what its callers do with the
// result; returned from anything else (an exported function, a method,
// a function literal, a function used as a value, or called from
// nowhere in view), its requests cannot be seen.
func (c *checker) returnedEvidence(cur inspector.Cursor, hops int) evidence {
	escape := evidence{escape: "is returned, where its requests cannot be seen"}
	if hops > maxHops {
		return evidence{}
	}
	if cur.ParentEdgeKind() != edge.ReturnStmt_Results {
		return escape
	}
	result := cur.ParentEdgeIndex()
	decl, ok := match.DeclOf(cur)
	if !ok {
		return escape
	}
	// An exported function's or a method's other callers are out of
	// view, no evidence: the calls in the package are followed all the
	// same (a Client() method whose client the package sends a Get
	// through).
	outside := decl.Name.IsExported() || decl.Recv != nil
	fn, ok := c.info.Defs[decl.Name].(*types.Func)
	if !ok {
		return escape
	}
	var ev evidence
	calls := 0
	for id := range c.root.Preorder((*ast.Ident)(nil)) {
		if obj := c.info.Uses[id.Node().(*ast.Ident)]; obj == nil || obj != types.Object(fn) {
			if f, isFunc := obj.(*types.Func); !isFunc || f.Origin() != fn {
				continue
			}
		}
		site := id
		if site.ParentEdgeKind() == edge.SelectorExpr_Sel {
			site = site.Parent() // a method, or a qualified name
		}
		if site.ParentEdgeKind() == edge.IndexExpr_X || site.ParentEdgeKind() == edge.IndexListExpr_X {
			site = site.Parent() // an explicit instantiation
		}
		if site.ParentEdgeKind() != edge.CallExpr_Fun {
			if outside {
				continue
			}
			return escape // a function value: called out of view
		}
		calls++
		ev.add(c.resultEvidence(site.Parent(), result, hops+1))
	}
	if calls == 0 {
		return escape // called from nowhere in view
	}
	return ev
}

// resultEvidence is the evidence of result number result of the call at
// cur: the call's value, or the variable a multi-value assignment
// stores that result in.
func (c *checker) resultEvidence(cur inspector.Cursor, result int, hops int) evidence {
	call := cur.Node().(*ast.CallExpr)
	if sig, ok := c.info.TypeOf(call.Fun).Underlying().(*types.Signature); ok && sig.Results().Len() == 1 {
		return c.valueEvidence(cur, hops)
	}
	as, ok := cur.Parent().Node().(*ast.AssignStmt)
	if !ok || len(as.Rhs) != 1 || result >= len(as.Lhs) {
		return evidence{escape: "is returned, where its requests cannot be seen"}
	}
	lhs := as.Lhs[result]
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && id.Name == "_" {
		return evidence{} // discarded
	}
	path, ok := flow.PathOf(c.info, lhs)
	if !ok {
		return evidence{escape: "is returned, where its requests cannot be seen"}
	}
	return c.pathEvidence(cur, path, hops+1)
}
