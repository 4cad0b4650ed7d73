package flow

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

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
// fields from the package's writes and exports the facts.
func (e *Engine) fieldOrigins(pass *analysis.Pass) {
	info := pass.TypesInfo
	e.fields = make(map[*types.Var]*FieldOrigins)
	// Only the fields of the package's named struct types: facts name
	// objects by their path from the package scope.
	for _, name := range pass.Pkg.Scope().Names() {
		tn, ok := pass.Pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok || tn.IsAlias() {
			continue
		}
		st, ok := tn.Type().Underlying().(*types.Struct)
		if !ok {
			continue
		}
		for f := range st.Fields() {
			// type T other.S gives T the fields of another package's
			// struct: their facts belong to that package.
			if !types.IsInterface(f.Type()) || f.Pkg() != pass.Pkg || len(e.writes.Of(f)) == 0 {
				continue
			}
			writes, complete := e.writes.Values(f)
			fo := &FieldOrigins{Open: !complete}
			for _, w := range writes {
				fo.give(info, w)
			}
			slices.Sort(fo.Origins)
			e.fields[f] = fo
			if len(fo.Origins) > 0 {
				pass.ExportObjectFact(f, fo)
			}
		}
	}
}

// give records the origins of the value of one write; local variables
// are followed to the values they hold (ctx := context.Background();
// s.ctx = ctx).
func (fo *FieldOrigins) give(info *types.Info, w Write) {
	if _, multi := info.TypeOf(w.Value).(*types.Tuple); multi || w.Index != 0 {
		fo.Open = true // one of several results: no call of its own
		return
	}
	values, ok := Origins(info, w.Cursor, w.Value)
	if !ok {
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
