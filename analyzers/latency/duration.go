package latency

// The duration engine of the rules: whether a number is a duration, or
// one measured in this function from two readings of the clock.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// maxDepth bounds how many variables' definitions are followed from one
// expression (x := y; y := z ...), which also ends cycles (x = x + d).
const maxDepth = 4

// isDuration reports whether t is time.Duration.
func isDuration(t types.Type) bool { return match.IsType(t, "time.Duration") }

// durationMethods convert a time.Duration to a number of some unit.
var durationMethods = []string{"Seconds", "Milliseconds", "Microseconds", "Nanoseconds", "Minutes", "Hours"}

// derived reports whether expr is a number computed from a value that
// leaf accepts (a time.Duration, of some origin): the value itself, a
// conversion, its Seconds (and the like), a scaling by a non-duration,
// or a local variable that only ever holds such numbers. The position
// returned is leaf's.
func (c *checker) derived(cur inspector.Cursor, expr ast.Expr, depth int, leaf func(ast.Expr, int) (token.Pos, bool)) (token.Pos, bool) {
	if depth > maxDepth {
		return token.NoPos, false
	}
	expr = ast.Unparen(expr)
	tv, ok := c.info.Types[expr]
	if !ok || tv.Value != nil {
		return token.NoPos, false // constants are configuration, not measurements
	}
	if isDuration(tv.Type) {
		return c.derivedDuration(cur, expr, depth, leaf)
	}
	switch e := expr.(type) {
	case *ast.CallExpr:
		if ftv, ok := c.info.Types[e.Fun]; ok && ftv.IsType() && len(e.Args) == 1 {
			return c.derived(cur, e.Args[0], depth, leaf) // float64(d)
		}
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return token.NoPos, false
		}
		if fn := match.Callee(c.info, e); match.IsMethod(fn, "time", "Duration", durationMethods...) {
			return c.derived(cur, sel.X, depth, leaf)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.ADD, token.SUB:
			if p, ok := c.derived(cur, e.X, depth, leaf); ok {
				return p, true
			}
			return c.derived(cur, e.Y, depth, leaf)
		case token.MUL, token.QUO:
			if p, ok := c.derived(cur, e.X, depth, leaf); ok && !c.durationish(cur, e.Y, depth) {
				return p, true
			}
			if e.Op == token.MUL && !c.durationish(cur, e.X, depth) {
				return c.derived(cur, e.Y, depth, leaf)
			}
		}
	case *ast.Ident:
		if mayHoldDuration(tv.Type) {
			return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.derived(cur, d, depth+1, leaf) })
		}
	}
	return token.NoPos, false
}

// mayHoldDuration reports whether a variable of type t can hold a
// duration or a number of some unit derived from one: time.Duration,
// floats and int64 (what Seconds and Milliseconds return). Plain ints
// hold counts and sizes; not following them keeps the analysis cheap.
func mayHoldDuration(t types.Type) bool {
	if t == nil {
		return false
	}
	if isDuration(t) {
		return true
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&(types.IsFloat) != 0 || ok && (b.Kind() == types.Int64 || b.Kind() == types.Uint64)
}

// derivedDuration is derived for an expression of type time.Duration. A
// Duration divided by a Duration is a count stored in a Duration
// (missed := time.Since(last)/interval - 1), not a duration.
func (c *checker) derivedDuration(cur inspector.Cursor, expr ast.Expr, depth int, leaf func(ast.Expr, int) (token.Pos, bool)) (token.Pos, bool) {
	switch e := expr.(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.QUO:
			if isDuration(c.info.TypeOf(e.Y)) && !c.isCount(cur, e.Y, depth+1) {
				return token.NoPos, false
			}
		case token.ADD, token.SUB:
			if p, ok := c.derived(cur, e.X, depth, leaf); ok {
				return p, true
			}
			return c.derived(cur, e.Y, depth, leaf)
		}
	case *ast.Ident:
		if v, ok := c.info.Uses[e].(*types.Var); ok && !v.IsField() {
			if body, ok := flow.EnclosingFunc(cur); ok {
				if _, ok := flow.Defs(c.info, body, v); ok {
					return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.derived(cur, d, depth+1, leaf) })
				}
			}
		}
	}
	return leaf(expr, depth)
}

