package latency

// The mean and sum-and-count rules: averages of durations computed by
// hand, or made possible by summing durations next to a count.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

type sumRecord struct {
	cur   inspector.Cursor
	call  *ast.CallExpr
	block ast.Node
	val   ast.Expr
	start token.Pos // the clock reading the duration is measured from
}

// count notes that the block around cur counts events.
func (c *checker) count(cur inspector.Cursor) {
	c.counted[enclosingBlock(cur)] = true
}

// enclosingBlock returns the innermost statement list around cur.
func enclosingBlock(cur inspector.Cursor) ast.Node {
	for e := range cur.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		return e.Node()
	}
	return nil
}

func (c *checker) reportSums() {
	for _, s := range c.sums {
		// Once per run of a periodic job, the pair's ratio over any
		// window is one run's duration: nothing is averaged away.
		if s.block != nil && c.counted[s.block] && !c.periodicRun(s.cur) && !c.exportedToo(s) &&
			(c.strict || c.requestLatency(s.cur, s.call.Pos(), s.start)) {
			c.rep.Reportf(s.call, "sum-and-count",
				"duration summed into a counter next to a count of the same events: sum divided by count is an average, and an average hides the tail; %s (a histogram exports the sum and count too)", remedy)
		}
	}
}

type division struct {
	cur   inspector.Cursor
	bin   *ast.BinaryExpr
	total types.Object
}

// accumulate notes total += d (or total = total + d) for a duration d.
func (c *checker) accumulate(cur inspector.Cursor, as *ast.AssignStmt) {
	added := c.addend(as)
	if added == nil {
		return
	}
	k, ok := key(c.info, as.Lhs[0])
	if !ok || !mayHoldDuration(c.info.TypeOf(as.Lhs[0])) || !c.durationish(cur, added, 0) {
		return
	}
	c.totals[k] = append(c.totals[k], cur)
}

// addend returns d when as is total += d or total = total + d, and nil
// otherwise.
func (c *checker) addend(as *ast.AssignStmt) ast.Expr {
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return nil
	}
	switch as.Tok {
	case token.ADD_ASSIGN:
		return as.Rhs[0]
	case token.ASSIGN:
		bin, ok := ast.Unparen(as.Rhs[0]).(*ast.BinaryExpr)
		if !ok || bin.Op != token.ADD {
			return nil
		}
		lp, ok1 := flow.PathOf(c.info, as.Lhs[0])
		xp, ok2 := flow.PathOf(c.info, bin.X)
		if ok1 && ok2 && lp.Equal(xp) {
			return bin.Y
		}
	}
	return nil
}

// divide notes a division of a variable or field by a count.
func (c *checker) divide(cur inspector.Cursor, bin *ast.BinaryExpr) {
	if bin.Op != token.QUO {
		return
	}
	if total := c.totalOf(bin.X); total != nil {
		c.divisions = append(c.divisions, division{cur: cur, bin: bin, total: total})
	}
}

// totalOf returns the location that expr reads, through conversions and
// unit methods (float64(total), total.Seconds()).
func (c *checker) totalOf(expr ast.Expr) types.Object {
	expr, ok := c.quantity(expr)
	if !ok {
		return nil
	}
	k, ok := key(c.info, expr)
	if !ok {
		return nil
	}
	return k
}

// quantity returns the expression whose quantity expr carries, through
// conversions and unit methods (float64(total), total.Seconds()); ok is
// false for any other call.
func (c *checker) quantity(expr ast.Expr) (ast.Expr, bool) {
	for range maxDepth {
		expr = ast.Unparen(expr)
		call, ok := expr.(*ast.CallExpr)
		if !ok {
			break
		}
		if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
			expr = call.Args[0]
			continue
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		if ok && len(call.Args) == 0 && match.IsMethod(match.Callee(c.info, call), "time", "Duration", durationMethods...) {
			expr = sel.X
			continue
		}
		return nil, false
	}
	return ast.Unparen(expr), true
}

