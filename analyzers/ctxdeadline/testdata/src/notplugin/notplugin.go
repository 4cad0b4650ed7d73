// Package notplugin has the stub's shape without go-plugin: a client
// wrapper of a remote service, reported.
package notplugin

import (
	"context"

	"pluginpb"
)

type Wrapper struct{ client pluginpb.NotifierClient }

func (w *Wrapper) Configure(ctx context.Context, cfg *pluginpb.Config) (*pluginpb.Empty, error) {
	_, err := w.client.Configure(context.Background(), cfg) // want `gRPC call NotifierClient.Configure with context.Background\(\), which has no deadline`
	return &pluginpb.Empty{}, err
}
