package wallclock

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

const (
	timePkg      = "time"
	timestampPkg = "google.golang.org/protobuf/types/known/timestamppb"
	cmpPkg       = "cmp"
)

// A timeRef is a wall-clock timestamp read from a struct field:
// e.CreatedAt, e.CreatedAt.UTC(), e.GetCreatedAt().AsTime(),
// e.CreatedAt.UnixNano().
type timeRef struct {
	field string     // the field's name, for messages
	owner types.Type // the struct type the field is read from
	base  ast.Expr   // the expression the field is selected on
	expr  ast.Expr   // the field selection (or getter call) itself
	obj   *types.Var // the field, or nil for a getter of no known field
}

// isTimeType reports whether t is time.Time or *time.Time.
func isTimeType(t types.Type) bool { return match.IsTypeOrPointer(t, "time.Time") }

// isTimestamp reports whether t is a protobuf *timestamppb.Timestamp.
func isTimestamp(t types.Type) bool {
	return match.IsTypeOrPointer(t, timestampPkg+".Timestamp")
}

// timeField returns the timestamp that expr reads from a struct field,
// following methods of time.Time that keep the instant (UTC, Local, In,
// Round, Truncate) and timestamppb's AsTime. With ints, the Unix*
// methods of such a timestamp are followed too.
func (c *checker) timeField(expr ast.Expr, ints bool) (timeRef, bool) {
	expr = ast.Unparen(expr)
	switch e := expr.(type) {
	case *ast.StarExpr:
		return c.timeField(e.X, ints)
	case *ast.SelectorExpr:
		s, ok := c.info.Selections[e]
		if !ok || s.Kind() != types.FieldVal {
			return timeRef{}, false
		}
		t := s.Obj().Type()
		if !isTimeType(t) && !isTimestamp(t) {
			// An embedded time.Time of a wrapper such as metav1.Time is
			// reached through the wrapper's field: e.Created.Time.
			return timeRef{}, false
		}
		if s.Obj().Name() == "Time" && len(s.Index()) == 1 {
			if outer, ok := c.timeFieldOfWrapper(e.X); ok {
				return outer, true
			}
		}
		return timeRef{field: s.Obj().Name(), owner: c.info.TypeOf(e.X), base: e.X, expr: e, obj: s.Obj().(*types.Var)}, true
	case *ast.CallExpr:
		fn := match.Callee(c.info, e)
		sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
		if fn == nil || !ok {
			return timeRef{}, false
		}
		switch {
		case match.IsMethod(fn, timePkg, "Time", "UTC", "Local", "In", "Round", "Truncate"),
			match.IsMethod(fn, timestampPkg, "Timestamp", "AsTime"):
			return c.timeField(sel.X, ints)
		case ints && match.IsMethod(fn, timePkg, "Time", "Unix", "UnixNano", "UnixMilli", "UnixMicro"):
			return c.timeField(sel.X, false)
		case len(e.Args) == 0 && fn.Signature().Recv() != nil && fn.Signature().Results().Len() == 1:
			// A getter on the element: e.GetCreatedAt(), e.Timestamp().
			if t := fn.Signature().Results().At(0).Type(); isTimeType(t) || isTimestamp(t) {
				if s, ok := c.info.Selections[sel]; !ok || s.Kind() != types.MethodVal {
					return timeRef{}, false
				}
				name := strings.TrimPrefix(fn.Name(), "Get")
				if name == "" || name == "Now" {
					return timeRef{}, false
				}
				owner := c.info.TypeOf(sel.X)
				f, _, _ := match.Field(owner, name)
				return timeRef{field: name, owner: owner, base: sel.X, expr: e, obj: f}, true
			}
		}
	}
	return timeRef{}, false
}

// timeFieldOfWrapper returns the timestamp field whose embedded Time
// expr.Time reads (metav1.Time-like wrappers), if expr is such a field.
func (c *checker) timeFieldOfWrapper(expr ast.Expr) (timeRef, bool) {
	sel, ok := ast.Unparen(expr).(*ast.SelectorExpr)
	if !ok {
		return timeRef{}, false
	}
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return timeRef{}, false
	}
	return timeRef{field: s.Obj().Name(), owner: c.info.TypeOf(sel.X), base: sel.X, expr: sel, obj: s.Obj().(*types.Var)}, true
}

