package timeout

import (
	"go/ast"
	"go/token"
	"go/types"

	"github.com/distlint/distlint/internal/edit"
	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// handedToHelper reports whether the server literal at cur, or the local
// variable it initializes, is passed as an *http.Server to a function
// outside net/http that sets its read timeout, or that is out of view (a
// function value, an interface method, a package not analyzed): a helper
// may set its timeouts (service corpus: kratos's
// graceful.WithDefaults(&http.Server{...})). A visible helper that sets
// neither ReadHeaderTimeout nor ReadTimeout silences nothing.
func (c *checker) handedToHelper(cur inspector.Cursor) bool {
	if u, ok := cur.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		if c.serverArg(cur.Parent()) {
			return true
		}
	}
	if c.serverArg(cur) {
		return true
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
// net/http that sets the server's read timeout or is out of view.
func (c *checker) serverArg(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	call := cur.Parent().Node().(*ast.CallExpr)
	fn := match.Callee(c.info, call)
	if fn == nil {
		return true // a function value: out of view
	}
	if fn.Pkg() == nil || fn.Pkg().Path() == "net/http" {
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
	if !match.IsTypeOrPointer(params.At(idx).Type(), "net/http.Server") {
		return false
	}
	return c.helperSets(fn, idx, "ReadHeaderTimeout", "ReadTimeout")
}

// helperSets reports whether fn sets one of paths on parameter index, or
// is out of view.
func (c *checker) helperSets(fn *types.Func, index int, paths ...string) bool {
	for _, p := range paths {
		set, visible := c.setsOn(fn, index, p)
		if set || !visible {
			return true
		}
	}
	return false
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
