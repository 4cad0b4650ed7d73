// Package grpc is a stand-in for google.golang.org/grpc.
package grpc

import "context"

type CallOption interface{}

type ClientConn struct{}

func (cc *ClientConn) Invoke(ctx context.Context, method string, args, reply any, opts ...CallOption) error {
	return nil
}

func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

type StreamDesc struct{}

type ClientStream interface {
	RecvMsg(m any) error
	CloseSend() error
}

type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
}
