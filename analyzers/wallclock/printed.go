package wallclock

// A name is not evidence on its own: a clock reading kept in a local
// variable whose every use is visible, and only prints it for an
// operator, orders, keys, versions and sends nothing.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// onlyPrinted reports whether target, the variable a clock value is
// given to, is a local variable of the function whose body is scope and
// every use of it is visible and only formats or logs it: an argument
// of a print or log call, or arithmetic, conversions and formatting
// whose results are in turn only printed (offset := now - days;
// log.Printf("starting at %d", offset)). A value stored in a field or
// a map, returned, sent, compared, passed to any other function, or
// whose address is taken could order, key or version something: false.
func (c *checker) onlyPrinted(scope inspector.Cursor, target ast.Expr) bool {
	id, ok := ast.Unparen(target).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || !c.localVar(scope, v) {
		return false
	}
	return c.varPrinted(scope, v, map[*types.Var]bool{})
}

// localVar reports whether v is declared in the body that scope is, and
// is neither a parameter nor a result of a function literal there (a
// named result leaves through a bare return).
func (c *checker) localVar(scope inspector.Cursor, v *types.Var) bool {
	n := scope.Node()
	if v.IsField() || v.Pos() < n.Pos() || v.Pos() >= n.End() {
		return false
	}
	for ft := range scope.Preorder((*ast.FuncType)(nil)) {
		if c.info.Scopes[ft.Node().(*ast.FuncType)] == v.Parent() {
			return false
		}
	}
	return true
}

// varPrinted reports whether every use of the local variable v in scope
// only prints it. seen guards against variables feeding each other.
func (c *checker) varPrinted(scope inspector.Cursor, v *types.Var, seen map[*types.Var]bool) bool {
	if seen[v] {
		return true // already being judged: its other uses decide
	}
	if len(seen) > maxDefDepth {
		return false
	}
	seen[v] = true
	for _, use := range flow.Uses(c.info, scope, v) {
		if c.written(use) {
			continue
		}
		if !c.usePrinted(scope, use, v, seen) {
			return false
		}
	}
	return true
}

// written reports whether the identifier at cur is the target of an
// assignment or an increment (x = ..., x -= n, x++): a write of the
// variable, not a use of its value elsewhere.
func (c *checker) written(cur inspector.Cursor) bool {
	cur = match.OuterParens(cur)
	switch p := cur.Parent().Node().(type) {
	case *ast.AssignStmt:
		return slices.Contains(p.Lhs, cur.Node().(ast.Expr))
	case *ast.IncDecStmt:
		return true
	}
	return false
}

// usePrinted reports whether the expression at cur, a value computed
// from the variable v, is only printed.
func (c *checker) usePrinted(scope inspector.Cursor, cur inspector.Cursor, v *types.Var, seen map[*types.Var]bool) bool {
	for range maxDefDepth + 2 {
		cur = match.OuterParens(cur)
		e := cur.Node().(ast.Expr)
		switch p := cur.Parent().Node().(type) {
		case *ast.BinaryExpr:
			switch p.Op {
			case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.SHL, token.SHR:
				cur = cur.Parent()
				continue
			}
			return false // compared, or combined with a logical operator
		case *ast.SelectorExpr:
			// x.String(), x.Format(layout): a text of the value.
			call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
			if !ok || call.Fun != p || p.X != e || !isTextMethod(match.Callee(c.info, call)) {
				return false
			}
			cur = cur.Parent().Parent()
			continue
		case *ast.CallExpr:
			if p.Fun == e {
				return false
			}
			if tv, ok := c.info.Types[p.Fun]; ok && tv.IsType() {
				cur = cur.Parent() // a conversion
				continue
			}
			fn := match.Callee(c.info, p)
			if isFormatting(fn) {
				cur = cur.Parent()
				continue
			}
			return c.isPrint(p, fn, e)
		case *ast.AssignStmt:
			i := slices.Index(p.Rhs, e)
			if i < 0 || len(p.Lhs) != len(p.Rhs) {
				return false
			}
			return c.printedVar(scope, p.Lhs[i], v, seen)
		case *ast.ValueSpec:
			i := slices.Index(p.Values, e)
			if i < 0 || len(p.Names) != len(p.Values) {
				return false
			}
			return c.printedVar(scope, p.Names[i], v, seen)
		default:
			return false
		}
	}
	return false
}

