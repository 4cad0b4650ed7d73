package latency

// The summary rule: a Prometheus summary with no Objectives that
// observes durations exports only their sum and count.

import (
	"go/ast"
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

// noObjectives reports whether opts is a SummaryOpts literal with no
// Objectives, or with nil or an empty map literal.
func (c *checker) noObjectives(opts ast.Expr) bool {
	lit, ok := ast.Unparen(opts).(*ast.CompositeLit)
	if !ok || !match.IsType(c.info.TypeOf(lit), promPkg+".SummaryOpts") {
		return false
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false // positional fields: not worth guessing
		}
		if id, ok := kv.Key.(*ast.Ident); !ok || id.Name != "Objectives" {
			continue
		}
		if tv := c.info.Types[kv.Value]; tv.IsNil() {
			return true
		}
		m, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
		return ok && len(m.Elts) == 0
	}
	return true
}

// observed notes that the summary (or summary vector member) expr
// observes durations.
func (c *checker) observed(expr ast.Expr) {
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
	if s := c.summaries[k]; s != nil {
		s.durations = true
		return
	}
	// Observed before its creation was seen: keep the fact for later.
	c.summaries[k] = &summary{durations: true}
}

func (c *checker) reportSummaries() {
	for _, s := range c.summaries {
		if s.objective || !s.durations {
			continue
		}
		for _, call := range s.creations {
			c.rep.Reportf(call.Fun, "summary",
				"summary with no Objectives observes durations: it exports only their sum and count, an average that hides the tail; %s, or give the summary Objectives", remedy)
		}
	}
}
