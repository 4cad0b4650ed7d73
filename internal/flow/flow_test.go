package flow_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
)

const src = `package p

import "context"

type T struct{ N int }
type Outer struct{ In *T; S struct{ X int } }

func f() (int, error) { return 0, nil }

func body(param *T) {
	x := &T{}            // lit:x
	var z T              // decl:z
	o := Outer{In: &T{}} // lit:o lit:o.In
	o.S.X = 1
	a, b := f()
	a = 2
	_, _ = a, b
	var w T
	p := &w
	_ = p
	x.N = 0
	x.N = 5
	_ = z
	ctx, cancel := context.WithTimeout(context.Background(), 1)
	defer cancel()
	inner, cancel2 := context.WithCancel(ctx)
	defer cancel2()
	bg := context.Background()
	_ = inner
	_ = bg
	_ = param
}
`

type fixture struct {
	fset *token.FileSet
	file *ast.File
	info *types.Info
	insp *inspector.Inspector
	body inspector.Cursor
}

func load(t *testing.T) *fixture {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	fx := &fixture{fset: fset, file: file, info: info, insp: inspector.New([]*ast.File{file})}
	for c := range fx.insp.Root().Preorder((*ast.FuncDecl)(nil)) {
		if c.Node().(*ast.FuncDecl).Name.Name == "body" {
			fx.body = c.ChildAt(edge.FuncDecl_Body, -1)
		}
	}
	return fx
}

// obj returns the variable named name declared in body.
func (fx *fixture) obj(t *testing.T, name string) *types.Var {
	for id, o := range fx.info.Defs {
		if id.Name == name {
			if v, ok := o.(*types.Var); ok && !v.IsField() {
				return v
			}
		}
	}
	t.Fatalf("no variable %s", name)
	return nil
}

func pathString(p flow.Path) string {
	if p.Root == nil {
		return "<none>"
	}
	s := p.Root.Name()
	for _, f := range p.Fields {
		s += "." + f.Name()
	}
	return s
}

// The composite literals on a line marked "// lit:PATH ..." are stored
// into those paths, in order.
func TestTarget(t *testing.T) {
	fx := load(t)
	want := make(map[int][]string) // line -> expected targets
	for _, cg := range fx.file.Comments {
		for _, f := range strings.Fields(cg.Text()) {
			if p, ok := strings.CutPrefix(f, "lit:"); ok {
				line := fx.fset.Position(cg.Pos()).Line
				want[line] = append(want[line], p)
			}
		}
	}
	checked := 0
	for c := range fx.body.Preorder((*ast.CompositeLit)(nil)) {
		line := fx.fset.Position(c.Node().Pos()).Line
		if len(want[line]) == 0 {
			continue
		}
		exp := want[line][0]
		want[line] = want[line][1:]
		checked++
		p, ok := flow.Target(fx.info, c)
		if !ok || pathString(p) != exp {
			t.Errorf("line %d: Target = %s %v, want %s", line, pathString(p), ok, exp)
		}
	}
	if checked != 3 {
		t.Errorf("checked %d literals, want 3", checked)
	}
}

func TestDefs(t *testing.T) {
	fx := load(t)
	for _, tc := range []struct {
		name  string
		n     int  // number of values
		ok    bool // all values in view
		first string
	}{
		{"x", 1, true, "&T{}"},
		{"z", 1, true, "<zero>"},
		{"a", 2, true, "f()"}, // a, b := f() (index 0) and a = 2
		{"w", 0, false, ""},   // its address is taken
		{"param", 0, false, ""},
	} {
		defs, ok := flow.Defs(fx.info, fx.body, fx.obj(t, tc.name))
		if ok != tc.ok || len(defs) != tc.n {
			t.Errorf("Defs(%s) = %d values, %v; want %d, %v", tc.name, len(defs), ok, tc.n, tc.ok)
			continue
		}
		if tc.n > 0 {
			got := "<zero>"
			if defs[0].Expr != nil {
				got = types.ExprString(defs[0].Expr)
			}
			if got != tc.first {
				t.Errorf("Defs(%s)[0] = %s, want %s", tc.name, got, tc.first)
			}
		}
	}
}

func TestFieldSet(t *testing.T) {
	fx := load(t)
	x := flow.Path{Root: fx.obj(t, "x")}
	if !flow.FieldSet(fx.info, fx.body, fx.body.Node().Pos(), x, "N") {
		t.Error("x.N = 5 not seen")
	}
	if flow.FieldSet(fx.info, fx.body, fx.body.Node().End(), x, "N") {
		t.Error("an assignment before pos was counted")
	}
	if flow.FieldSet(fx.info, fx.body, fx.body.Node().Pos(), flow.Path{Root: fx.obj(t, "z")}, "N") {
		t.Error("a field of another variable was counted")
	}
}

func TestContextHasDeadline(t *testing.T) {
	fx := load(t)
	for name, want := range map[string]bool{"ctx": true, "inner": true, "bg": false, "param": false} {
		id := ast.NewIdent(name)
		fx.info.Uses[id] = fx.obj(t, name)
		if got := flow.ContextHasDeadline(fx.info, fx.body, id); got != want {
			t.Errorf("ContextHasDeadline(%s) = %v, want %v", name, got, want)
		}
	}
}

// Assignments pairs each variable with the value it is given, in order.
func TestAssignments(t *testing.T) {
	fx := load(t)
	var got []string
	for v, d := range flow.Assignments(fx.info, fx.body) {
		val := "<zero>"
		if d.Expr != nil {
			val = types.ExprString(d.Expr)
		}
		if d.Index != 0 {
			val += "#" + string(rune('0'+d.Index))
		}
		got = append(got, v.Name()+"="+val)
	}
	want := "x=&T{} z=<zero> o=Outer{…} a=f() b=f()#1 a=2 w=<zero> p=&w " +
		"ctx=context.WithTimeout(context.Background(), 1) cancel=context.WithTimeout(context.Background(), 1)#1 " +
		"inner=context.WithCancel(ctx) cancel2=context.WithCancel(ctx)#1 bg=context.Background()"
	if s := strings.Join(got, " "); s != want {
		t.Errorf("Assignments:\n got %s\nwant %s", s, want)
	}
}
