package match_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/match"
)

// InnermostFunc finds the nearest function declaration or literal (the
// node itself when it is one), FuncParts its type and body, and
// OuterParens the outermost parentheses around an expression.
func TestInnermostFunc(t *testing.T) {
	const src = `package p

var top = a

func outer(x int) {
	_ = func(y string) {
		_ = ((b))
	}
	_ = c
}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	root := inspector.New([]*ast.File{f}).Root()
	want := map[string]string{"a": "<none>", "b": "y", "c": "x"} // identifier -> first parameter of its function
	seen := 0
	for cur := range root.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		w, ok := want[id.Name]
		if !ok {
			continue
		}
		seen++
		got := "<none>"
		if fn, ok := match.InnermostFunc(cur); ok {
			typ, body := match.FuncParts(fn.Node())
			if body == nil {
				t.Errorf("%s: FuncParts gave no body", id.Name)
			}
			got = typ.Params.List[0].Names[0].Name
			if self, ok := match.InnermostFunc(fn); !ok || self != fn {
				t.Errorf("%s: InnermostFunc of a function is not itself", id.Name)
			}
			if decl, ok := match.DeclOf(cur); ok != (id.Name == "c") || (ok && decl.Name.Name != "outer") {
				t.Errorf("%s: DeclOf = %v, %v; want outer only for c", id.Name, decl, ok)
			}
		}
		if got != w {
			t.Errorf("%s: InnermostFunc has parameter %s, want %s", id.Name, got, w)
		}
		outer := match.OuterParens(cur)
		if id.Name == "b" {
			_, paren := outer.Node().(*ast.ParenExpr)
			if _, assigned := outer.Parent().Node().(*ast.AssignStmt); !paren || !assigned {
				t.Errorf("OuterParens(b) = %T, want the outer parentheses", outer.Node())
			}
		} else if outer != cur {
			t.Errorf("OuterParens(%s) moved with no parentheses", id.Name)
		}
	}
	if seen != len(want) {
		t.Errorf("checked %d identifiers, want %d", seen, len(want))
	}
	if typ, body := match.FuncParts(f); typ != nil || body != nil {
		t.Error("FuncParts of a file gave a function")
	}
}
