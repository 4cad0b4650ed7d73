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

const src = `package p

import (
	"context"
	ctxpkg "context"
	. "strings"
)

type Doer interface{ Do() }
type T struct{}

func (*T) Do()          {}
func Background() int   { return 0 }
type Alias = T

func use(d Doer, t *T, a *Alias) {
	context.Background()  // call:context.Background
	ctxpkg.TODO()         // call:context.TODO
	Background()          // call:p.Background
	d.Do()                // call:(p.Doer).Do
	t.Do()                // call:(p.T).Do
	a.Do()                // call:(p.T).Do
	_ = ToUpper("x")      // call:strings.ToUpper
	_ = make([]int, 1)    // call:builtin make
	f := t.Do
	f()                   // call:none
}
`

func TestCalls(t *testing.T) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}, Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("p", fset, []*ast.File{file}, info)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{} // line -> expectation
	for _, cg := range file.Comments {
		if text := cg.Text(); len(text) > 5 && text[:5] == "call:" {
			want[fset.Position(cg.Pos()).Line] = text[5 : len(text)-1]
		}
	}
	checked := 0
	ast.Inspect(file, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		line := fset.Position(call.Pos()).Line
		exp, ok := want[line]
		if !ok {
			return true
		}
		checked++
		fn := match.Callee(info, call)
		switch exp {
		case "context.Background":
			ok = match.IsFunc(fn, "context", "Background") && !match.IsFunc(fn, "context", "TODO")
		case "context.TODO":
			ok = match.IsFunc(fn, "context", "Background", "TODO")
		case "p.Background":
			ok = match.IsFunc(fn, "p", "Background") && !match.IsFunc(fn, "context", "Background")
		case "(p.Doer).Do":
			ok = match.IsMethod(fn, "p", "Doer", "Do") && !match.IsFunc(fn, "p", "Do")
		case "(p.T).Do":
			ok = match.IsMethod(fn, "p", "T", "Do") && !match.IsMethod(fn, "p", "Doer", "Do")
		case "strings.ToUpper":
			ok = match.IsFunc(fn, "strings", "ToUpper")
		case "builtin make":
			ok = fn == nil && match.IsBuiltin(info, call, "make") && !match.IsBuiltin(info, call, "new")
		case "none":
			ok = fn == nil
		}
		if !ok {
			t.Errorf("line %d: %s not identified (callee %v)", line, exp, fn)
		}
		return true
	})
	if checked != len(want) {
		t.Errorf("checked %d calls, want %d", checked, len(want))
	}

	// Types through aliases and pointers.
	tObj := pkg.Scope().Lookup("T").Type()
	alias := pkg.Scope().Lookup("Alias").Type()
	if !match.IsType(alias, "p.T") || !match.IsTypeOrPointer(types.NewPointer(alias), "p.T") || match.IsType(types.NewPointer(tObj), "p.T") {
		t.Error("IsType/IsTypeOrPointer mishandle aliases or pointers")
	}
	if fd := match.FuncDecl([]*ast.File{file}, info, pkg.Scope().Lookup("use").(*types.Func)); fd == nil || fd.Name.Name != "use" {
		t.Error("FuncDecl did not find use")
	}

	// Named structs and receivers.
	doer := pkg.Scope().Lookup("Doer").Type()
	if n := match.NamedStruct(types.NewPointer(alias)); n == nil || n.Obj().Name() != "T" {
		t.Errorf("NamedStruct(*Alias) = %v, want p.T", n)
	}
	if match.NamedStruct(doer) != nil || match.NamedStruct(types.Typ[types.Int]) != nil {
		t.Error("NamedStruct accepts a non-struct")
	}
	do, _, _ := types.LookupFieldOrMethod(tObj, true, pkg, "Do")
	if got := match.RecvName(do.(*types.Func)); got != "T" {
		t.Errorf("RecvName((*T).Do) = %q, want T", got)
	}
	if got := match.RecvName(pkg.Scope().Lookup("Background").(*types.Func)); got != "" {
		t.Errorf("RecvName(Background) = %q, want none", got)
	}
}