// isCount reports whether expr counts things: a non-constant number that
// is not computed from a duration (float64(n), time.Duration(len(xs))).
// A duration divided by a duration is a ratio (busy time over elapsed
// time), not a mean; a division by a constant changes units.
func (c *checker) isCount(cur inspector.Cursor, expr ast.Expr, depth int) bool {
	for range maxDepth {
		expr = ast.Unparen(expr)
		if tv, ok := c.info.Types[expr]; !ok || tv.Value != nil {
			return false
		}
		call, ok := expr.(*ast.CallExpr)
		if !ok {
			break
		}
		tv, ok := c.info.Types[call.Fun]
		if !ok || !tv.IsType() || len(call.Args) != 1 {
			break
		}
		expr = call.Args[0]
	}
	t := c.info.TypeOf(expr)
	if t == nil || isDuration(t) || c.durationish(cur, expr, depth) {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsNumeric != 0
}

func (c *checker) reportMeans() {
	for _, d := range c.divisions {
		sites := c.totals[d.total]
		if len(sites) > 0 && !c.allPeriodic(sites) && c.isCount(d.cur, d.bin.Y, 0) && !c.inBenchmark(d.cur) && !c.ranking(d) && !c.besidePercentiles(d) && !c.ofDistribution(d) && !c.reportedTotals(sites) && !c.controlUse(d.cur) &&
			(c.strict || c.requestTotals(sites) && c.shown(d.cur)) {
			c.rep.Reportf(d.bin, "mean",
				"average latency computed by hand (a running total of durations divided by a count): a mean hides the tail, one slow request in a hundred barely moves it; %s", remedy)
		}
	}
}

// requestLatency reports whether a duration measured from the clock
// reading at start and summed at cur (at is the summing's position) is
// a request's latency, by the gauge rule's standard: summed in a request
// handler or interceptor (once per request), or measured around a
// request (a network call between the reading and the sum, made
// directly or by a function the code calls). A loop that times each
// item it handles meets it when the timed handling makes a request; the
// durations of local work, waits and sleeps are no request's latency,
// and their average is a profile of the program, not of its service.
func (c *checker) requestLatency(cur inspector.Cursor, at, start token.Pos) bool {
	return c.inHandler(cur) || c.aroundRequest(cur, at, start)
}

// requestTotals reports whether the durations added to a total at sites
// may be requests' latencies: some site adds one measured in view that
// is (see requestLatency), or adds one measured out of view (a parameter,
// a field, a value returned by a call), whose origin the rule cannot
// judge and which keeps the mean rule's other decisions. Only a total
// whose every duration is measured in view, none around a request or in
// a handler, is no request's latency.
func (c *checker) requestTotals(sites []inspector.Cursor) bool {
	for _, site := range sites {
		start, ok := c.measured(site, c.addend(site.Node().(*ast.AssignStmt)), 0)
		if !ok || c.requestLatency(site, site.Node().Pos(), start) {
			return true
		}
	}
	return false
}

// export notes that the value at cur, recorded into a histogram, a
// summary or a gauge that the gauge rule leaves alone, is exported one
// duration at a time.
func (c *checker) export(cur inspector.Cursor, val ast.Expr) {
	q, ok := c.quantity(val)
	if !ok {
		return
	}
	if p, ok := flow.PathOf(c.info, q); ok {
		if b := enclosingBlock(cur); b != nil {
			c.exported[b] = append(c.exported[b], p)
		}
	}
}

// exportedToo reports whether the duration summed at s is, in the same
// block, also exported on its own (a gauge set to it, a histogram
// observing it): every run's duration is visible, and the sum and count
// beside it measure busy time and cadence, hiding no tail.
func (c *checker) exportedToo(s sumRecord) bool {
	q, ok := c.quantity(s.val)
	if !ok {
		return false
	}
	p, ok := flow.PathOf(c.info, q)
	if !ok {
		return false
	}
	for _, e := range c.exported[s.block] {
		if e.Equal(p) {
			return true
		}
	}
	return false
}

// fill notes the struct fields that an assignment stores into.
func (c *checker) fill(as *ast.AssignStmt) {
	for _, l := range as.Lhs {
		if sel, ok := ast.Unparen(l).(*ast.SelectorExpr); ok {
			if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
				if v, ok := s.Obj().(*types.Var); ok {
					c.filled[v] = true
				}
			}
		}
	}
}

// percentileName matches the names of fields that hold percentiles or
// quantiles: P50, P99, p999, P99_9, Pct95, Q99, Percentiles, Quantiles,
// Median.
var percentileName = regexp.MustCompile(`(?i)^((p|pct|q)_?\d+(_\d+)?|percentiles?|quantiles?|median)$`)

// besidePercentiles reports whether the mean at d is stored in a struct
// that also holds percentiles of the same samples, filled by the package
// (an assignment to one of them, or a non-zero value for one in the
// same composite literal): a load-test report's Mean column next to its
// P50 and P99, which shows the tail beside the mean.
func (c *checker) besidePercentiles(d division) bool {
	v := c.valueOf(d.cur)
	var st *types.Struct
	var lit *ast.CompositeLit
	switch p := v.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) != len(p.Rhs) {
			return false
		}
		i := slices.Index(p.Rhs, v.Node().(ast.Expr))
		if i < 0 {
			return false
		}
		sel, ok := ast.Unparen(p.Lhs[i]).(*ast.SelectorExpr)
		if !ok {
			return false
		}
		s, ok := c.info.Selections[sel]
		if !ok || s.Kind() != types.FieldVal {
			return false
		}
		st = structOf(s.Recv())
	case *ast.KeyValueExpr:
		l, ok := v.Parent().Parent().Node().(*ast.CompositeLit)
		if !ok || p.Value != v.Node() {
			return false
		}
		lit = l
		st = structOf(c.info.TypeOf(l))
	}
	if st == nil {
		return false
	}
	for f := range st.Fields() {
		if !percentileName.MatchString(f.Name()) {
			continue
		}
		if lit == nil && c.filled[f] {
			return true
		}
		if lit != nil {
			for _, e := range lit.Elts {
				kv, ok := e.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); ok && id.Name == f.Name() && !isZero(c.info, kv.Value) {
					return true
				}
			}
		}
	}
	return false
}

