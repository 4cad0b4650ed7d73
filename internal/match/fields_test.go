package match_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

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

func TestWireTag(t *testing.T) {
	for tag, want := range map[string]bool{
		`json:"name"`:                 true,
		`protobuf:"varint,1"`:         true,
		`db:"created_at"`:             true,
		`json:"-"`:                    false,
		`mapstructure:"x"`:            false,
		``:                            false,
		`json:"-" yaml:"x,omitempty"`: true,
	} {
		if got := match.WireTag(tag); got != want {
			t.Errorf("WireTag(%q) = %v, want %v", tag, got, want)
		}
	}
}

func TestSelectedFieldTag(t *testing.T) {
	const src = `package p

type Inner struct{ D int ` + "`json:\"d\"`" + ` }
type Outer struct {
	*Inner
	N int ` + "`db:\"n\"`" + `
}

func (Outer) M() {}

func f(o Outer) (int, int) { _ = o.M; return o.N, o.D }
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	ast.Inspect(file, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if tag, ok := match.SelectedFieldTag(info, sel); ok {
				got[sel.Sel.Name] = tag
			} else {
				got[sel.Sel.Name] = "none"
			}
		}
		return true
	})
	want := map[string]string{"N": `db:"n"`, "D": `json:"d"`, "M": "none"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("SelectedFieldTag(o.%s) = %q, want %q", k, got[k], v)
		}
	}
}

// StoredIn names where a made value is kept, and VarOf what an
// expression denotes; a value that goes elsewhere is kept nowhere.
func TestStoredIn(t *testing.T) {
	const src = `package p

type S struct{ ch chan int; n int }

var global = make(chan int, 1) // global

func f(s *S) chan int {
	local := make(chan int, 2) // local
	s.ch = make(chan int, 3)   // ch
	_ = &S{ch: make(chan int, 4)} // ch
	_ = S{make(chan int, 5), 0}   // ch
	use(make(chan int, 6))        // nowhere
	_ = local
	return make(chan int, 7)      // nowhere
}

func use(chan int) {}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	if _, err := new(types.Config).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	want := map[int]string{}
	for _, cg := range file.Comments {
		want[fset.Position(cg.Pos()).Line] = cg.List[0].Text[3:]
	}
	seen := 0
	for cur := range inspector.New([]*ast.File{file}).Root().Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "make" {
			continue
		}
		seen++
		got := "nowhere"
		if v := match.StoredIn(info, cur); v != nil {
			got = v.Name()
		}
		if w := want[fset.Position(call.Pos()).Line]; got != w {
			t.Errorf("line %d: StoredIn = %s, want %s", fset.Position(call.Pos()).Line, got, w)
		}
	}
	if seen != 7 {
		t.Errorf("saw %d make calls, want 7", seen)
	}
}
