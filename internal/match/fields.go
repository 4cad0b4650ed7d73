package match

import (
	"go/ast"
	"go/types"
	"reflect"
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

// wireTags are the struct tag keys of serialization formats and ORMs: a
// field that carries one is written to or read from another process.
var wireTags = []string{"json", "yaml", "xml", "protobuf", "msgpack", "bson", "db", "gorm", "sql", "avro", "cbor"}

// WireTag reports whether the struct tag puts its field on the wire: it
// has a serialization or ORM key whose value is not "-".
func WireTag(tag string) bool {
	st := reflect.StructTag(tag)
	for _, key := range wireTags {
		if v, ok := st.Lookup(key); ok && v != "-" {
			return true
		}
	}
	return false
}

// SelectedFieldTag returns the struct tag of the field that sel selects,
// following embedded fields; ok is false when sel selects no field.
func SelectedFieldTag(info *types.Info, sel *ast.SelectorExpr) (tag string, ok bool) {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return "", false
	}
	t := s.Recv()
	idx := s.Index()
	for i, n := range idx {
		if p, isPtr := t.Underlying().(*types.Pointer); isPtr {
			t = p.Elem()
		}
		st, isStruct := t.Underlying().(*types.Struct)
		if !isStruct || n >= st.NumFields() {
			return "", false
		}
		if i == len(idx)-1 {
			return st.Tag(n), true
		}
		t = st.Field(n).Type()
	}
	return "", false
}
