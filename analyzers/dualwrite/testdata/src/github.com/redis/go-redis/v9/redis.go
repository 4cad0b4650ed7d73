// Package redis is a stand-in for github.com/redis/go-redis/v9.
package redis

import (
	"context"
	"time"
)

type StatusCmd struct{}

func (c *StatusCmd) Err() error { return nil }

type IntCmd struct{}

func (c *IntCmd) Err() error { return nil }

type BoolCmd struct{}

func (c *BoolCmd) Val() bool { return false }

type cmdable func(ctx context.Context, cmd any) error

func (c cmdable) Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd {
	return nil
}
func (c cmdable) SetNX(ctx context.Context, key string, value any, expiration time.Duration) *BoolCmd {
	return nil
}
func (c cmdable) HSet(ctx context.Context, key string, values ...any) *IntCmd      { return nil }
func (c cmdable) Del(ctx context.Context, keys ...string) *IntCmd                  { return nil }
func (c cmdable) Incr(ctx context.Context, key string) *IntCmd                     { return nil }
func (c cmdable) Publish(ctx context.Context, channel string, message any) *IntCmd { return nil }

type Cmdable interface {
	Set(ctx context.Context, key string, value any, expiration time.Duration) *StatusCmd
	Del(ctx context.Context, keys ...string) *IntCmd
}

type Client struct {
	cmdable
}

func NewClient() *Client { return &Client{} }
