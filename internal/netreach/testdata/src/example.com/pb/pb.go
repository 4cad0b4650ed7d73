// Package pb is generated gRPC client code.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type HelloRequest struct{}
type HelloReply struct{}

type GreeterClient interface {
	SayHello(ctx context.Context, in *HelloRequest, opts ...grpc.CallOption) (*HelloReply, error)
	Watch(ctx context.Context, in *HelloRequest, opts ...grpc.CallOption) (Greeter_WatchClient, error)
}

type Greeter_WatchClient interface {
	Recv() (*HelloReply, error)
	grpc.ClientStream
}

type greeterClient struct{ cc grpc.ClientConnInterface }

func NewGreeterClient(cc grpc.ClientConnInterface) GreeterClient { return &greeterClient{cc} }

func (c *greeterClient) SayHello(ctx context.Context, in *HelloRequest, opts ...grpc.CallOption) (*HelloReply, error) {
	out := new(HelloReply)
	err := c.cc.Invoke(ctx, "/helloworld.Greeter/SayHello", in, out, opts...)
	return out, err
}

func (c *greeterClient) Watch(ctx context.Context, in *HelloRequest, opts ...grpc.CallOption) (Greeter_WatchClient, error) {
	return nil, nil
}
