package match_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"github.com/distlint/distlint/internal/match"
)

// LocalCallees lists the package's functions a body calls, by origin,
// once each, in order, through literals, and nothing else.
func TestLocalCallees(t *testing.T) {
	const src = `package p

import "strings"

type T[E any] struct{}

func (T[E]) m() {}
func g[E any]() {}
func h()        {}

func f(t T[int]) {
	g[int]()
	t.m()
	func() { h() }()
	g[string]()
	_ = strings.ToUpper("x")
	var fv func()
	fv()
	f(t)
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Defs:      map[*ast.Ident]types.Object{},
		Uses:      map[*ast.Ident]types.Object{},
		Types:     map[ast.Expr]types.TypeAndValue{},
		Instances: map[*ast.Ident]types.Instance{},
	}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	var body ast.Node
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.Name == "f" {
			body = fd.Body
		}
	}
	var got []string
	for _, fn := range match.LocalCallees(info, pkg, body) {
		if fn != fn.Origin() {
			t.Errorf("%s is an instance, not its origin", fn)
		}
		got = append(got, fn.Name())
	}
	if s := strings.Join(got, " "); s != "g m h f" {
		t.Errorf("LocalCallees = %q, want \"g m h f\"", s)
	}
}
