package latency

// A mean hides a tail only from someone who reads it. A mean of durations
// that the program uses (to rank peers, to size a wait) is a control
// input, not a latency report; a mean that is printed, logged, recorded
// into a metric or handed out as an average is one.

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
)

// meanWords say that a field or a function holds an average.
var meanWords = map[string]bool{"avg": true, "average": true, "averages": true, "mean": true, "means": true}

// reportWords say that a type or a function exists to be read by
// someone: a statistics or metrics view of the program.
var reportWords = map[string]bool{
	"stat": true, "stats": true, "statistics": true, "metric": true, "metrics": true,
	"report": true, "summary": true, "snapshot": true,
}

// shown reports whether the mean at cur reaches a reader: through unit
// methods, conversions, arithmetic, formatting (fmt.Sprintf, String) and
// local variables, it is printed or logged (fmt.Print*, log, slog, a
// logger's Infof), recorded into a metric (a gauge, counter, histogram or
// statsd call), returned by a function whose name or receiver type says
// average or report (Mean, AvgLatency, Stats.Latency, Snapshot), or
// stored in a field that says average (AvgRTT) or that goes on the wire
// (a json, yaml, protobuf... tag), or in a field of a type that says
// report (a Stats, Metrics or Summary struct). A mean stored elsewhere,
// returned by any other function, compared, or handed to a function
// that is neither a print nor a metric is used by the program (a ping
// result folded into a peer ranking) and is no one's latency report.
func (c *checker) shown(cur inspector.Cursor) bool {
	return c.shownFrom(cur, make(map[*types.Var]bool))
}

func (c *checker) shownFrom(cur inspector.Cursor, seen map[*types.Var]bool) bool {
	unit := func(fn *types.Func) bool {
		return match.IsMethod(fn, "time", "Duration", durationMethods...) || match.TextMethod(fn)
	}
	cur = match.Carried(c.info, cur, unit, maxDepth+2)
	e := cur.Node().(ast.Expr)
	switch p := cur.Parent().Node().(type) {
	case *ast.CallExpr:
		fn := match.Callee(c.info, p)
		return p.Fun != e && (match.PrintArg(c.info, p, fn, e) || metricCall(fn))
	case *ast.ReturnStmt:
		return c.reportingFunc(cur)
	case *ast.AssignStmt:
		i := slices.Index(p.Rhs, e)
		if i < 0 || len(p.Lhs) != len(p.Rhs) {
			return false
		}
		return c.shownIn(cur, p.Lhs[i], seen)
	case *ast.ValueSpec:
		i := slices.Index(p.Values, e)
		if i < 0 || len(p.Names) != len(p.Values) {
			return false
		}
		return c.shownIn(cur, p.Names[i], seen)
	case *ast.KeyValueExpr:
		lit, ok := cur.Parent().Parent().Node().(*ast.CompositeLit)
		id, isIdent := p.Key.(*ast.Ident)
		return ok && isIdent && p.Value == e && c.reportField(c.info.TypeOf(lit), id.Name)
	}
	return false // compared, or handed to a function that neither prints nor records
}

// shownIn reports whether the value stored into lhs reaches a reader: a
// field that says so (see reportField), or a local variable one of whose
// uses does.
func (c *checker) shownIn(cur inspector.Cursor, lhs ast.Expr, seen map[*types.Var]bool) bool {
	lhs = ast.Unparen(lhs)
	if sel, ok := lhs.(*ast.SelectorExpr); ok {
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			return false
		}
		if tag, ok := match.SelectedFieldTag(c.info, sel); ok && match.WireTag(tag) {
			return true
		}
		return c.reportField(s.Recv(), sel.Sel.Name)
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.info.ObjectOf(id).(*types.Var)
	if !ok || v.IsField() || seen[v] || len(seen) > maxDepth {
		return false
	}
	seen[v] = true
	scope, ok := flow.EnclosingFunc(cur)
	if !ok || v.Pos() < scope.Node().Pos() || v.Pos() >= scope.Node().End() {
		return false // a package variable or a captured one: its readers are out of view
	}
	for _, use := range flow.Uses(c.info, scope, v) {
		if c.shownFrom(use, seen) {
			return true
		}
	}
	return false
}

// reportField reports whether the field name of the struct type t (or a
// pointer to it) is one a reader reads as an average: its name says
// average, it goes on the wire, or t's name says report.
func (c *checker) reportField(t types.Type, name string) bool {
	if names.HasWord(name, func(w string) bool { return meanWords[w] }) {
		return true
	}
	if t == nil {
		return false
	}
	t = match.Deref(t)
	if named, ok := t.(*types.Named); ok && names.HasWord(named.Obj().Name(), func(w string) bool { return reportWords[w] }) {
		return true
	}
	if st, ok := t.Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			if st.Field(i).Name() == name {
				return match.WireTag(st.Tag(i))
			}
		}
	}
	return false
}

// reportingFunc reports whether the function that the return statement
// at cur returns from hands out an average or a report: its name, or
// its receiver type's name, says so (Mean, AvgLatency, Stats.Latency).
func (c *checker) reportingFunc(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		decl, ok := e.Node().(*ast.FuncDecl)
		if !ok {
			return false // a function literal's callers are out of view
		}
		says := func(w string) bool { return meanWords[w] || reportWords[w] }
		fn, _ := c.info.Defs[decl.Name].(*types.Func)
		return names.HasWord(decl.Name.Name, says) || fn != nil && names.HasWord(match.RecvName(fn), says)
	}
	return false
}

// metricCall reports whether fn records its arguments into a metric: a
// gauge or counter this analyzer knows, an Observe or Record method, or
// a function of a statsd client.
func metricCall(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if _, ok := sinkOf(fn); ok || fn.Name() == "Observe" || fn.Name() == "Record" {
		return true
	}
	return fn.Pkg() != nil && strings.Contains(fn.Pkg().Path(), "statsd")
}
