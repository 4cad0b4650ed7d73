// Package values builds requests and asks whether their token is unset.
package values

import (
	"helpers"
	"sdk"
)

// check stands for a write whose request must carry a token.
func check(r *sdk.CreateRequest) {}

func literals() {
	check(&sdk.CreateRequest{Name: "a"})  // want `Token unset`
	check(&sdk.CreateRequest{Token: nil}) // set, even to nil: the literal says it
	r := &sdk.CreateRequest{}
	check(r) // want `Token unset`
}

func factories() {
	check(sdk.NewCreateRequest("a")) // want `Token unset`
	check(sdk.NewTokenRequest("t"))
	r := sdk.NewCreateRequest("a")
	check(r) // want `Token unset`
}

func helpersSet() {
	r := sdk.NewCreateRequest("a")
	helpers.StampTwice(r)
	check(r) // set by the helper
}

func escapes() {
	r := sdk.NewCreateRequest("a")
	helpers.Keep(r)
	check(r) // stored elsewhere: out of view
}

func builders() {
	r := sdk.NewCreateRequest("a").WithToken("t")
	check(r) // a call result that is no factory: out of view

	s := sdk.NewCreateRequest("a")
	s.WithToken("t")
	check(s) // the builder set it

	u := sdk.NewCreateRequest("a")
	u.AddExpand("x")
	check(u) // want `Token unset`
}

func setters() {
	r := sdk.NewCreateRequest("a")
	r.SetIdempotencyKey("k")
	check(r) // want `Token unset`
	p := &sdk.CreateRequest{}
	p.Params.SetIdempotencyKey("k")
	check(p) // want `Token unset`
}

func params(r *sdk.CreateRequest) {
	check(r) // a parameter: built out of view
}

func assigned() {
	r := &sdk.CreateRequest{}
	tok := "t"
	r.Token = &tok
	check(r)
}

func embedded() {
	p := &sdk.CreateRequest{}
	checkKey(p) // want `IdempotencyKey unset`
	q := &sdk.CreateRequest{}
	q.SetIdempotencyKey("k")
	checkKey(q) // a setter named after the field
	s := &sdk.CreateRequest{Params: sdk.Params{IdempotencyKey: nil}}
	checkKey(s)
	w := &sdk.CreateRequest{}
	w.IdempotencyKey = nil // through the embedded field
	checkKey(w)
}

func checkKey(r *sdk.CreateRequest) {}

func namedResults() {
	check(sdk.CreateCreateRequest()) // want `Token unset`
	r, err := sdk.ParseCreateRequest("a")
	if err != nil {
		return
	}
	check(r) // want `Token unset`
}

func addresses() {
	var in sdk.CreateRequest
	in.Name = "a"
	check(&in) // want `Token unset`

	var read sdk.CreateRequest
	_ = helpers.Name(&read)
	check(&read) // want `Token unset`

	var stamped sdk.CreateRequest
	helpers.Stamp(&stamped)
	check(&stamped) // set by the helper

	var replaced sdk.CreateRequest
	helpers.Replace(&replaced)
	check(&replaced) // given a whole value out of view

	var kept sdk.CreateRequest
	p := &kept
	_ = p
	check(&kept) // its address kept elsewhere: out of view
}

// generated: the methods of generated code have no summaries. A method
// called on the value is judged by its name (SetToken may set Token,
// SetLabel does not); a value given to one as an argument is out of view.
func generated(c *sdk.Client) {
	r := sdk.NewGeneratedRequest()
	r.SetLabel("x")
	check(r) // want `Token unset`

	s := sdk.NewGeneratedRequest()
	s.SetToken("t")
	check(s)

	u := sdk.NewGeneratedRequest()
	c.Describe(u)
	check(u) // out of view

	d := sdk.NewGeneratedRequest()
	_ = d.UnmarshalVT([]byte("t")) // a decoder fills it from the payload
	check(d)

	a := sdk.NewGeneratedRequest()
	a.ApplySpec("t") // generated from a spec: judged by its name
	check(a)         // want `Token unset`

	t := sdk.NewGeneratedRequest()
	t.ApplyServerToken("t") // hand-written: its summary sets Token
	check(t)
}
