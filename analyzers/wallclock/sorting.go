package wallclock

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
	"github.com/distlint/distlint/internal/names"
)

// maxHelperDepth bounds how deep comparators are followed into helper
// functions and methods of the package (less -> byTime -> Before).
const maxHelperDepth = 2

// maxHelperStmts is the size of a "small" helper: larger functions do
// more than compare two timestamps.
const maxHelperStmts = 12

// sortCall checks sorting and min/max selection calls whose comparison
// orders cross-machine values by a wall-clock field. cur is the call's
// cursor.
func (c *checker) sortCall(cur inspector.Cursor, call *ast.CallExpr) {
	fn := match.Callee(c.info, call)
	if fn == nil {
		return
	}
	var (
		less ast.Expr
		coll ast.Expr
		pick string // "", "earliest or latest" for min/max
	)
	switch {
	case match.IsFunc(fn, "sort", "Slice", "SliceStable") && len(call.Args) == 2:
		coll, less = call.Args[0], call.Args[1]
	case match.IsFunc(fn, "slices", "SortFunc", "SortStableFunc", "IsSortedFunc") && len(call.Args) == 2:
		coll, less = call.Args[0], call.Args[1]
	case match.IsFunc(fn, "slices", "MinFunc", "MaxFunc") && len(call.Args) == 2:
		coll, less = call.Args[0], call.Args[1]
		pick = "earliest"
		if fn.Name() == "MaxFunc" {
			pick = "latest"
		}
	case match.IsFunc(fn, "sort", "Sort", "Stable") && len(call.Args) == 1:
		c.sortInterface(cur, call, call.Args[0])
		return
	default:
		return
	}
	if fn.Name() == "IsSortedFunc" {
		return // checking an order decides nothing
	}
	cmp, ok := c.comparator(less, 0)
	if !ok || pick == "" && isSample(cmp) || !c.crossing(cmp, c.elemType(coll)) {
		return
	}
	if pick != "" {
		c.rep.Reportf(analysis.Range(call.Fun), "minmax",
			"%s event from different machines chosen by %s (wall clock): clock skew picks the wrong one; order by a sequence number or logical clock from one source", pick, cmp.x.field)
		return
	}
	c.reportSort(cur, call, coll, cmp)
}

// sortInterface checks sort.Sort(x) and sort.Stable(x) through x's Less
// method (sort.Reverse is looked through).
func (c *checker) sortInterface(cur inspector.Cursor, call *ast.CallExpr, arg ast.Expr) {
	if inner, ok := ast.Unparen(arg).(*ast.CallExpr); ok && match.IsFunc(match.Callee(c.info, inner), "sort", "Reverse") && len(inner.Args) == 1 {
		arg = inner.Args[0]
	}
	t := c.info.TypeOf(arg)
	if t == nil {
		return
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, c.pass.Pkg, "Less")
	m, ok := obj.(*types.Func)
	if !ok {
		return
	}
	decl := c.decl(m)
	if decl == nil {
		return
	}
	cmp, ok := c.compareIn(decl.Body, 0)
	if !ok || isSample(cmp) || !c.crossing(cmp, c.elemType(arg)) {
		return
	}
	// The sorted collection is the converted slice: byCreated(evs).
	coll := arg
	if conv, ok := ast.Unparen(arg).(*ast.CallExpr); ok && len(conv.Args) == 1 && c.info.Types[conv.Fun].IsType() {
		coll = conv.Args[0]
	}
	c.reportSort(cur, call, coll, cmp)
}

// reportSort reports a sort of coll by a wall-clock field: by default
// only when the code then takes its first or last element (the order
// decides which one), with -wallclock.strict every sort.
func (c *checker) reportSort(cur inspector.Cursor, call *ast.CallExpr, coll ast.Expr, cmp timeCmp) {
	rng := analysis.Range(call.Fun)
	if end := c.taken(cur, call, coll); end != "" {
		c.rep.Reportf(rng, "sort",
			"events from different machines sorted by %s (wall clock) and the %s one taken: clock skew picks the wrong one; order by a sequence number or logical clock from one source", cmp.x.field, end)
		return
	}
	if !c.strict {
		return // an order for display or a listing decides nothing
	}
	c.rep.Reportf(rng, "sort",
		"events from different machines sorted by %s (wall clock): clock skew reorders them; order by a sequence number or logical clock from one source", cmp.x.field)
}

// taken returns "first" or "last" when, after the sort call at cur, the
// function making it reads the sorted collection's (the same variable or
// field path's) element 0 or len(x)-1, as a value, a field of it or
// a result (return evs[0].ID), and "" otherwise. Assigning to the
// element (x[0] = v, x[0].F = v, x[0].n++) takes nothing.
func (c *checker) taken(cur inspector.Cursor, call *ast.CallExpr, coll ast.Expr) string {
	p, ok := flow.PathOf(c.info, coll)
	if !ok {
		return ""
	}
	fn, ok := match.InnermostFunc(cur)
	if !ok {
		return ""
	}
	for ic := range fn.Preorder((*ast.IndexExpr)(nil)) {
		ix := ic.Node().(*ast.IndexExpr)
		if ix.Pos() < call.End() {
			continue
		}
		if q, ok := flow.PathOf(c.info, ix.X); !ok || !p.Equal(q) {
			continue
		}
		end := c.endIndex(ix.Index, p)
		if end != "" && !assigned(ic) {
			return end
		}
	}
	return ""
}

