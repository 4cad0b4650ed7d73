// Package charge is a stand-in for stripe-go's charge package.
package charge

import stripe "github.com/stripe/stripe-go/v85"

func New(params *stripe.ChargeParams) (*stripe.Charge, error)            { return nil, nil }
func Get(id string, params *stripe.ChargeParams) (*stripe.Charge, error) { return nil, nil }
