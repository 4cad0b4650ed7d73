package grpcstub

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

type GetRequest struct{ Key string }
type GetReply struct{ Value string }

// KVClient is the shape of a generated client.
type KVClient interface {
	Get(ctx context.Context, in *GetRequest, opts ...grpc.CallOption) (*GetReply, error)
}

type kvClient struct{ cc *grpc.ClientConn }

func (c *kvClient) Get(ctx context.Context, in *GetRequest, opts ...grpc.CallOption) (*GetReply, error) {
	out := new(GetReply)
	if err := c.cc.Invoke(ctx, "/kv.KV/Get", in, out, opts...); err != nil {
		return nil, err
	}
	return out, nil
}

func get(ctx context.Context, kv KVClient, key string) (*GetReply, error) {
	for { // want `retry loop around \(KVClient\).Get has no delay: during`
		reply, err := kv.Get(ctx, &GetRequest{Key: key})
		if err == nil {
			return reply, nil
		}
		if ctx.Err() != nil {
			return nil, err
		}
	}
}

func invoke(ctx context.Context, cc *grpc.ClientConn) error {
	var err error
	for i := 0; i < 3; i++ { // want `retry loop around \(\*grpc.ClientConn\).Invoke waits a fixed delay`
		if err = cc.Invoke(ctx, "/kv.KV/Ping", nil, nil); err == nil {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return err
}
