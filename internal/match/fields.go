package match

import (
	"go/ast"
	"go/types"
)

// SelectedField returns the struct field that e selects (x.f, through
// parentheses), as its generic origin, or nil when e selects no field.
func SelectedField(info *types.Info, e ast.Expr) *types.Var {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return nil
	}
	return s.Obj().(*types.Var).Origin()
}

// A FieldValue is a field that a composite literal sets, and the value.
type FieldValue struct {
	Field *types.Var // the generic origin of the field
	Value ast.Expr
}

// LiteralFields returns the fields that a struct literal sets, keyed
// (T{F: v}) or positional (T{v1, v2}); nil for other literals.
func LiteralFields(info *types.Info, lit *ast.CompositeLit) []FieldValue {
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	st, ok := types.Unalias(t).Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	var out []FieldValue
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := info.ObjectOf(id).(*types.Var); ok && f.IsField() {
					out = append(out, FieldValue{f.Origin(), kv.Value})
				}
			}
		} else if i < st.NumFields() {
			out = append(out, FieldValue{st.Field(i).Origin(), elt})
		}
	}
	return out
}
