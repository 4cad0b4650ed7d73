// Package sites asks where struct values are made.
package sites

type T struct{ N int }

type holder struct {
	t *T // unexported: every value the package gives it is in view
	U *T // exported: other packages may give it values
}

// sites and same are the probes: sites reports where its argument may
// be made, same whether its two arguments may be one value.
func sites(v any)   {}
func same(a, b any) {}

func locals(n int) {
	a := &T{}   // site:a
	sites(a)    // want `made at a`
	b := new(T) // site:b
	sites(b)    // want `made at b`
	c := &T{}   // site:c1
	if n > 0 {
		c = &T{} // site:c2
	}
	sites(c)   // want `made at c1 c2`
	same(a, b) // want `distinct`
	d := a
	same(a, d) // want `may be one`
	var e *T = nil
	sites(e) // want `made at <none>`
	var z T
	sites(&z) // want `made where it cannot be seen`
}

func results() {
	x := make1()
	sites(x) // want `made at m1`
	y, err := make2()
	_ = err
	sites(y)          // want `made at m2`
	sites(make3())    // want `made at m2`
	sites(makeBare()) // want `made where it cannot be seen`
}

func make1() *T { return &T{} } // site:m1

func make2() (*T, error) { return &T{}, nil } // site:m2

func make3() *T {
	t, _ := make2()
	return t
}

func makeBare() (t *T) {
	t = &T{}
	return
}

func fields() {
	h := &holder{t: &T{}} // site:f1
	h.t = &T{}            // site:f2
	sites(h.t)            // want `made at f1 f2`
	sites(h.U)            // want `made where it cannot be seen`
}

// A method's receiver is made where the method is called on it.
type box struct{ n int }

func (b *box) run() {
	sites(b) // want `made at r1 r2`
}

func (b *box) Run() {
	sites(b) // want `made where it cannot be seen`
}

func callers() {
	x := &box{} // site:r1
	x.run()
	y := &box{} // site:r2
	y.run()
}

// An unexported method called through a value of the package's
// interface may be called on anything.
type runner interface{ step() }

func (b *box) step() {
	sites(b) // want `made where it cannot be seen`
}

func cannotSee(p *T, q holder) {
	sites(p)       // want `made where it cannot be seen`
	sites(q.U)     // want `made where it cannot be seen`
	sites(other()) // want `made where it cannot be seen`
	v := p
	sites(v) // want `made where it cannot be seen`
	w := &T{}
	*w = *p
	sites(w) // want `made where it cannot be seen`
}

var other func() *T

// getters
type client struct{ n int }

type writer struct {
	c     *client
	other *client
}

func (w *writer) client() *client { return w.c }

func (w *writer) either(b bool) *client {
	if b {
		return w.other
	}
	return w.c
}

func getters(w *writer) {
	getter(w.client) // want `getter of c`
	getter(w.either)
}

func getter(f any) {}

// A field given one of several results is made where that result is; a
// field whose address is taken, or that a range assigns, is given
// values out of view.
type several struct {
	t *T
	p *T
	r *T
}

func errAndT() (error, *T) {
	return nil, &T{} // site:m1
}

func fill(**T) {}

func severalFields(ts []*T) error {
	s := &several{}
	var e error
	e, s.t = errAndT()
	sites(s.t) // want `made at m1`
	fill(&s.p)
	sites(s.p) // want `made where it cannot be seen`
	for _, s.r = range ts {
	}
	sites(s.r) // want `made where it cannot be seen`
	return e
}