// localDefs applies f to every value given to the local variable id in
// the function around cur; ok if f accepts all of them. It returns the
// smallest position f returns.
func (c *checker) localDefs(cur inspector.Cursor, id *ast.Ident, f func(ast.Expr) (token.Pos, bool)) (token.Pos, bool) {
	first, seen := token.NoPos, false
	ok := flow.EachDef(c.info, cur, id, func(d flow.Def) bool {
		if d.Expr == nil {
			return true // the zero value before the first assignment
		}
		if d.Index != 0 {
			return false // one of several results
		}
		p, ok := f(d.Expr)
		if ok && (!seen || p < first) {
			first, seen = p, true
		}
		return ok
	})
	if !ok {
		return token.NoPos, false
	}
	return first, seen
}

// durationish reports whether expr is a non-constant number computed
// from a time.Duration of any origin.
func (c *checker) durationish(cur inspector.Cursor, expr ast.Expr, depth int) bool {
	_, ok := c.derived(cur, expr, depth, func(ast.Expr, int) (token.Pos, bool) { return token.NoPos, true })
	return ok
}

// measured reports whether expr is a number computed from a duration
// measured in this function (time.Since of a reading of the clock, or
// the difference of two readings), and returns the position of the
// first reading. Durations from elsewhere (configuration, a field, a
// parameter) and ages of stored times are not measurements in view.
func (c *checker) measured(cur inspector.Cursor, expr ast.Expr, depth int) (token.Pos, bool) {
	return c.derived(cur, expr, depth, func(e ast.Expr, depth int) (token.Pos, bool) {
		return c.measuredDuration(cur, e, depth)
	})
}

// measuredDuration is measured for an expression of type time.Duration.
func (c *checker) measuredDuration(cur inspector.Cursor, expr ast.Expr, depth int) (token.Pos, bool) {
	if depth > maxDepth {
		return token.NoPos, false
	}
	switch e := ast.Unparen(expr).(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		switch {
		case fn == nil:
		case isSince(fn) && len(e.Args) == 1:
			return c.reading(cur, e.Args[0], depth)
		case match.IsMethod(fn, "time", "Time", "Sub") && len(e.Args) == 1:
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			if !ok {
				return token.NoPos, false
			}
			p1, ok1 := c.reading(cur, sel.X, depth)
			p2, ok2 := c.reading(cur, e.Args[0], depth)
			if ok1 && ok2 {
				return min(p1, p2), true
			}
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD || e.Op == token.SUB {
			if p, ok := c.measuredDuration(cur, e.X, depth); ok {
				return p, true
			}
			return c.measuredDuration(cur, e.Y, depth)
		}
	case *ast.Ident:
		return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.measured(cur, d, depth+1) })
	}
	return token.NoPos, false
}

// isSince reports whether fn is time.Since or a clock's Since method
// (func(time.Time) time.Duration).
func isSince(fn *types.Func) bool {
	if match.IsFunc(fn, "time", "Since") {
		return true
	}
	sig, ok := fn.Type().(*types.Signature)
	return ok && fn.Name() == "Since" && sig.Recv() != nil && sig.Params().Len() == 1 && sig.Results().Len() == 1 &&
		match.IsType(sig.Params().At(0).Type(), "time.Time") && isDuration(sig.Results().At(0).Type())
}

// reading reports whether expr is a reading of the clock taken in this
// function: time.Now(), a clock's Now() (func() time.Time), or a local
// variable that only ever holds one. It returns the reading's position.
func (c *checker) reading(cur inspector.Cursor, expr ast.Expr, depth int) (token.Pos, bool) {
	if depth > maxDepth {
		return token.NoPos, false
	}
	switch e := ast.Unparen(expr).(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		if fn == nil || len(e.Args) != 0 {
			return token.NoPos, false
		}
		if match.IsFunc(fn, "time", "Now") {
			return e.Pos(), true
		}
		sig, ok := fn.Type().(*types.Signature)
		if ok && fn.Name() == "Now" && sig.Recv() != nil && sig.Results().Len() == 1 && match.IsType(sig.Results().At(0).Type(), "time.Time") {
			return e.Pos(), true
		}
	case *ast.Ident:
		return c.localDefs(cur, e, func(d ast.Expr) (token.Pos, bool) { return c.reading(cur, d, depth+1) })
	}
	return token.NoPos, false
}

// isOne reports whether expr is the constant 1 (a count of one event).
func isOne(info *types.Info, expr ast.Expr) bool {
	tv, ok := info.Types[expr]
	if !ok || tv.Value == nil {
		return false
	}
	switch tv.Value.Kind() {
	case constant.Int, constant.Float:
		return constant.Compare(tv.Value, token.EQL, constant.MakeInt64(1))
	}
	return false
}
