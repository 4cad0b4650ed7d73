package latency

// The summary rule: a Prometheus summary with no Objectives that
// observes durations exports only their sum and count.

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

type summary struct {
	creations []*ast.CallExpr // creations with no Objectives
	objective bool            // some creation has Objectives, or cannot be seen
	durations bool            // it observes durations
	// observations are where it observes durations.
	observations []inspector.Cursor
}

// summaryCreated notes a Prometheus summary's creation and the location
// it is stored in.
func (c *checker) summaryCreated(cur inspector.Cursor, call *ast.CallExpr) {
	k := c.storedIn(cur)
	if k == nil {
		return
	}
	s := c.summaries[k]
	if s == nil {
		s = new(summary)
		c.summaries[k] = s
	}
	if len(call.Args) > 0 && c.noName(call.Args[0]) {
		// A summary with no Name cannot be registered (Prometheus
		// rejects an empty metric name): a no-op metric that nothing
		// exports, whatever else is stored in the same place.
		return
	}
	if len(call.Args) > 0 && c.noObjectives(call.Args[0]) {
		s.creations = append(s.creations, call)
	} else {
		s.objective = true
	}
}

// storedIn returns the variable or field that the value of the
// expression at cur is stored in: the target of an assignment or
// declaration, or the field of a struct literal it initializes (wherever
// the literal goes, the field is the key).
func (c *checker) storedIn(cur inspector.Cursor) types.Object {
	if kv, ok := cur.Parent().Node().(*ast.KeyValueExpr); ok && kv.Value == cur.Node() {
		if _, inLit := cur.Parent().Parent().Node().(*ast.CompositeLit); inLit {
			if id, ok := kv.Key.(*ast.Ident); ok {
				if f, ok := c.info.ObjectOf(id).(*types.Var); ok && f.IsField() {
					return f
				}
			}
		}
		return nil
	}
	path, ok := flow.Target(c.info, cur)
	if !ok {
		return nil
	}
	if len(path.Fields) > 0 {
		return path.Fields[len(path.Fields)-1]
	}
	return path.Root
}

// noName reports whether opts is a SummaryOpts literal whose Name is
// not given or is the constant "": its fully-qualified name is empty
// whatever its Namespace and Subsystem, and registering it fails.
func (c *checker) noName(opts ast.Expr) bool {
	v, lit := c.optsField(opts, "Name")
	if !lit || v == nil {
		return lit
	}
	tv := c.info.Types[v]
	return tv.Value != nil && tv.Value.Kind() == constant.String && constant.StringVal(tv.Value) == ""
}

// optsField returns the value given to field name in opts, a SummaryOpts
// literal with keyed fields (lit), or nil when it is not given.
func (c *checker) optsField(opts ast.Expr, name string) (v ast.Expr, lit bool) {
	cl, ok := ast.Unparen(opts).(*ast.CompositeLit)
	if !ok || !match.IsType(c.info.TypeOf(cl), promPkg+".SummaryOpts") {
		return nil, false
	}
	for _, elt := range cl.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false // positional fields: not worth guessing
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
			v = kv.Value
		}
	}
	return v, true
}

// noObjectives reports whether opts is a SummaryOpts literal with no
// Objectives, or with nil or an empty map literal.
func (c *checker) noObjectives(opts ast.Expr) bool {
	v, lit := c.optsField(opts, "Objectives")
	if !lit || v == nil {
		return lit
	}
	if tv := c.info.Types[v]; tv.IsNil() {
		return true
	}
	m, ok := ast.Unparen(v).(*ast.CompositeLit)
	return ok && len(m.Elts) == 0
}

// observed notes that the summary (or summary vector member) expr
// observes durations at cur.
func (c *checker) observed(cur inspector.Cursor, expr ast.Expr) {
	for {
		expr = ast.Unparen(expr)
		if ta, ok := expr.(*ast.TypeAssertExpr); ok {
			expr = ta.X
			continue
		}
		call, ok := expr.(*ast.CallExpr)
		if !ok {
			break
		}
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		fn := match.Callee(c.info, call)
		if !ok || fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != promPkg ||
			!slices.Contains([]string{"With", "WithLabelValues", "MustCurryWith"}, fn.Name()) {
			return
		}
		expr = sel.X
	}
	k, ok := key(c.info, expr)
	if !ok {
		return
	}
	s := c.summaries[k]
	if s == nil {
		// Observed before its creation was seen: keep the fact for later.
		s = new(summary)
		c.summaries[k] = s
	}
	s.durations = true
	s.observations = append(s.observations, cur)
}

func (c *checker) reportSummaries() {
	for _, s := range c.summaries {
		if s.objective || !s.durations || c.allPeriodic(s.observations) {
			continue
		}
		for _, call := range s.creations {
			c.rep.Reportf(call.Fun, "summary",
				"summary with no Objectives observes durations: it exports only their sum and count, an average that hides the tail; %s, or give the summary Objectives", remedy)
		}
	}
}

// allPeriodic reports whether every one of the sites records once per
// run of a periodic job (see periodicRun): the instrument then holds one
// run per scrape interval or so, and its sum over its count is that
// run's duration, with no tail to hide.
func (c *checker) allPeriodic(sites []inspector.Cursor) bool {
	for _, cur := range sites {
		if !c.periodicRun(cur) {
			return false
		}
	}
	return len(sites) > 0
}

// periodicRun reports whether the recording at cur happens once per run
// of a periodic job: it is in no loop over a collection in its function
// (one record per item is a distribution with a tail), and the code runs
// at the clock's pace, by a loop that waits on a ticker, a timer or a
// sleep, around it or around a call of its function in the package (a
// compaction or truncation started from a maintenance loop).
func (c *checker) periodicRun(cur inspector.Cursor) bool {
	for e := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncDecl)(nil)) {
		if collectionLoop(c.info, e.Node()) {
			return false
		}
		if _, ok := e.Node().(*ast.FuncDecl); ok {
			break
		}
	}
	return c.jobs.Driven(cur)
}

// collectionLoop reports whether n is a loop over a collection: a range
// over anything but a channel, or a counted for loop.
func collectionLoop(info *types.Info, n ast.Node) bool {
	switch l := n.(type) {
	case *ast.ForStmt:
		return l.Post != nil
	case *ast.RangeStmt:
		return !stream(info, l)
	}
	return false
}
