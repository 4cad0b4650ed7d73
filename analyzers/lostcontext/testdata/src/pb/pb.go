// Package pb is the shape of protoc-gen-go-grpc's server output.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type HelloRequest struct{ Name string }
type HelloReply struct{ Message string }

type GreeterServer interface {
	SayHello(context.Context, *HelloRequest) (*HelloReply, error)
	Watch(*HelloRequest, Greeter_WatchServer) error
	mustEmbedUnimplementedGreeterServer()
}

type UnimplementedGreeterServer struct{}

func (UnimplementedGreeterServer) SayHello(context.Context, *HelloRequest) (*HelloReply, error) {
	return nil, nil
}
func (UnimplementedGreeterServer) Watch(*HelloRequest, Greeter_WatchServer) error { return nil }
func (UnimplementedGreeterServer) mustEmbedUnimplementedGreeterServer()           {}

type Greeter_WatchServer interface {
	Send(*HelloReply) error
	grpc.ServerStream
}

func RegisterGreeterServer(s grpc.ServiceRegistrar, srv GreeterServer) {}

// GreeterClient is the client side: its callers are not serving.
type GreeterClient interface {
	SayHello(ctx context.Context, in *HelloRequest) (*HelloReply, error)
}

// NotifierServer is the older generator's shape: no embedding required,
// so a client stub with the same methods implements it too.
type NotifierServer interface {
	Configure(context.Context, *HelloRequest) (*HelloReply, error)
}

func RegisterNotifierServer(s grpc.ServiceRegistrar, srv NotifierServer) {}

type NotifierClient interface {
	Configure(ctx context.Context, in *HelloRequest) (*HelloReply, error)
}
