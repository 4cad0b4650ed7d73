package match

// Where a value is only shown to an operator: printed, logged or
// formatted into text.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"
)

// TextMethod reports whether fn renders a value as text for a reader:
// a String method, or time.Time's Format.
func TextMethod(fn *types.Func) bool {
	if fn == nil || fn.Signature().Recv() == nil {
		return false
	}
	return fn.Name() == "String" && fn.Signature().Params().Len() == 0 || IsMethod(fn, "time", "Time", "Format")
}

// Formatting reports whether fn turns its arguments into a text or a
// time to be shown (fmt.Sprintf, strconv.FormatInt, time.Unix): its
// result is judged by where it goes in turn.
func Formatting(fn *types.Func) bool {
	return IsFunc(fn, "fmt", "Sprint", "Sprintf", "Sprintln") ||
		IsFunc(fn, "strconv", "FormatInt", "FormatUint", "Itoa", "Quote") ||
		IsFunc(fn, "time", "Unix", "UnixMilli", "UnixMicro")
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

// PrintArg reports whether call, a call of fn, prints arg for an operator: arg is one of
// the variadic ...any arguments of a function or method named like a
// log verb (log.Printf, fmt.Println, slog.Info, a logger's Infof), or
// of fmt.Fprint* to os.Stdout or os.Stderr. Other variadic ...any
// functions (sql's Exec, a client's Send) may store or send it.
func PrintArg(info *types.Info, call *ast.CallExpr, fn *types.Func, arg ast.Expr) bool {
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
	if IsFunc(fn, "fmt", "Fprint", "Fprintf", "Fprintln") {
		return len(call.Args) > 0 && isStdStream(info, call.Args[0])
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
	return IsPkgVar(obj, "os", "Stdout") || IsPkgVar(obj, "os", "Stderr")
}

// Carried follows the value of the expression at cur up through what
// only carries it to another form: parentheses, conversions, arithmetic
// (+ - * / % << >>), a method of the value that method admits (a unit or
// a text of it: d.Seconds(), t.String()), and formatting calls
// (Formatting: fmt.Sprintf, strconv.Itoa). It returns the cursor of the
// last such form, whose parent does something else with the value
// (prints it, stores it, returns it, compares it). It stops after depth
// steps.
func Carried(info *types.Info, cur inspector.Cursor, method func(*types.Func) bool, depth int) inspector.Cursor {
	for range depth {
		cur = OuterParens(cur)
		e := cur.Node().(ast.Expr)
		switch p := cur.Parent().Node().(type) {
		case *ast.BinaryExpr:
			switch p.Op {
			case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.SHL, token.SHR:
				cur = cur.Parent()
				continue
			}
		case *ast.SelectorExpr:
			call, ok := cur.Parent().Parent().Node().(*ast.CallExpr)
			if ok && call.Fun == p && p.X == e && method(Callee(info, call)) {
				cur = cur.Parent().Parent()
				continue
			}
		case *ast.CallExpr:
			if p.Fun == e {
				break
			}
			if tv, ok := info.Types[p.Fun]; ok && tv.IsType() {
				cur = cur.Parent() // a conversion
				continue
			}
			if Formatting(Callee(info, p)) {
				cur = cur.Parent()
				continue
			}
		}
		break
	}
	return OuterParens(cur)
}
