package match

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/ast/inspector"
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

// Unaddr returns e without its parentheses and without a leading &:
// the operand of &x, &T{...}, (&x).
func Unaddr(e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return e
}

// CompositeLit returns the composite literal that e is or takes the
// address of (T{...}, &T{...}), or nil.
func CompositeLit(e ast.Expr) *ast.CompositeLit {
	lit, _ := Unaddr(e).(*ast.CompositeLit)
	return lit
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

// LiteralValue returns the value that the struct literal lit gives the
// field named name, keyed or positional, or nil.
func LiteralValue(info *types.Info, lit *ast.CompositeLit, name string) ast.Expr {
	for _, fv := range LiteralFields(info, lit) {
		if fv.Field.Name() == name {
			return fv.Value
		}
	}
	return nil
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

// VarOf returns the variable an expression denotes: the field a selector
// selects (its generic origin), or the variable an identifier uses or
// declares; nil for anything else.
func VarOf(info *types.Info, e ast.Expr) *types.Var {
	if f := SelectedField(info, e); f != nil {
		return f
	}
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, _ := info.ObjectOf(id).(*types.Var)
		return v
	}
	return nil
}

// StoredIn returns the variable or field that the value at cur is
// stored in where it is made: by an assignment (x = v, s.f = v, x := v),
// a declaration (var x = v) or a keyed or positional field of a struct
// literal (T{f: v}), looking through & (&T{...}); nil when the value
// goes elsewhere (returned, passed, sent).
func StoredIn(info *types.Info, cur inspector.Cursor) *types.Var {
	n := cur.Node()
	switch p := cur.Parent().Node().(type) {
	case *ast.UnaryExpr:
		if p.Op == token.AND {
			return StoredIn(info, cur.Parent())
		}
	case *ast.ParenExpr:
		return StoredIn(info, cur.Parent())
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, r := range p.Rhs {
				if r == n {
					return VarOf(info, p.Lhs[i])
				}
			}
		}
	case *ast.ValueSpec:
		for i, v := range p.Values {
			if v == n && i < len(p.Names) {
				return VarOf(info, p.Names[i])
			}
		}
	case *ast.KeyValueExpr:
		if lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit); ok && p.Value == n {
			return literalField(info, lit, n)
		}
	case *ast.CompositeLit:
		return literalField(info, p, n)
	}
	return nil
}

func literalField(info *types.Info, lit *ast.CompositeLit, v ast.Node) *types.Var {
	for _, fv := range LiteralFields(info, lit) {
		if fv.Value == v {
			return fv.Field
		}
	}
	return nil
}
