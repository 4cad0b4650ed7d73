// Package goplugin is a hashicorp/go-plugin plugin's host side: its
// client stub mirrors the service's server methods and forwards them to
// the plugin process the program started.
package goplugin

import (
	"context"

	plugin "github.com/hashicorp/go-plugin"
	"google.golang.org/grpc"

	"pluginpb"
)

type GRPCClient struct{ client pluginpb.NotifierClient }

func (m *GRPCClient) Configure(ctx context.Context, cfg *pluginpb.Config) (*pluginpb.Empty, error) {
	_, err := m.client.Configure(context.Background(), cfg)
	return &pluginpb.Empty{}, err
}

type NotifierPlugin struct{}

func (p *NotifierPlugin) GRPCClient(ctx context.Context, broker *plugin.GRPCBroker, c *grpc.ClientConn) (interface{}, error) {
	return &GRPCClient{client: pluginpb.NewNotifierClient(c)}, nil
}

// Look-alike, reported: a type that keeps the client but does not mirror
// the server.
type remote struct{ client pluginpb.NotifierClient }

func (r *remote) push(cfg *pluginpb.Config) error {
	_, err := r.client.Configure(context.Background(), cfg) // want `gRPC call NotifierClient.Configure with context.Background\(\), which has no deadline`
	return err
}
