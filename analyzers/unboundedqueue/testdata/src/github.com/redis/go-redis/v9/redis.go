// Package redis is a stand-in for github.com/redis/go-redis/v9.
package redis

import "context"

type Cmder interface{}
type IntCmd struct{}

type Pipeliner interface {
	Publish(ctx context.Context, channel string, message any) *IntCmd
	Exec(ctx context.Context) ([]Cmder, error)
}

type Client struct{}

func (c *Client) Pipeline() Pipeliner { return nil }
