// Package lookalike has calls that look like network calls by name and
// are not: the package decides, not the name.
package lookalike

import (
	"context"
	"errors"
)

type Client struct{}

func (c *Client) Do(req any) (any, error)                         { return nil, nil }
func (c *Client) Get(url string) (any, error)                     { return nil, nil }
func (c *Client) ExecContext(ctx context.Context, q string) error { return nil }
func (c *Client) Publish(ctx context.Context, s string) error     { return nil }

type CallOption interface{}

// Stub has the shape of a gRPC stub with its own CallOption type.
func (c *Client) SayHello(ctx context.Context, in *struct{}, opts ...CallOption) (*struct{}, error) {
	return nil, nil
}

func calls(ctx context.Context, c *Client) error {
	c.Do(nil)
	c.Get("http://x")
	c.ExecContext(ctx, "DELETE FROM t")
	c.Publish(ctx, "s")
	c.SayHello(ctx, nil)
	return errors.New("x")
}
