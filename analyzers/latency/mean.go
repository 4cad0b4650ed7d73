package latency

// The mean and sum-and-count rules: averages of durations computed by
// hand, or made possible by summing durations next to a count.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

type sumRecord struct {
	cur   inspector.Cursor
	call  *ast.CallExpr
	block ast.Node
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
		if s.block != nil && c.counted[s.block] && !c.periodicRun(s.cur) {
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
	if len(as.Lhs) != 1 || len(as.Rhs) != 1 {
		return
	}
	var added ast.Expr
	switch as.Tok {
	case token.ADD_ASSIGN:
		added = as.Rhs[0]
	case token.ASSIGN:
		bin, ok := ast.Unparen(as.Rhs[0]).(*ast.BinaryExpr)
		if !ok || bin.Op != token.ADD {
			return
		}
		lp, ok1 := flow.PathOf(c.info, as.Lhs[0])
		xp, ok2 := flow.PathOf(c.info, bin.X)
		if !ok1 || !ok2 || !lp.Equal(xp) {
			return
		}
		added = bin.Y
	default:
		return
	}
	k, ok := key(c.info, as.Lhs[0])
	if !ok || !mayHoldDuration(c.info.TypeOf(as.Lhs[0])) || !c.durationish(cur, added, 0) {
		return
	}
	c.totals[k] = append(c.totals[k], cur)
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
		if len(sites) > 0 && !c.allPeriodic(sites) && c.isCount(d.cur, d.bin.Y, 0) && !c.inBenchmark(d.cur) && !c.ranking(d) {
			c.rep.Reportf(d.bin, "mean",
				"average latency computed by hand (a running total of durations divided by a count): a mean hides the tail, one slow request in a hundred barely moves it; %s", remedy)
		}
	}
}
