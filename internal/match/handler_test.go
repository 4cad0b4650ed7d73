package match_test

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"github.com/distlint/distlint/internal/match"
)

func TestHandlerRequest(t *testing.T) {
	const src = `package p

import "net/http"

func named(w http.ResponseWriter, r *http.Request)   {}
func unnamed(http.ResponseWriter, *http.Request)     {}
func blank(w http.ResponseWriter, _ *http.Request)   {}
func value(w http.ResponseWriter, r http.Request)    {}
func three(w http.ResponseWriter, r *http.Request, n int) {}
func swapped(r *http.Request, w http.ResponseWriter) {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	if _, err := (&types.Config{Importer: importer.ForCompiler(fset, "source", nil)}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	want := map[string]struct{ ok, named bool }{
		"named": {true, true}, "unnamed": {true, false}, "blank": {true, false},
		"value": {false, false}, "three": {false, false}, "swapped": {false, false},
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok {
			continue
		}
		req, ok := match.HandlerRequest(info, fd.Type)
		w := want[fd.Name.Name]
		if ok != w.ok || (req != nil) != w.named {
			t.Errorf("%s: HandlerRequest = %v, %v; want a named request %v, ok %v", fd.Name.Name, req, ok, w.named, w.ok)
		}
		if req != nil && req.Name() != "r" {
			t.Errorf("%s: request %s, want r", fd.Name.Name, req.Name())
		}
	}
}
