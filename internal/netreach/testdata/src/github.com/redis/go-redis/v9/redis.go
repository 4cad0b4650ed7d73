// Package redis is a stand-in for github.com/redis/go-redis/v9.
package redis

import (
	"context"
	"time"
)

type StatusCmd struct{}
type IntCmd struct{}
type Cmder interface{}

type cmdable func(ctx context.Context, cmd any) error

func (c cmdable) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return nil
}
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd { return nil }

type Pipeliner interface {
	Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd
	Exec(ctx context.Context) ([]Cmder, error)
}

type Client struct{ cmdable }

func (c *Client) Pipeline() Pipeliner { return nil }
func (c *Client) Options() *Options   { return nil }

type Options struct{}
