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

// equal reports whether two summaries tell callers the same.
func (s *summary) equal(t *summary) bool {
	if s == nil || t == nil {
		return s == t
	}
	return s.sets.equal(&t.sets) && s.sends.equal(&t.sends) && s.returns.equal(t.returns) && s.writes.equal(t.writes)
}

// httpRequests follows the requests of every function of the package,
// computes the functions' summaries to a fixed point (helpers call
// helpers), exports them as facts and reports unkeyed writes.
func (c *checker) httpRequests() {
	var decls []inspector.Cursor
	for file := range c.insp.Root().Children() {
		for d := range file.Children() {
			if fd, ok := d.Node().(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, d)
			}
		}
	}
	c.sums = make(map[*types.Func]*summary)
	flows := make([]*funcFlow, len(decls))
	active := make([]bool, len(decls))
	for i := range active {
		active[i] = true
	}
	for round := 0; round < 8; round++ {
		changed := false
		for i, d := range decls {
			if !active[i] {
				continue
			}
			f := c.analyze(d)
			flows[i] = f
			if !f.touched && !f.local {
				active[i] = false // no request in view, no helper of the package: nothing can change
				continue
			}
			if f.fn == nil {
				continue
			}
			s := f.summary()
			if !s.equal(c.sums[f.fn]) {
				c.sums[f.fn] = s
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	for fn, s := range c.sums {
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
	for _, f := range flows {
		if f != nil && f.touched {
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

// factOf returns the fact F of fn: local's part of the summary of a
// function of the package, or the fact imported from fn's package.
func factOf[F any, P interface {
	*F
	analysis.Fact
}](c *checker, fn *types.Func, local func(*summary) P) P {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		if s := c.sums[fn]; s != nil {
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
