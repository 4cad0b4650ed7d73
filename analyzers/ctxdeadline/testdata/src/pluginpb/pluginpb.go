// Package pluginpb has the shape of an older protoc-gen-go-grpc's
// output: a server interface that asks for no embedding.
package pluginpb

import (
	"context"

	grpc "google.golang.org/grpc"
)

type Config struct{ Name string }
type Empty struct{}

type NotifierClient interface {
	Configure(ctx context.Context, in *Config, opts ...grpc.CallOption) (*Empty, error)
}

type notifierClient struct{ cc grpc.ClientConnInterface }

func NewNotifierClient(cc grpc.ClientConnInterface) NotifierClient { return &notifierClient{cc} }

func (c *notifierClient) Configure(ctx context.Context, in *Config, opts ...grpc.CallOption) (*Empty, error) { // want Configure:`reachesSink`
	out := new(Empty)
	err := c.cc.Invoke(ctx, "/proto.Notifier/Configure", in, out, opts...)
	return out, err
}

type NotifierServer interface {
	Configure(context.Context, *Config) (*Empty, error)
}

func RegisterNotifierServer(s any, srv NotifierServer) {}
