// Package billing is an SDK whose request carries its key in OperationID.
package billing

type ChargeInput struct {
	Amount      int64
	OperationID string
}

type Client struct{}

func (c *Client) Charge(in *ChargeInput) error  { return nil }
func (c *Client) Preview(in *ChargeInput) error { return nil }
