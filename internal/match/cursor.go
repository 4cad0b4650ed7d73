package match

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/ast/inspector"
)

// CursorOf returns the cursor of n under root. It searches by position,
// skipping the subtrees that cannot hold n, so looking up every loop or
// function of a package costs about its depth each, where FindNode walks
// the whole tree each time (a package of thousands of functions made
// that quadratic).
func CursorOf(root inspector.Cursor, n ast.Node) (inspector.Cursor, bool) {
	if n == nil {
		return inspector.Cursor{}, false
	}
	if cur, ok := root.FindByPos(n.Pos(), n.End()); ok {
		// The innermost node with n's extent may be a child of n with the
		// same extent (a call statement's call): climb to n.
		for c := cur; c.Inspector() != nil; c = c.Parent() {
			if c.Node() == n {
				return c, true
			}
			if c.Node() == nil || c.Node().Pos() < n.Pos() || c.Node().End() > n.End() {
				break
			}
		}
	}
	return root.FindNode(n)
}

// InnermostFunc returns the innermost function declaration or literal
// enclosing cur (cur itself, if it is one). ok is false outside any
// function (package-level initializers). flow.EnclosingFunc, by
// contrast, gives the outermost one's body, for the view that closures
// share with their parent.
func InnermostFunc(cur inspector.Cursor) (fn inspector.Cursor, ok bool) {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return f, true
	}
	return inspector.Cursor{}, false
}

// DeclOf returns the function declaration whose own body cur is in:
// ok is false inside a function literal, or outside any function.
func DeclOf(cur inspector.Cursor) (*ast.FuncDecl, bool) {
	f, ok := InnermostFunc(cur)
	if !ok {
		return nil, false
	}
	decl, ok := f.Node().(*ast.FuncDecl)
	return decl, ok
}

// FuncParts returns the type and body of a function declaration or
// literal (body nil for a declaration without one), or nils for any
// other node.
func FuncParts(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type, n.Body
	case *ast.FuncLit:
		return n.Type, n.Body
	}
	return nil, nil
}

// OuterParens returns the outermost parenthesized expression around the
// expression at cur (cur itself when it has none).
func OuterParens(cur inspector.Cursor) inspector.Cursor {
	for {
		if _, ok := cur.Parent().Node().(*ast.ParenExpr); !ok {
			return cur
		}
		cur = cur.Parent()
	}
}

// RecvChan returns the channel that a select case's communication
// receives from (`<-ch`, `v := <-ch`, `v, ok = <-ch`), or nil for a send
// or anything else.
func RecvChan(comm ast.Stmt) ast.Expr {
	var x ast.Expr
	switch st := comm.(type) {
	case *ast.ExprStmt:
		x = st.X
	case *ast.AssignStmt:
		if len(st.Rhs) == 1 {
			x = st.Rhs[0]
		}
	}
	if u, ok := ast.Unparen(x).(*ast.UnaryExpr); ok && u.Op == token.ARROW {
		return u.X
	}
	return nil
}
