package grpcclient

import (
	"context"
	"time"

	"google.golang.org/grpc"

	"pb"
)

func unary(client pb.GreeterClient) (*pb.HelloReply, error) {
	return client.SayHello(context.Background(), &pb.HelloRequest{Name: "x"}) // want `gRPC call GreeterClient.SayHello with context.Background\(\), which has no deadline: a stalled server holds this call forever; derive the context with context.WithTimeout`
}

func invoke(cc *grpc.ClientConn) error {
	var reply pb.HelloReply
	ctx, cancel := context.WithCancel(context.TODO())
	defer cancel()
	return cc.Invoke(ctx, "/helloworld.Greeter/SayHello", &pb.HelloRequest{}, &reply) // want `gRPC call /helloworld.Greeter/SayHello with a context derived from context.TODO\(\)`
}

func withoutCancel(client pb.GreeterClient) {
	ctx := context.WithoutCancel(context.Background())
	client.SayHello(ctx, &pb.HelloRequest{}) // want `gRPC call GreeterClient.SayHello with a context derived from context.Background\(\)`
}

// Negatives.

func bounded(client pb.GreeterClient) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	client.SayHello(ctx, &pb.HelloRequest{})
}

func streams(client pb.GreeterClient, cc *grpc.ClientConn) {
	ctx := context.Background()
	client.StreamHellos(ctx, &pb.HelloRequest{})
	client.Chat(ctx)
	cc.NewStream(ctx, &grpc.StreamDesc{}, "/helloworld.Greeter/Chat")
}

func watch(client pb.GreeterClient, cc *grpc.ClientConn) {
	client.WatchGreetings(context.Background(), &pb.HelloRequest{})
	var reply pb.HelloReply
	cc.Invoke(context.Background(), "/helloworld.Greeter/WatchGreetings", &pb.HelloRequest{}, &reply)
}

// WithoutCancel of a parameter drops the caller's deadline, but whether
// that is wrong is the caller's design: silent.
func detached(ctx context.Context, client pb.GreeterClient) {
	client.SayHello(context.WithoutCancel(ctx), &pb.HelloRequest{})
}

func fromParam(ctx context.Context, client pb.GreeterClient) { // want fromParam:`reachesSink\(param 0 reaches gRPC call GreeterClient.SayHello\)`
	client.SayHello(ctx, &pb.HelloRequest{})
}

type reserveClient interface {
	ReserveSeat(ctx context.Context, in *pb.HelloRequest, opts ...grpc.CallOption) (*pb.HelloReply, error)
}

// Reserve is not serve: a unary call like any other.
func reserve(c reserveClient) {
	c.ReserveSeat(context.Background(), &pb.HelloRequest{}) // want `gRPC call reserveClient.ReserveSeat with context.Background\(\)`
}
