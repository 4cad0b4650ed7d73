package edit

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// fakeImporter gives every import an empty package named by its path.
type fakeImporter struct{}

func (fakeImporter) Import(p string) (*types.Package, error) {
	pkg := types.NewPackage(p, path.Base(p))
	pkg.MarkComplete()
	return pkg, nil
}

func load(t *testing.T, src string) (*token.FileSet, *ast.File, *types.Package) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	conf := types.Config{Importer: fakeImporter{}, Error: func(error) {}}
	pkg, _ := conf.Check("a", fset, []*ast.File{f}, nil)
	return fset, f, pkg
}

// apply applies edits to src.
func apply(fset *token.FileSet, src string, edits ...analysis.TextEdit) string {
	slices.SortFunc(edits, func(a, b analysis.TextEdit) int { return int(b.Pos - a.Pos) })
	out := src
	for _, e := range edits {
		tf := fset.File(e.Pos)
		start, end := tf.Offset(e.Pos), tf.Offset(e.End)
		out = out[:start] + string(e.NewText) + out[end:]
	}
	return out
}

// firstLit returns the first composite literal of f.
func firstLit(f *ast.File) *ast.CompositeLit {
	var lit *ast.CompositeLit
	ast.Inspect(f, func(n ast.Node) bool {
		if l, ok := n.(*ast.CompositeLit); ok && lit == nil {
			lit = l
		}
		return lit == nil
	})
	return lit
}

func TestAddField(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"package a\n\ntype T struct{ A, X int }\n\nvar v = T{}\n", "package a\n\ntype T struct{ A, X int }\n\nvar v = T{X: 1}\n"},
		{"package a\n\ntype T struct{ A, X int }\n\nvar v = T{A: 2}\n", "package a\n\ntype T struct{ A, X int }\n\nvar v = T{A: 2, X: 1}\n"},
		{"package a\n\ntype T struct{ A, X int }\n\nvar v = T{\n\tA: 2,\n}\n", "package a\n\ntype T struct{ A, X int }\n\nvar v = T{\n\tA: 2,\n\tX: 1,\n}\n"},
	} {
		fset, f, _ := load(t, tc.src)
		e, ok := AddField(fset, firstLit(f), "X: 1")
		if !ok {
			t.Errorf("AddField(%q) not ok", tc.src)
			continue
		}
		if got := apply(fset, tc.src, e); got != tc.want {
			t.Errorf("AddField:\n%s\ngot:\n%s\nwant:\n%s", tc.src, got, tc.want)
		}
	}
	fset, f, _ := load(t, "package a\n\ntype T struct{ A, X int }\n\nvar v = T{1, 2}\n")
	if _, ok := AddField(fset, firstLit(f), "X: 1"); ok {
		t.Error("AddField on a positional literal is ok")
	}
}

func TestImport(t *testing.T) {
	for _, tc := range []struct {
		src, name, want string
		ok              bool
	}{
		{"package a\n\nvar v = 1\n", "time", "package a\n\nimport \"time\"\n\n\nvar v = 1\n", true}, // gofmt, which fixes go through, removes the blank line
		{"package a\n\nimport \"net/http\"\n\nvar v http.Header\n", "time", "package a\n\nimport \"net/http\"\nimport \"time\"\n\nvar v http.Header\n", true},
		{"package a\n\nimport (\n\t\"net/http\"\n)\n\nvar v http.Header\n", "time", "package a\n\nimport (\n\t\"net/http\"\n\t\"time\"\n)\n\nvar v http.Header\n", true},
		{"package a\n\nimport tm \"time\"\n\nvar v tm.Duration\n", "tm", "", true},
		{"package a\n\nimport . \"time\"\n\nvar v Duration\n", "", "", false},
		{"package a\n\nvar time = 1\n", "", "", false},
	} {
		fset, f, pkg := load(t, tc.src)
		name, e, ok := Import(pkg, f, f.Decls[len(f.Decls)-1].Pos(), "time")
		if ok != tc.ok || name != tc.name {
			t.Errorf("Import in\n%s\n= %q, %v; want %q, %v", tc.src, name, ok, tc.name, tc.ok)
			continue
		}
		if e == nil {
			if tc.want != "" {
				t.Errorf("Import in\n%s\nmade no edit", tc.src)
			}
			continue
		}
		if got := apply(fset, tc.src, *e); got != tc.want {
			t.Errorf("Import in\n%s\ngot:\n%s\nwant:\n%s", tc.src, got, tc.want)
		}
	}
}

func TestFileOf(t *testing.T) {
	_, f, _ := load(t, "package a\n")
	if FileOf([]*ast.File{f}, f.Name.Pos()) != f || FileOf([]*ast.File{f}, token.NoPos) != nil {
		t.Error("FileOf does not find the file of a position")
	}
}
