// Package jetstream is a stand-in for github.com/nats-io/nats.go/jetstream.
package jetstream

import "context"

type PubAck struct{}
type PublishOpt func()

type JetStream interface {
	Publisher
}

type Publisher interface {
	Publish(ctx context.Context, subject string, payload []byte, opts ...PublishOpt) (*PubAck, error)
}
