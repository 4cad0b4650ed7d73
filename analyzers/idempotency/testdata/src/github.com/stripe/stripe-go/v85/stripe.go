// Package stripe is a stand-in for github.com/stripe/stripe-go/v85.
package stripe

import (
	"context"
	_ "net/http" // the real client sends over net/http
)

type Params struct {
	Context        context.Context
	Expand         []*string
	IdempotencyKey *string
	Metadata       map[string]string
}

func (p *Params) SetIdempotencyKey(val string) { p.IdempotencyKey = &val }
func (p *Params) AddMetadata(key, value string) {
	if p.Metadata == nil {
		p.Metadata = map[string]string{}
	}
	p.Metadata[key] = value
}

type ChargeParams struct {
	Params   `form:"*"`
	Amount   *int64
	Currency *string
}

type ChargeListParams struct {
	Params
	Limit *int64
}

type Charge struct{ ID string }

func Int64(v int64) *int64    { return &v }
func String(v string) *string { return &v }
