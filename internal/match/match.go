// Package match identifies functions, methods, variables and types by
// package path and name through their types.Object, never by the text of
// the source, so that renamed imports, dot imports, aliases and method
// values are all seen for what they are.
package match

import (
	"go/ast"
	"go/constant"
	"go/types"
	"iter"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
	htypeutil "honnef.co/go/tools/go/types/typeutil"
)

// Callee returns the function or method that call statically names
// (including interface methods), or nil for builtins, conversions and
// calls of function values.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsFunc reports whether fn is one of the package-level functions
// pkgPath.name for the given names.
func IsFunc(fn *types.Func, pkgPath string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	return slices.Contains(names, fn.Name())
}

// IsMethod reports whether fn is one of the named methods of the type
// pkgPath.typeName (value or pointer receiver, concrete or interface).
func IsMethod(fn *types.Func, pkgPath, typeName string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath || !slices.Contains(names, fn.Name()) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	switch recv := Deref(sig.Recv().Type()).(type) {
	case *types.Named:
		return recv.Obj().Name() == typeName
	case *types.Interface:
		// Export data gives abstract methods of a named interface the
		// bare interface as receiver: find the named type instead.
		tn, ok := fn.Pkg().Scope().Lookup(typeName).(*types.TypeName)
		if !ok {
			return false
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			return false
		}
		for m := range iface.Methods() {
			if m == fn {
				return true
			}
		}
	}
	return false
}

// Deref returns the type that t is or points to, aliases looked through.
func Deref(t types.Type) types.Type {
	t = types.Unalias(t)
	if p, ok := t.(*types.Pointer); ok {
		t = types.Unalias(p.Elem())
	}
	return t
}

// NamedStruct returns the named struct type that t is, points to or
// aliases, or nil.
func NamedStruct(t types.Type) *types.Named {
	n, ok := Deref(t).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := n.Underlying().(*types.Struct); !ok {
		return nil
	}
	return n
}

// RecvName returns the name of the type of fn's receiver (T for T and
// *T), or "" for a function, and for an abstract method that export data
// gives the bare interface as receiver.
func RecvName(fn *types.Func) string {
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return ""
	}
	if n, ok := Deref(sig.Recv().Type()).(*types.Named); ok {
		return n.Obj().Name()
	}
	return ""
}

// IsPkgVar reports whether obj is the package-level variable pkgPath.name.
func IsPkgVar(obj types.Object, pkgPath, name string) bool {
	v, ok := obj.(*types.Var)
	return ok && !v.IsField() && v.Pkg() != nil && v.Pkg().Path() == pkgPath &&
		v.Name() == name && v.Parent() == v.Pkg().Scope()
}

// IsType reports whether t is the named type qualified as
// "pkgpath.Name" (for example "net/http.Client"), seeing through aliases.
func IsType(t types.Type, qualified string) bool {
	return t != nil && htypeutil.IsTypeWithName(t, qualified)
}

// IsError reports whether t is the error interface itself.
func IsError(t types.Type) bool {
	return t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
}

// IsTypeOrPointer reports whether t is the named type qualified, or a
// pointer to it, seeing through aliases.
func IsTypeOrPointer(t types.Type, qualified string) bool {
	return IsType(t, qualified) || (t != nil && htypeutil.IsPointerToTypeWithName(t, qualified))
}

// Imports reports whether pkg directly imports any of paths. Analyzers
// use it to leave packages that cannot matter before doing any work.
func Imports(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		if slices.Contains(paths, imp.Path()) {
			return true
		}
	}
	return false
}

// Field returns the field of struct type t (or *t) named name, its index,
// and whether it was found.
func Field(t types.Type, name string) (*types.Var, int, bool) {
	t = types.Unalias(t)
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, 0, false
	}
	for i := range st.NumFields() {
		if f := st.Field(i); f.Name() == name {
			return f, i, true
		}
	}
	return nil, 0, false
}

// IsBuiltin reports whether call calls the builtin function name (make,
// append, len, new, ...), which no declaration can shadow unseen.
func IsBuiltin(info *types.Info, call *ast.CallExpr, name string) bool {
	id, ok := ast.Unparen(call.Fun).(*ast.Ident)
	if !ok {
		return false
	}
	b, ok := info.Uses[id].(*types.Builtin)
	return ok && b.Name() == name
}

// NoReturn reports whether call never returns to its caller: the panic
// builtin, os.Exit, runtime.Goexit, and log's Fatal and Panic functions
// and *log.Logger methods.
func NoReturn(info *types.Info, call *ast.CallExpr) bool {
	if IsBuiltin(info, call, "panic") {
		return true
	}
	fn := Callee(info, call)
	return IsFunc(fn, "os", "Exit") || IsFunc(fn, "runtime", "Goexit") ||
		IsFunc(fn, "log", logExits...) || IsMethod(fn, "log", "Logger", logExits...)
}

var logExits = []string{"Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"}

// EndsFunction reports whether the statement list ends by leaving the
// function: its last statement is a return, or a call that does not
// return (NoReturn: panic, os.Exit, log.Fatal).
func EndsFunction(info *types.Info, list []ast.Stmt) bool {
	if len(list) == 0 {
		return false
	}
	switch s := list[len(list)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && NoReturn(info, call)
	}
	return false
}

// IsMain reports whether decl is the function main of a package main.
func IsMain(pkg *types.Package, decl *ast.FuncDecl) bool {
	return decl.Recv == nil && decl.Name.Name == "main" && pkg != nil && pkg.Name() == "main"
}

// FuncDecl returns the declaration of fn among files, or nil if fn is
// declared elsewhere (another package, or no body in view).
func FuncDecl(files []*ast.File, info *types.Info, fn *types.Func) *ast.FuncDecl {
	for _, f := range files {
		if fn.Pos() < f.FileStart || fn.Pos() >= f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && info.Defs[fd.Name] == fn {
				return fd
			}
		}
	}
	return nil
}

// FuncDecls yields the function declarations with a body among files,
// with the function each declares.
func FuncDecls(files []*ast.File, info *types.Info) iter.Seq2[*types.Func, *ast.FuncDecl] {
	return func(yield func(*types.Func, *ast.FuncDecl) bool) {
		for _, f := range files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok && !yield(fn, fd) {
					return
				}
			}
		}
	}
}

// ConstString returns the value of e when it is a constant string.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	if e == nil {
		return "", false
	}
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
