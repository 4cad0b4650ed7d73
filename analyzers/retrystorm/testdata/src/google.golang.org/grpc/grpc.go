// Package grpc stands in for google.golang.org/grpc.
package grpc

import "context"

type CallOption interface{ before() }

type ClientConn struct{}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}
