package flow_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
)

const writesSrc = `package p

type T struct {
	a, b, c, e, g, h, i, k int
	Exp                    int
	never                  int
}

type U struct{ x, y int }

type G[X any] struct{ v X }

var (
	pv     = 1
	pm, pn = two()
	pz     int
	pr     int
	Pexp   = 2
)

func two() (int, int) { return 0, 0 }

func body(t *T, xs []int, m map[string]int) {
	t.a = 1
	t.a = pv
	_, t.b = two()
	_ = T{c: 3}
	_ = U{6, 7}
	p := &t.e
	_ = p
	for _, t.g = range xs {
	}
	t.h++
	t.i += 2
	t.Exp = 1
	pr = 3
	for pr = range xs {
	}
	var ok bool
	t.k, ok = m["k"]
	_ = ok
	var g G[int]
	g.v = 8
	local := 9
	local = 10
	_ = local
}
`

// render prints the writes as "kind value#index", one per write.
func render(t *testing.T, writes []flow.Write) string {
	t.Helper()
	kinds := map[flow.WriteKind]string{
		flow.WriteAssign: "assign", flow.WriteLiteral: "literal", flow.WriteUpdate: "update",
		flow.WriteAddress: "address", flow.WriteRange: "range",
	}
	var out []string
	for _, w := range writes {
		s := kinds[w.Kind]
		if w.Value != nil {
			// The value is read in the writing node.
			if n := w.Cursor.Node(); w.Value.Pos() < n.Pos() || w.Value.End() > n.End() {
				t.Errorf("value %s outside its writing node %T", types.ExprString(w.Value), n)
			}
			s += " " + types.ExprString(w.Value)
		} else if w.Kind == flow.WriteAssign {
			s += " <zero>"
		}
		if w.Index != 0 {
			s += "#" + string(rune('0'+w.Index))
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func TestWrites(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", writesSrc, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, err := new(types.Config).Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	w := flow.NewWrites(pkg, info, inspector.New([]*ast.File{file}).Root())

	field := func(typ, name string) *types.Var {
		st := pkg.Scope().Lookup(typ).Type().Underlying().(*types.Struct)
		for f := range st.Fields() {
			if f.Name() == name {
				return f
			}
		}
		t.Fatalf("no field %s.%s", typ, name)
		return nil
	}
	global := func(name string) *types.Var { return pkg.Scope().Lookup(name).(*types.Var) }
	local := func(name string) *types.Var {
		for id, obj := range info.Defs {
			if v, ok := obj.(*types.Var); ok && id.Name == name && !v.IsField() {
				return v
			}
		}
		t.Fatalf("no local %s", name)
		return nil
	}
	// The field v of G[int], an instance: asked by the instance's field,
	// answered by its generic origin's writes.
	instance := local("g").Type().Underlying().(*types.Struct).Field(0)
	if instance == instance.Origin() {
		t.Fatal("G[int].v is its own origin")
	}
	other := types.NewField(token.NoPos, types.NewPackage("q", "q"), "f", types.Typ[types.Int], false)

	for _, tc := range []struct {
		name   string
		v      *types.Var
		writes string // Of
		values string // Values
		ok     bool
	}{
		{"assignments", field("T", "a"), "assign 1; assign pv", "assign 1; assign pv", true},
		{"one of several results", field("T", "b"), "assign two()#1", "assign two()#1", true},
		{"comma-ok", field("T", "k"), `assign m["k"]`, `assign m["k"]`, true},
		{"keyed literal", field("T", "c"), "literal 3", "literal 3", true},
		{"unkeyed literal", field("U", "x"), "literal 6", "literal 6", true},
		{"unkeyed literal, second", field("U", "y"), "literal 7", "literal 7", true},
		{"generic instance", instance, "assign 8", "assign 8", true},
		{"never written", field("T", "never"), "", "", true},
		{"declaration", global("pv"), "assign 1", "assign 1", true},
		{"declaration of several results", global("pn"), "assign two()#1", "assign two()#1", true},
		{"declaration, first result", global("pm"), "assign two()", "assign two()", true},
		{"zero value", global("pz"), "assign <zero>", "assign <zero>", true},

		{"address taken", field("T", "e"), "address", "", false},
		{"range", field("T", "g"), "range", "", false},
		{"increment", field("T", "h"), "update", "", false},
		{"operator assignment", field("T", "i"), "update", "", false},
		{"exported field", field("T", "Exp"), "assign 1", "assign 1", false},
		{"exported variable", global("Pexp"), "assign 2", "assign 2", false},
		{"range over a package variable", global("pr"), "assign <zero>; assign 3; range", "assign <zero>; assign 3", false},
		{"another package's field", other, "", "", false},
		{"local variable: not indexed", local("local"), "", "", false},
		{"nil", nil, "", "", false},
	} {
		if got := render(t, w.Of(tc.v)); got != tc.writes {
			t.Errorf("%s: Of = %q, want %q", tc.name, got, tc.writes)
		}
		values, ok := w.Values(tc.v)
		if got := render(t, values); got != tc.values || ok != tc.ok {
			t.Errorf("%s: Values = %q, %v, want %q, %v", tc.name, got, ok, tc.values, tc.ok)
		}
	}
}
