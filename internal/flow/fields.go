package flow

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/netreach"
)

// maxOrigins bounds the origins a FieldOrigins fact lists: a field given
// more kinds of values than that is as good as unknown.
const maxOrigins = 4

// A FieldOrigins is the fact of which values a struct field of
// interface type (a context.Context, a client) is given in its package:
// the functions whose results it is assigned, in a composite literal
// (Ctx: context.Background()) or an assignment (s.ctx = ctx).
type FieldOrigins struct {
	// Origins name the functions, as pkg.F or (*pkg.T).M.
	Origins []string
	// Open is set when the field may hold values that cannot be seen:
	// it is exported (other packages may assign it), or it is given a
	// value that is no call of a named function (a parameter, another
	// field).
	Open bool
}

// AFact marks FieldOrigins as a fact.
func (*FieldOrigins) AFact() {}

func (f *FieldOrigins) String() string {
	s := "assigned " + strings.Join(f.Origins, ", ")
	if f.Open {
		s += " and values out of view"
	}
	return s
}

// FieldOrigins returns the functions whose results the field f is
// given, and whether that is all it can hold (complete). ok is false
// when nothing is known of f.
func (e *Engine) FieldOrigins(f *types.Var) (origins []string, complete, ok bool) {
	if f == nil || !f.IsField() || f.Pkg() == nil {
		return nil, false, false
	}
	var fo *FieldOrigins
	if f.Pkg() == e.pass.Pkg {
		fo = e.fields[f]
	} else {
		fo = new(FieldOrigins)
		if !e.pass.ImportObjectFact(f, fo) {
			fo = nil
		}
	}
	if fo == nil {
		return nil, false, false
	}
	return fo.Origins, !fo.Open, true
}

// fieldOrigins computes the origins of the package's interface-typed
// fields and exports the facts.
func (e *Engine) fieldOrigins(pass *analysis.Pass, insp *inspector.Inspector) {
	info := pass.TypesInfo
	e.fields = make(map[*types.Var]*FieldOrigins)
	// Only the fields of the package's named struct types: facts name
	// objects by their path from the package scope.
	named := make(map[*types.Var]bool)
	for _, name := range pass.Pkg.Scope().Names() {
		tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok {
			for f := range st.Fields() {
				// type T other.S gives T the fields of another package's
				// struct: their facts belong to that package.
				if types.IsInterface(f.Type()) && f.Pkg() == pass.Pkg {
					named[f] = true
				}
			}
		}
	}
	if len(named) == 0 {
		return
	}
	// give records one value given to f at cur; local variables are
	// followed to the values they hold (ctx := context.Background();
	// s.ctx = ctx).
	give := func(cur inspector.Cursor, f *types.Var, value ast.Expr) {
		if !named[f] {
			return
		}
		fo := e.fields[f]
		if fo == nil {
			fo = &FieldOrigins{Open: f.Exported()}
			e.fields[f] = fo
		}
		var values []ast.Expr
		if value != nil {
			if vs, ok := Origins(info, cur, value); ok {
				values = vs
			} else {
				fo.Open = true
			}
		} else {
			fo.Open = true
		}
		for _, value := range values {
			var fn *types.Func
			if call, ok := ast.Unparen(value).(*ast.CallExpr); ok {
				fn = match.Callee(info, call)
			}
			if fn == nil || fn.Pkg() == nil {
				if value == nil {
					continue // the zero value: nil
				}
				if tv, ok := info.Types[value]; !ok || !tv.IsNil() {
					fo.Open = true
				}
				continue
			}
			name := netreach.FuncName(nil, fn)
			if !slices.Contains(fo.Origins, name) {
				if len(fo.Origins) == maxOrigins {
					fo.Open = true
					continue
				}
				fo.Origins = append(fo.Origins, name)
			}
		}
	}
	for cur := range insp.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.UnaryExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.UnaryExpr:
			// &s.ctx: the field may be given values through the pointer.
			if f := match.SelectedField(info, n.X); n.Op == token.AND && f != nil {
				give(cur, f, nil)
			}
		case *ast.CompositeLit:
			for _, fv := range match.LiteralFields(info, n) {
				give(cur, fv.Field, fv.Value)
			}
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				continue
			}
			for i, lhs := range n.Lhs {
				f := match.SelectedField(info, lhs)
				if f == nil {
					continue
				}
				if len(n.Lhs) == len(n.Rhs) {
					give(cur, f, n.Rhs[i])
				} else {
					give(cur, f, nil) // one of several results: no call of its own
				}
			}
		}
	}
	for f, fo := range e.fields {
		slices.Sort(fo.Origins)
		if len(fo.Origins) > 0 {
			pass.ExportObjectFact(f, fo)
		}
	}
}
