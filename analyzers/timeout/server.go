package timeout

import (
	"go/ast"
	"go/token"

	"github.com/distlint/distlint/internal/edit"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// handedToHelper reports whether the server literal at cur, or the local
// variable it initializes, is passed as an *http.Server to a function
// outside net/http: a helper that may set its timeouts out of view
// (service corpus: kratos's graceful.WithDefaults(&http.Server{...})).
func (c *checker) handedToHelper(cur inspector.Cursor) bool {
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		if c.serverArg(cur.Parent()) {
			return true
		}
	}
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	path, ok := c.target(cur)
	if !ok || len(path.Fields) != 0 {
		return false
	}
	for _, use := range flow.Uses(c.info, body, path.Root) {
		if u, ok := use.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
			use = use.Parent()
		}
		if c.serverArg(use) {
			return true
		}
	}
	return false
}

// serverArg reports whether the expression at cur is an argument, for a
// parameter of type http.Server or *http.Server, of a function outside
// net/http.
func (c *checker) serverArg(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	fn := match.Callee(c.info, call)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() == "net/http" {
		return false
	}
	params := fn.Signature().Params()
	_, idx := cur.ParentEdge()
	if params.Len() == 0 || idx < 0 {
		return false
	}
	if idx >= params.Len() {
		idx = params.Len() - 1 // variadic
	}
	return match.IsTypeOrPointer(params.At(idx).Type(), "net/http.Server")
}

// serverFix inserts ReadHeaderTimeout: 10 * time.Second into a keyed
// (or empty) http.Server literal, importing "time" if the file lacks it.
func (c *checker) serverFix(lit *ast.CompositeLit) []analysis.SuggestedFix {
	file := edit.FileOf(c.pass.Files, lit.Pos())
	if file == nil {
		return nil
	}
	timePkg, importEdit, ok := edit.Import(c.pass.Pkg, file, lit.Pos(), "time")
	if !ok {
		return nil
	}
	fieldEdit, ok := edit.AddField(c.pass.Fset, lit, "ReadHeaderTimeout: 10 * "+timePkg+".Second")
	if !ok {
		return nil // positional literal: no safe place to add a field
	}
	edits := []analysis.TextEdit{fieldEdit}
	if importEdit != nil {
		edits = append(edits, *importEdit)
	}
	return []analysis.SuggestedFix{{Message: "Add ReadHeaderTimeout: 10 * time.Second", TextEdits: edits}}
}
