package realgrpc

// A client written the way protoc-gen-go-grpc writes them, against the
// real google.golang.org/grpc.

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

type Req struct{}
type Resp struct{}

type EchoClient interface {
	Echo(ctx context.Context, in *Req, opts ...grpc.CallOption) (*Resp, error)
	Tail(ctx context.Context, in *Req, opts ...grpc.CallOption) (grpc.ServerStreamingClient[Resp], error)
	Chat(ctx context.Context, opts ...grpc.CallOption) (grpc.BidiStreamingClient[Req, Resp], error)
	Upload(ctx context.Context, opts ...grpc.CallOption) (grpc.ClientStreamingClient[Req, Resp], error)
}

func unary(c EchoClient) {
	c.Echo(context.Background(), &Req{}) // want `gRPC call EchoClient.Echo with context.Background\(\)`
}

func invoke(cc *grpc.ClientConn) {
	cc.Invoke(context.TODO(), "/echo.Echo/Echo", &Req{}, &Resp{}) // want `gRPC call /echo.Echo/Echo with context.TODO\(\)`
}

func viaInterface(cc grpc.ClientConnInterface) {
	cc.Invoke(context.Background(), "/echo.Echo/Echo", &Req{}, &Resp{}) // want `gRPC call /echo.Echo/Echo with context.Background\(\)`
}

// Negatives.

func streams(c EchoClient, cc *grpc.ClientConn) {
	ctx := context.Background()
	c.Tail(ctx, &Req{})
	c.Chat(ctx)
	c.Upload(ctx)
	cc.NewStream(ctx, &grpc.StreamDesc{}, "/echo.Echo/Chat")
}

func bounded(c EchoClient) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	c.Echo(ctx, &Req{})
}