// endIndex returns "first" when idx is the constant 0, "last" when it is
// len(x)-1 of the collection at p, and "" otherwise.
func (c *checker) endIndex(idx ast.Expr, p flow.Path) string {
	if tv, ok := c.info.Types[idx]; ok && tv.Value != nil {
		if v := constant.ToInt(tv.Value); v.Kind() == constant.Int && constant.Sign(v) == 0 {
			return "first"
		}
		return ""
	}
	sub, ok := ast.Unparen(idx).(*ast.BinaryExpr)
	if !ok || sub.Op != token.SUB {
		return ""
	}
	if tv, ok := c.info.Types[sub.Y]; !ok || tv.Value == nil || !constant.Compare(constant.ToInt(tv.Value), token.EQL, constant.MakeInt64(1)) {
		return ""
	}
	l, ok := ast.Unparen(sub.X).(*ast.CallExpr)
	if !ok || len(l.Args) != 1 {
		return ""
	}
	if id, ok := ast.Unparen(l.Fun).(*ast.Ident); !ok || c.info.Uses[id] != types.Universe.Lookup("len") {
		return ""
	}
	if q, ok := flow.PathOf(c.info, l.Args[0]); ok && p.Equal(q) {
		return "last"
	}
	return ""
}

// assigned reports whether the element at ic is written rather than
// read: it, or a field or element of it, is the target of an assignment
// or of ++ and --.
func assigned(ic inspector.Cursor) bool {
	for {
		switch ic.ParentEdgeKind() {
		case edge.SelectorExpr_X, edge.IndexExpr_X, edge.ParenExpr_X, edge.StarExpr_X:
			ic = ic.Parent()
			continue
		case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
			return true
		}
		return false
	}
}

// crossing reports whether the compared timestamps belong to values
// from other processes: the struct owning the field, or the element type
// of the sorted collection, is decoded in this package; or it crosses a
// process boundary (tags, protobuf) and this package never sets the
// compared field itself. A package that stamps the field (a monitoring
// endpoint listing its own connections) sorts its own clock's readings.
func (c *checker) crossing(cmp timeCmp, elem types.Type) bool {
	if c.bound.isDecoded(cmp.x.owner) || c.bound.isDecoded(cmp.y.owner) || elem != nil && c.bound.isDecoded(elem) {
		return true
	}
	for _, r := range []timeRef{cmp.x, cmp.y} {
		if r.obj != nil && c.bound.stamped(r.obj) {
			return false
		}
	}
	if c.bound.crosses(cmp.x.owner) || c.bound.crosses(cmp.y.owner) {
		return true
	}
	return elem != nil && c.bound.crosses(elem)
}

// measureWords name a measured value: a field so named next to the
// timestamp makes the value a sample (a latency at a time).
var measureWords = map[string]bool{
	"latency": true, "elapsed": true, "rtt": true, "duration": true, "took": true, "value": true,
}

// isSample reports whether the sorted timestamps are samples' coordinates
// on a time axis: the struct owning the compared field also carries a
// measured value, a time.Duration or number field whose name says
// latency, elapsed, rtt, duration or took, or a float field named value
// (a load-test result, a metric point; an integer Value may be a
// register's state). Sorting samples by time lays them out for a plot or a
// time series; skew shifts one machine's points, no order is decided.
func isSample(cmp timeCmp) bool {
	for _, r := range []timeRef{cmp.x, cmp.y} {
		if r.owner == nil {
			return false
		}
		st, ok := types.Unalias(r.owner).Underlying().(*types.Struct)
		if p, isPtr := types.Unalias(r.owner).Underlying().(*types.Pointer); isPtr {
			st, ok = p.Elem().Underlying().(*types.Struct)
		}
		if !ok || !hasMeasure(st, r.obj) {
			return false
		}
	}
	return true
}

// hasMeasure reports whether st has a measured-value field other than ts.
func hasMeasure(st *types.Struct, ts *types.Var) bool {
	for i := range st.NumFields() {
		f := st.Field(i)
		if f == ts || ts != nil && f == ts.Origin() {
			continue
		}
		float := false
		if !match.IsType(f.Type(), "time.Duration") {
			b, ok := types.Unalias(f.Type()).Underlying().(*types.Basic)
			if !ok || b.Info()&types.IsNumeric == 0 {
				continue
			}
			float = b.Info()&types.IsFloat != 0
		}
		for _, w := range names.Words(f.Name()) {
			if measureWords[w] && (w != "value" || float) {
				return true
			}
		}
	}
	return false
}

