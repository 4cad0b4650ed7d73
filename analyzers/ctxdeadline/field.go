package ctxdeadline

import (
	"go/types"
)

// fieldOrigin returns the origin of the context read from the struct
// field f: a context kept in a field at construction
// (`&Client{ctx: context.Background()}`) and used later for network
// calls has the origin of every value stored there, which flow's
// FieldOrigins facts list. A field that other packages may set
// (exported), one given a value out of view (a parameter: the
// constructor's caller decides) or through a pointer, and one given any
// context but context.Background() or TODO() is unknown: a context
// derived with WithCancel and kept with its cancel is a service's
// lifetime, cancelled at shutdown, not a call's (tune: centrifugo's
// brokers keep cancelCtx).
func (c *checker) fieldOrigin(f *types.Var) origin {
	if f == nil || f.Pkg() != c.pass.Pkg || f.Exported() {
		return unknown
	}
	origins, complete, ok := c.flow.FieldOrigins(f)
	if !ok || !complete || len(origins) == 0 {
		return unknown
	}
	o := none
	for _, name := range origins {
		if name != "context.Background" && name != "context.TODO" {
			return unknown
		}
		o = join(o, origin{root: name + "()", param: -1})
	}
	o.field = f.Name()
	return o
}