// Methods of named interfaces loaded from export data have the bare
// interface as receiver; IsMethod still matches them.
func TestInterfaceMethodFromExportData(t *testing.T) {
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	nethttp, err := imp.Import("net/http")
	if err != nil {
		t.Fatal(err)
	}
	rt := nethttp.Scope().Lookup("RoundTripper").Type().Underlying().(*types.Interface)
	m := rt.Method(0)
	if !match.IsMethod(m, "net/http", "RoundTripper", "RoundTrip") {
		t.Errorf("RoundTripper.RoundTrip not matched (receiver %v)", m.Type().(*types.Signature).Recv().Type())
	}
	if match.IsMethod(m, "net/http", "Client", "RoundTrip") {
		t.Error("matched the wrong type")
	}
}

func TestNoReturnAndIsMain(t *testing.T) {
	const src = `package main

import (
	"log"
	"os"
	"runtime"
)

func main() {
	var l *log.Logger
	panic("x")        // noreturn
	os.Exit(1)        // noreturn
	runtime.Goexit()  // noreturn
	log.Fatalf("x")   // noreturn
	l.Panicln("x")    // noreturn
	log.Printf("x")   // returns
	os.Getenv("x")    // returns
	fatal()           // returns
}

func fatal() {}

type T struct{}

func (T) main() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}, Types: map[ast.Expr]types.TypeAndValue{}}
	pkg, err := (&types.Config{Importer: importer.Default()}).Check("main", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]bool{}
	for _, cg := range f.Comments {
		switch cg.Text() {
		case "noreturn\n":
			want[fset.Position(cg.Pos()).Line] = true
		case "returns\n":
			want[fset.Position(cg.Pos()).Line] = false
		}
	}
	seen := 0
	ast.Inspect(f, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		line := fset.Position(call.Pos()).Line
		if w, ok := want[line]; ok {
			seen++
			if got := match.NoReturn(info, call); got != w {
				t.Errorf("line %d: NoReturn = %v, want %v", line, got, w)
			}
		}
		return true
	})
	if seen != len(want) {
		t.Errorf("checked %d calls, want %d", seen, len(want))
	}
	var mains []string
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && match.IsMain(pkg, fd) {
			mains = append(mains, fd.Name.Name)
		}
	}
	if len(mains) != 1 {
		t.Errorf("IsMain matched %d functions, want 1 (main, not the method T.main or fatal)", len(mains))
	}
	if match.IsMain(types.NewPackage("p", "p"), f.Decls[1].(*ast.FuncDecl)) {
		t.Error("IsMain matched main outside package main")
	}
	// EndsFunction: main's body ends in fatal(), which returns; cut after
	// log.Fatalf it ends the function; an empty list does not.
	body := f.Decls[1].(*ast.FuncDecl).Body.List
	if match.EndsFunction(info, body) {
		t.Error("EndsFunction: a list ending in fatal() ends the function")
	}
	if !match.EndsFunction(info, body[:5]) {
		t.Error("EndsFunction: a list ending in log.Fatalf does not end the function")
	}
	if match.EndsFunction(info, nil) {
		t.Error("EndsFunction: an empty list ends the function")
	}
}

// FuncDecls yields declared functions and methods with a body, in order.
func TestFuncDecls(t *testing.T) {
	const src = `package p

func a() {}

//go:linkname b
func b()

type T struct{}

func (T) m() {}

var v = func() {}
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Defs: map[*ast.Ident]types.Object{}}
	if _, err := (&types.Config{}).Check("p", fset, []*ast.File{f}, info); err != nil {
		t.Fatal(err)
	}
	var got []string
	for fn, fd := range match.FuncDecls([]*ast.File{f}, info) {
		if fd.Name.Name != fn.Name() {
			t.Errorf("%s yielded with the declaration of %s", fn.Name(), fd.Name.Name)
		}
		got = append(got, fn.Name())
	}
	if s := strings.Join(got, " "); s != "a m" {
		t.Errorf("FuncDecls = %q, want \"a m\" (b has no body)", s)
	}
}

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