// intTimeField returns the timestamp that an integer expression reads:
// the Unix* of a time field, or (when named allows) an integer field
// whose name says time (UpdatedAt, ModifiedTime, TS).
func (c *checker) intTimeField(expr ast.Expr, named bool) (timeRef, bool) {
	if r, ok := c.timeField(expr, true); ok {
		return r, true
	}
	if !named {
		return timeRef{}, false
	}
	e := ast.Unparen(expr)
	if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 {
		if tv, ok := c.info.Types[conv.Fun]; ok && tv.IsType() {
			e = ast.Unparen(conv.Args[0])
		}
	}
	sel, ok := e.(*ast.SelectorExpr)
	if !ok {
		return timeRef{}, false
	}
	s, ok := c.info.Selections[sel]
	if !ok || s.Kind() != types.FieldVal {
		return timeRef{}, false
	}
	t := s.Obj().Type()
	if b, ok := t.Underlying().(*types.Basic); !ok || b.Info()&types.IsInteger == 0 || match.IsType(t, "time.Duration") {
		return timeRef{}, false
	}
	if !timeFieldName(s.Obj().Name()) && !c.onlyClock(s.Obj().(*types.Var)) {
		return timeRef{}, false
	}
	return timeRef{field: s.Obj().Name(), owner: c.info.TypeOf(sel.X), base: sel.X, expr: sel, obj: s.Obj().(*types.Var)}, true
}

// A timeCmp is an ordering comparison of two timestamps.
type timeCmp struct {
	x, y timeRef
}

// deadline reports whether either side is a deadline or an expiry:
// ordering by it schedules work, it does not order events.
func (t timeCmp) deadline() bool { return isDeadlineName(t.x.field) || isDeadlineName(t.y.field) }

// storeStamped reports whether both sides are the modification time a
// file system or an object store records on write (ModTime, Mtime,
// LastModified): one clock, the store's, stamps every item it lists, so
// sorting them (keeping the newest backups) mixes no machines' clocks.
func (t timeCmp) storeStamped() bool {
	return isStoreStamp(t.x.field) && isStoreStamp(t.y.field)
}

func isStoreStamp(name string) bool {
	switch strings.ToLower(name) {
	case "modtime", "mtime", "lastmodified":
		return true
	}
	return false
}

// oneValue reports whether both timestamps belong to one value
// (jobs[i].EndedAt.Sub(jobs[i].StartedAt)): the comparison measures that
// value's own duration, and ordering by durations is not ordering by the
// wall clock.
func (t timeCmp) oneValue() bool {
	return t.x.base != nil && t.y.base != nil && types.ExprString(t.x.base) == types.ExprString(t.y.base)
}

// isOrdering reports whether op orders two values.
func isOrdering(op token.Token) bool {
	return op == token.LSS || op == token.GTR || op == token.LEQ || op == token.GEQ
}

// compareCall returns the comparison that a call of Before, After,
// Compare or Sub (when sub allows) of time.Time makes between two
// timestamp fields, or cmp.Compare/cmp.Less of their Unix* values.
func (c *checker) compareCall(call *ast.CallExpr, sub bool) (timeCmp, bool) {
	fn := match.Callee(c.info, call)
	if fn == nil {
		return timeCmp{}, false
	}
	names := []string{"Before", "After", "Compare"}
	if sub {
		names = append(names, "Sub")
	}
	if match.IsMethod(fn, timePkg, "Time", names...) && len(call.Args) == 1 {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if !ok {
			return timeCmp{}, false
		}
		x, okx := c.timeField(sel.X, false)
		y, oky := c.timeField(call.Args[0], false)
		return timeCmp{x, y}, okx && oky
	}
	if match.IsFunc(fn, cmpPkg, "Compare", "Less") && len(call.Args) == 2 {
		x, okx := c.intTimeField(call.Args[0], false)
		y, oky := c.intTimeField(call.Args[1], false)
		return timeCmp{x, y}, okx && oky
	}
	return timeCmp{}, false
}

// compareBinary returns the comparison that an ordering binary
// expression makes between two integer timestamps (Unix* of time
// fields; with named, integer fields whose name says time).
func (c *checker) compareBinary(b *ast.BinaryExpr, named bool) (timeCmp, bool) {
	if !isOrdering(b.Op) {
		return timeCmp{}, false
	}
	x, okx := c.intTimeField(b.X, named)
	y, oky := c.intTimeField(b.Y, named)
	return timeCmp{x, y}, okx && oky
}

// rootVar returns the variable that a timestamp's base expression is
// rooted at (e in e.Meta.CreatedAt), or nil.
func (c *checker) rootVar(e ast.Expr) *types.Var {
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := c.info.ObjectOf(x).(*types.Var)
			return v
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			// evs[i]: the element's root is the slice.
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.CallExpr:
			sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			e = sel.X
		default:
			return nil
		}
	}
}

// pathOf is flow.PathOf for a timestamp's base expression.
func (c *checker) pathOf(e ast.Expr) (flow.Path, bool) { return flow.PathOf(c.info, e) }
