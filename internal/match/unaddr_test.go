package match

import (
	"go/ast"
	"go/parser"
	"go/types"
	"testing"
)

func TestCompositeLit(t *testing.T) {
	for _, tc := range []struct {
		src     string
		lit     bool
		unaddrs string // the type of Unaddr's result
	}{
		{"T{A: 1}", true, "*ast.CompositeLit"},
		{"&T{A: 1}", true, "*ast.CompositeLit"},
		{"(&(T{}))", true, "*ast.CompositeLit"},
		{"&x", false, "*ast.Ident"},
		{"(x)", false, "*ast.Ident"},
		{"*p", false, "*ast.StarExpr"},
		{"f(T{})", false, "*ast.CallExpr"},
	} {
		e, err := parser.ParseExpr(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		if got := CompositeLit(e) != nil; got != tc.lit {
			t.Errorf("CompositeLit(%s) found a literal: %v, want %v", tc.src, got, tc.lit)
		}
		if got := typeName(Unaddr(e)); got != tc.unaddrs {
			t.Errorf("Unaddr(%s) is a %s, want %s", tc.src, got, tc.unaddrs)
		}
	}
}

func typeName(e ast.Expr) string {
	switch e.(type) {
	case *ast.CompositeLit:
		return "*ast.CompositeLit"
	case *ast.Ident:
		return "*ast.Ident"
	case *ast.StarExpr:
		return "*ast.StarExpr"
	case *ast.CallExpr:
		return "*ast.CallExpr"
	}
	return "other"
}

func TestIsError(t *testing.T) {
	errType := types.Universe.Lookup("error").Type()
	named := types.NewNamed(types.NewTypeName(0, nil, "myErr", nil), types.NewStruct(nil, nil), nil)
	for _, tc := range []struct {
		t    types.Type
		want bool
	}{
		{errType, true},
		{types.Typ[types.String], false},
		{named, false}, // a type that may implement error is not the interface
		{nil, false},
	} {
		if got := IsError(tc.t); got != tc.want {
			t.Errorf("IsError(%v) = %v, want %v", tc.t, got, tc.want)
		}
	}
}
