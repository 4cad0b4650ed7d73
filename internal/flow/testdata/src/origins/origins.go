// Package origins asks where values come from.
package origins

import "context"

func origins(v any) {}

func unique(v any) {}

func chains(ctx context.Context, n int) {
	a := context.Background()
	b := a
	origins(b) // want `origins: context.Background\(\)`
	var c context.Context
	if n > 0 {
		c = context.TODO()
	} else {
		c = ctx
	}
	origins(c) // want `origins: <zero>, context.TODO\(\), ctx`
	x, err := f()
	_ = err
	origins(x) // want `origins: f\(\)`
	p := &struct{ N int }{N: 1}
	origins(p) // want `origins: struct{N int}{…}`
	unique(a)  // want `unique call: context.Background\(\)`
	unique(c)
	d := 1
	q := &d
	_ = q
	origins(d) // its address is taken: out of view
}

func f() (int, error) { return 0, nil }
