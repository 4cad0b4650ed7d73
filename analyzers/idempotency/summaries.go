package idempotency

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// summary is what a function of the package tells its callers: the
// package's facts, before they are exported.
type summary struct {
	sets    SetsKey
	sends   SendsRequest
	returns *ReturnsRequest
	writes  *SendsWrite
}

// httpRequests follows the requests of every function of the package,
// computing each function's summary on demand before its callers' (a
// helper's summary is ready when a call of it is met; a function met
// again while its own summary is in progress, by recursion, has none),
// exports the summaries as facts and reports unkeyed writes.
func (c *checker) httpRequests() {
	c.decls = make(map[*types.Func]inspector.Cursor)
	c.sums = make(map[*types.Func]*summary)
	c.flows = make(map[*types.Func]*funcFlow)
	var order []*types.Func
	for d := range c.funcDecls() {
		if fn, ok := c.info.Defs[d.Node().(*ast.FuncDecl).Name].(*types.Func); ok {
			c.decls[fn] = d
			order = append(order, fn)
		}
	}
	for _, fn := range order {
		c.summaryOf(fn)
	}
	for fn, s := range c.sums {
		if s == nil {
			continue
		}
		if len(s.sets.Params) > 0 {
			c.pass.ExportObjectFact(fn, &s.sets)
		}
		if len(s.sends.Params) > 0 {
			c.pass.ExportObjectFact(fn, &s.sends)
		}
		if s.returns != nil {
			c.pass.ExportObjectFact(fn, s.returns)
		}
		if s.writes != nil {
			c.pass.ExportObjectFact(fn, s.writes)
		}
	}
	for _, fn := range order {
		if f := c.flows[fn]; f != nil && f.touched {
			f.report()
		}
	}
}

// setsKeyOf, sendsOf, writesOf and returnsOf return what is known of
// fn: from the package's own summaries or from facts.
func (c *checker) setsKeyOf(fn *types.Func) *SetsKey {
	return factOf(c, fn, func(s *summary) *SetsKey {
		if len(s.sets.Params) == 0 {
			return nil
		}
		return &s.sets
	})
}

func (c *checker) sendsOf(fn *types.Func) *SendsRequest {
	return factOf(c, fn, func(s *summary) *SendsRequest {
		if len(s.sends.Params) == 0 {
			return nil
		}
		return &s.sends
	})
}

func (c *checker) writesOf(fn *types.Func) *SendsWrite {
	return factOf(c, fn, func(s *summary) *SendsWrite { return s.writes })
}

func (c *checker) returnsOf(fn *types.Func) *ReturnsRequest {
	return factOf(c, fn, func(s *summary) *ReturnsRequest { return s.returns })
}

// summaryOf returns the summary of the package's function fn, following
// its requests the first time; nil while it is in progress.
func (c *checker) summaryOf(fn *types.Func) *summary {
	if s, ok := c.sums[fn]; ok {
		return s
	}
	d, ok := c.decls[fn]
	if !ok {
		return nil
	}
	c.sums[fn] = nil // in progress
	f := c.analyze(d)
	c.flows[fn] = f
	var s *summary
	if f.touched {
		s = f.summary()
	}
	c.sums[fn] = s
	return s
}

// factOf returns the fact F of fn: local's part of the summary of a
// function of the package, or the fact imported from fn's package.
func factOf[F any, P interface {
	*F
	analysis.Fact
}](c *checker, fn *types.Func, local func(*summary) P) P {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if s := c.summaryOf(fn); s != nil {
			return local(s)
		}
		return nil
	}
	f := P(new(F))
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// summary computes what the function tells its callers.
func (f *funcFlow) summary() *summary {
	s := &summary{}
	seen := make(map[int]bool)
	for _, cl := range f.classes {
		r := find(cl)
		for _, i := range r.params {
			if seen[i] || (!r.keyed && !r.maybe) {
				continue
			}
			seen[i] = true
			s.sets.Params = append(s.sets.Params, ParamKey{Index: i, Maybe: !r.keyed})
		}
	}
	slices.SortFunc(s.sets.Params, func(a, b ParamKey) int { return a.Index - b.Index })
	for _, sd := range f.sends {
		r := find(sd.cls)
		if r.keyed || r.maybe {
			continue
		}
		for _, i := range r.params {
			if !slices.Contains(s.sends.Params, i) {
				s.sends.Params = append(s.sends.Params, i)
			}
			if sd.retrier != "" || f.c.retryLoop(sd.cur, sd.call) != "" {
				s.sends.Retried = true
			}
		}
	}
	slices.Sort(s.sends.Params)
	s.returns = f.returnsFact()
	s.writes = f.silentWrite()
	return s
}

func (f *funcFlow) returnsFact() *ReturnsRequest {
	if len(f.returns) == 0 {
		return nil
	}
	r := &ReturnsRequest{}
	keyed, unkeyed := false, false
	for _, cl := range f.returns {
		c := find(cl)
		if c.opaque || len(c.params) > 0 || len(c.origins) == 0 || len(c.assigned) > 0 || c.methodUnknown {
			return nil
		}
		for _, o := range c.origins {
			if !o.known {
				return nil
			}
			m := Method{Name: o.method, Param: o.param}
			if o.param >= 0 {
				m.Name = ""
			}
			if !slices.Contains(r.Methods, m) {
				r.Methods = append(r.Methods, m)
			}
		}
		for _, p := range c.paths {
			if !slices.Contains(r.Paths, p) {
				r.Paths = append(r.Paths, p)
			}
		}
		for _, p := range c.pathParams {
			if !slices.Contains(r.PathParams, p) {
				r.PathParams = append(r.PathParams, p)
			}
		}
		switch {
		case c.keyed:
			keyed = true
		case c.maybe:
			keyed, unkeyed = true, true
		default:
			unkeyed = true
		}
	}
	switch {
	case keyed && !unkeyed:
		r.Key = KeySet
	case keyed:
		r.Key = KeyMaybe
	}
	return r
}
