// Package stripe is a stand-in for github.com/stripe/stripe-go/v85.
package stripe

type ChargeParams struct{ IdempotencyKey *string }
type Charge struct{}

func String(s string) *string { return &s }
