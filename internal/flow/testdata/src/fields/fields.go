// Package fields stores contexts and clients in struct fields.
package fields

import (
	"context"
	"io"
	"os"

	"fields/other"
)

type worker struct {
	ctx  context.Context // want ctx:`assigned context.Background$`
	ctx2 context.Context // want ctx2:`assigned context.Background, context.TODO and values out of view`
	out  io.Writer       // given a variable, no call: no fact
	n    int
}

type Exported struct {
	Ctx context.Context // want Ctx:`assigned context.Background and values out of view`
}

func newWorker(ctx context.Context) *worker {
	w := &worker{ctx: context.Background(), ctx2: context.TODO(), n: 1}
	w.ctx2 = context.Background()
	w.ctx2 = ctx
	return w
}

func exported() Exported { return Exported{Ctx: context.Background()} }

func writer() *worker { return &worker{out: os.Stdout} }

// A type defined from another package's struct has that package's
// fields: assigning one here exports no fact (a fact can only be set on
// this package's objects).
type localState other.State

func newLocalState() *localState { return &localState{Ctx: context.Background()} }

// A local variable is followed to the value it holds.
type viaLocal struct {
	ctx context.Context // want ctx:`assigned context.TODO$`
}

func newViaLocal() *viaLocal {
	ctx := context.TODO()
	v := &viaLocal{}
	v.ctx = ctx
	return v
}

// A field whose address is taken may be given anything through it.
type pointed struct {
	ctx context.Context // want ctx:`assigned context.Background and values out of view`
}

func newPointed() *pointed {
	p := &pointed{ctx: context.Background()}
	fill(&p.ctx)
	return p
}

func fill(*context.Context) {}

// One of several results is no call of its own.
type several struct {
	ctx context.Context // want ctx:`assigned context.Background and values out of view`
}

func newSeveral() (*several, error) {
	s := &several{ctx: context.Background()}
	var err error
	s.ctx, err = withErr()
	return s, err
}

func withErr() (context.Context, error) { return context.TODO(), nil }

// A positional literal gives its fields values too.
type positional struct {
	ctx context.Context // want ctx:`assigned context.TODO$`
}

func newPositional() positional { return positional{context.TODO()} }

// A range gives the field values out of view.
type ranged struct {
	ctx context.Context // want ctx:`assigned context.Background and values out of view`
}

func newRanged(ctxs []context.Context) *ranged {
	r := &ranged{ctx: context.Background()}
	for _, r.ctx = range ctxs {
	}
	return r
}
