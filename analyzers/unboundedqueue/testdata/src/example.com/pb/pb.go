// Package pb is generated gRPC client code.
package pb

import (
	"context"

	"google.golang.org/grpc"
)

type Event struct{}
type Ack struct{}

type SinkClient interface {
	Deliver(ctx context.Context, in *Event, opts ...grpc.CallOption) (*Ack, error)
}
