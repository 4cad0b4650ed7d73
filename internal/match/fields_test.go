package match_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/distlint/distlint/internal/match"
)

func TestFields(t *testing.T) {
	const fieldsSrc = `package p

type T struct{ A, B int }

func f(t T) (T, int) {
	return T{A: 1, B: 2}, (t.A)
}

func g() T { return T{3, 4} }
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", fieldsSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	var lits []*ast.CompositeLit
	var sel ast.Expr
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			lits = append(lits, n)
		case *ast.ParenExpr:
			sel = n
		}
		return true
	})
	if f := match.SelectedField(info, sel); f == nil || f.Name() != "A" {
		t.Errorf("SelectedField((t.A)) = %v, want field A", f)
	}
	if f := match.SelectedField(info, lits[0]); f != nil {
		t.Errorf("SelectedField(literal) = %v, want nil", f)
	}
	for _, lit := range lits {
		fvs := match.LiteralFields(info, lit)
		if len(fvs) != 2 || fvs[0].Field.Name() != "A" || fvs[1].Field.Name() != "B" {
			t.Errorf("LiteralFields = %v, want A and B", fvs)
		}
	}
}