// elemType returns the element type of a collection expression: a
// slice, an array, or a struct whose only slice field it sorts.
func (c *checker) elemType(coll ast.Expr) types.Type {
	t := c.info.TypeOf(coll)
	if t == nil {
		return nil
	}
	switch u := types.Unalias(t).Underlying().(type) {
	case *types.Slice:
		return u.Elem()
	case *types.Array:
		return u.Elem()
	case *types.Pointer:
		if a, ok := u.Elem().Underlying().(*types.Array); ok {
			return a.Elem()
		}
	}
	return nil
}

// comparator returns the timestamp comparison that a less or compare
// function makes: a function literal, or a function or method of this
// package named by its value.
func (c *checker) comparator(less ast.Expr, depth int) (timeCmp, bool) {
	switch f := ast.Unparen(less).(type) {
	case *ast.FuncLit:
		return c.compareIn(f.Body, depth)
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if id, ok := f.(*ast.Ident); ok {
			obj = c.info.ObjectOf(id)
		} else {
			obj = c.info.ObjectOf(f.(*ast.SelectorExpr).Sel)
		}
		fn, ok := obj.(*types.Func)
		if !ok {
			return timeCmp{}, false
		}
		if d := c.decl(fn); d != nil {
			return c.compareIn(d.Body, depth)
		}
	}
	return timeCmp{}, false
}

// compareIn returns a comparison of two timestamp fields that body
// makes (Before, After, Compare, Sub, or <, > and cmp.Compare of their
// Unix* values), directly or in a small helper of this package that it
// calls.
func (c *checker) compareIn(body *ast.BlockStmt, depth int) (timeCmp, bool) {
	if body == nil {
		return timeCmp{}, false
	}
	var (
		found timeCmp
		ok    bool
	)
	ast.Inspect(body, func(n ast.Node) bool {
		if ok {
			return false
		}
		switch n := n.(type) {
		case *ast.SwitchStmt:
			if c.columnChooser(n, body) {
				return false
			}
		case *ast.CallExpr:
			if cmp, isCmp := c.compareCall(n, true); isCmp && !cmp.deadline() && !cmp.oneValue() && !cmp.storeStamped() {
				found, ok = cmp, true
				return false
			}
			if depth < maxHelperDepth {
				if fn := match.Callee(c.info, n); fn != nil {
					if d := c.decl(fn); d != nil && small(d.Body) {
						if cmp, isCmp := c.compareIn(d.Body, depth+1); isCmp {
							found, ok = cmp, true
							return false
						}
					}
				}
			}
		case *ast.BinaryExpr:
			if cmp, isCmp := c.compareBinary(n, false); isCmp && !cmp.deadline() && !cmp.oneValue() && !cmp.storeStamped() {
				found, ok = cmp, true
				return false
			}
		}
		return true
	})
	return found, ok
}

// columnChooser reports whether sw, in the comparator body, picks the
// field to sort by from a value chosen outside the comparison (`switch
// c.sort { case "name": ...; case "conns": ...; case "uptime": ... }`):
// a table sorted for display by the column its user asked for, where
// the order decides nothing (natscli's server and connection reports).
// A switch on the compared values themselves (a kind, then a time) is a
// decision and is looked into.
func (c *checker) columnChooser(sw *ast.SwitchStmt, body *ast.BlockStmt) bool {
	if sw.Tag == nil || len(sw.Body.List) < 3 {
		return false
	}
	own := false
	ast.Inspect(sw.Tag, func(n ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !isID {
			return !own
		}
		if obj, isVar := c.info.Uses[id].(*types.Var); isVar && !obj.IsField() && obj.Kind() != types.RecvVar && c.declaredIn(obj, body) {
			own = true
		}
		return !own
	})
	return !own
}

// declaredIn reports whether v is a parameter or a local of the function
// whose body is body.
func (c *checker) declaredIn(v *types.Var, body *ast.BlockStmt) bool {
	if v.Pos() >= body.Pos() && v.Pos() < body.End() {
		return true
	}
	fs := c.pass.Pkg.Scope().Innermost(body.Lbrace)
	return fs != nil && v.Parent() == fs
}

// small reports whether a function body is small enough to be a
// comparison helper.
func small(body *ast.BlockStmt) bool {
	if body == nil {
		return false
	}
	n := 0
	ast.Inspect(body, func(x ast.Node) bool {
		if _, ok := x.(ast.Stmt); ok {
			n++
		}
		return n <= maxHelperStmts
	})
	return n <= maxHelperStmts
}

// decl returns the declaration of fn in this package, or nil.
func (c *checker) decl(fn *types.Func) *ast.FuncDecl {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		return nil
	}
	if d, ok := c.decls[fn]; ok {
		return d
	}
	d := match.FuncDecl(c.pass.Files, c.info, fn)
	c.decls[fn] = d
	return d
}