// quantileMethod matches the names of methods that read a quantile of a
// distribution: Query(0.99), Quantile(q), Percentile(p),
// ValueAtQuantile(q).
var quantileMethod = regexp.MustCompile(`^(Query|Quantile|Percentile|ValueAtQuantile|ValueAtPercentile)$`)

// ofDistribution reports whether the mean at d is returned by a method
// (by its own body, not by a function literal inside it)
// of a type that also answers quantiles of its samples: a method of the
// same type named like Query, Quantile or Percentile that takes one
// floating-point argument (monkit's DurationDist.FullAverage beside its
// Query(quantile)). A distribution that keeps the tail offers its mean
// as one statistic among the percentiles, for its caller to show beside
// them; a method of the type that logs, prints or records the mean
// itself, and a type whose Query takes anything else (a SQL string),
// show no tail.
func (c *checker) ofDistribution(d division) bool {
	if _, ok := c.valueOf(d.cur).Parent().Node().(*ast.ReturnStmt); !ok {
		return false
	}
	fd, ok := match.DeclOf(d.cur)
	if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
		return false
	}
	recv := c.info.TypeOf(fd.Recv.List[0].Type)
	if recv == nil {
		return false
	}
	if p, ok := recv.(*types.Pointer); ok {
		recv = p.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	if !ok {
		return false
	}
	for m := range named.Origin().Methods() {
		if !quantileMethod.MatchString(m.Name()) {
			continue
		}
		sig := m.Signature()
		if sig.Params().Len() != 1 || sig.Results().Len() != 1 {
			continue
		}
		if b, ok := sig.Params().At(0).Type().Underlying().(*types.Basic); ok && b.Info()&types.IsFloat != 0 {
			return true
		}
	}
	return false
}

// structOf returns the struct that t is or points to.
func structOf(t types.Type) *types.Struct {
	if t == nil {
		return nil
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	s, _ := t.Underlying().(*types.Struct)
	return s
}

// isZero reports whether expr is a constant zero or nil.
func isZero(info *types.Info, expr ast.Expr) bool {
	tv, ok := info.Types[expr]
	if !ok {
		return false
	}
	if tv.IsNil() {
		return true
	}
	if tv.Value == nil {
		return false
	}
	k := tv.Value.Kind()
	return (k == constant.Int || k == constant.Float) && constant.Sign(tv.Value) == 0
}

// reportedTotals reports whether every accumulation in sites adds a
// field of a wire type, one with an encoding tag (total +=
// e.ProcessingTime over a service's stats, `json:"processing_time"`):
// durations another process measured and reported, whose individual
// values never reach this code, so no histogram can be kept here. A
// field of an in-process record, a duration measured in view, or one
// handed in as a parameter, is not one.
func (c *checker) reportedTotals(sites []inspector.Cursor) bool {
	for _, site := range sites {
		added := c.addend(site.Node().(*ast.AssignStmt))
		q, ok := c.quantity(added)
		if !ok {
			return false
		}
		sel, ok := q.(*ast.SelectorExpr)
		if !ok || !wireField(c.info, sel) {
			return false
		}
		if _, ok := c.measured(site, added, 0); ok {
			return false
		}
	}
	return true
}

// controlUse reports whether the mean at cur is at once added to, or
// taken from, another duration that is not a constant (rttSum/n +
// replyTimeout): a wait derived from the running mean plus a slack the
// user sets, which the program acts on rather than reports. A mean
// compared, stored or ranked stays reported.
func (c *checker) controlUse(cur inspector.Cursor) bool {
	for range maxDepth {
		parent := cur.Parent()
		switch p := parent.Node().(type) {
		case *ast.ParenExpr:
			cur = parent
			continue
		case *ast.CallExpr:
			if tv, ok := c.info.Types[p.Fun]; ok && tv.IsType() {
				cur = parent
				continue
			}
		case *ast.BinaryExpr:
			if p.Op != token.ADD && p.Op != token.SUB {
				return false
			}
			other := p.X
			if other == cur.Node() {
				other = p.Y
			}
			tv, ok := c.info.Types[other]
			return ok && tv.Value == nil && isDuration(tv.Type)
		}
		return false
	}
	return false
}

// wireField reports whether sel selects a field with a serialization
// tag: a value of a type that crosses a process boundary.
func wireField(info *types.Info, sel *ast.SelectorExpr) bool {
	tag, ok := match.SelectedFieldTag(info, sel)
	return ok && match.WireTag(tag)
}
