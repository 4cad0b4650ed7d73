// Package billing is an SDK whose request carries its key in OperationID.
package billing

import _ "net/http" // an SDK sends over HTTP

type ChargeInput struct {
	Amount      int64
	OperationID string
}

type Client struct{}

func (c *Client) Charge(in *ChargeInput) error  { return nil }
func (c *Client) Preview(in *ChargeInput) error { return nil }
