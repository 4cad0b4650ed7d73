// Package kgo is a stand-in for github.com/twmb/franz-go/pkg/kgo.
package kgo

import "context"

type Client struct{}
type Record struct{}
type ProduceResults []struct{}
type Fetches []struct{}

func (c *Client) ProduceSync(ctx context.Context, rs ...*Record) ProduceResults { return nil }
func (c *Client) PollFetches(ctx context.Context) Fetches                       { return nil }