// printedVar reports whether lhs, given a value computed from v, is v
// itself (offset = offset - days) or another local variable that is
// only printed.
func (c *checker) printedVar(scope inspector.Cursor, lhs ast.Expr, v *types.Var, seen map[*types.Var]bool) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	w, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok {
		return false
	}
	return w == v || c.localVar(scope, w) && c.varPrinted(scope, w, seen)
}

// isTextMethod reports whether fn renders a value as text for a reader:
// a String method, or time.Time's Format.
func isTextMethod(fn *types.Func) bool {
	if fn == nil || fn.Signature().Recv() == nil {
		return false
	}
	return fn.Name() == "String" && fn.Signature().Params().Len() == 0 || match.IsMethod(fn, timePkg, "Time", "Format")
}

// isFormatting reports whether fn turns its arguments into a text or a
// time to be shown (fmt.Sprintf, strconv.FormatInt, time.Unix): its
// result is judged by where it goes in turn.
func isFormatting(fn *types.Func) bool {
	return match.IsFunc(fn, "fmt", "Sprint", "Sprintf", "Sprintln") ||
		match.IsFunc(fn, "strconv", "FormatInt", "FormatUint", "Itoa", "Quote") ||
		match.IsFunc(fn, timePkg, "Unix", "UnixMilli", "UnixMicro")
}

// logVerbs name the functions and methods of logging libraries whose
// variadic ...any arguments are only printed (log.Printf, a zap sugared
// logger's Infof, logrus's Warn, testing.T's Logf).
var logVerbs = map[string]bool{
	"Print": true, "Printf": true, "Println": true,
	"Log": true, "Logf": true, "Trace": true, "Tracef": true,
	"Debug": true, "Debugf": true, "Debugw": true,
	"Info": true, "Infof": true, "Infow": true,
	"Warn": true, "Warnf": true, "Warnw": true, "Warning": true, "Warningf": true,
	"Error": true, "Errorf": true, "Errorw": true,
	"Fatal": true, "Fatalf": true, "Fatalw": true, "Fatalln": true,
	"Panic": true, "Panicf": true, "Panicw": true, "Panicln": true,
}

// isPrint reports whether call prints arg for an operator: arg is one of
// the variadic ...any arguments of a function or method named like a
// log verb (log.Printf, fmt.Println, slog.Info, a logger's Infof), or
// of fmt.Fprint* to os.Stdout or os.Stderr. Other variadic ...any
// functions (sql's Exec, a client's Send) may store or send it.
func (c *checker) isPrint(call *ast.CallExpr, fn *types.Func, arg ast.Expr) bool {
	if fn == nil || call.Ellipsis.IsValid() {
		return false
	}
	sig := fn.Signature()
	if !sig.Variadic() || slices.Index(call.Args, arg) < sig.Params().Len()-1 {
		return false
	}
	last, ok := sig.Params().At(sig.Params().Len() - 1).Type().(*types.Slice)
	if !ok {
		return false
	}
	if iface, ok := last.Elem().Underlying().(*types.Interface); !ok || !iface.Empty() {
		return false
	}
	if match.IsFunc(fn, "fmt", "Fprint", "Fprintf", "Fprintln") {
		return len(call.Args) > 0 && isStdStream(c.info, call.Args[0])
	}
	return logVerbs[fn.Name()]
}

// isStdStream reports whether e is os.Stdout or os.Stderr.
func isStdStream(info *types.Info, e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	obj := info.Uses[sel.Sel]
	return match.IsPkgVar(obj, "os", "Stdout") || match.IsPkgVar(obj, "os", "Stderr")
}
