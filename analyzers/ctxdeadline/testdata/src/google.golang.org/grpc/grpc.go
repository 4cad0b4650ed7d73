// Package grpc is a stand-in for google.golang.org/grpc: the types and
// signatures that generated clients use.
package grpc

import "context"

// CallOption configures a call.
type CallOption interface{ before() }

// ClientConnInterface is what generated clients call.
type ClientConnInterface interface {
	Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error
	NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error)
}

// ClientConn is a connection to a server.
type ClientConn struct{}

// Invoke sends a unary RPC.
func (cc *ClientConn) Invoke(ctx context.Context, method string, args any, reply any, opts ...CallOption) error {
	return nil
}

// NewStream opens a stream.
func (cc *ClientConn) NewStream(ctx context.Context, desc *StreamDesc, method string, opts ...CallOption) (ClientStream, error) {
	return nil, nil
}

// Dial connects.
func Dial(target string, opts ...DialOption) (*ClientConn, error) { return &ClientConn{}, nil }

// DialOption configures a connection.
type DialOption interface{ apply() }

// StreamDesc describes a stream.
type StreamDesc struct {
	StreamName    string
	ServerStreams bool
	ClientStreams bool
}

// ClientStream is the client side of a stream.
type ClientStream interface {
	CloseSend() error
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}

// ServerStreamingClient is the generic client side of a server stream.
type ServerStreamingClient[Res any] interface {
	Recv() (*Res, error)
	ClientStream
}

// BidiStreamingClient is the generic client side of a bidirectional stream.
type BidiStreamingClient[Req any, Res any] interface {
	Send(*Req) error
	Recv() (*Res, error)
	ClientStream
}
