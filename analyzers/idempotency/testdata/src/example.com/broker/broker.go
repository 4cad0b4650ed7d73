// Package broker is a stand-in for a message broker's client, such as
// centrifuge's Broker, whose publish options carry an idempotency key.
package broker

import (
	_ "net/http" // it can reach the network
)

type PublishOptions struct {
	IdempotencyKey string
	Offset         uint64
	Epoch          string
	Tags           map[string]string
}

type StreamPosition struct{}

type Broker interface {
	Publish(channel string, data []byte, opts PublishOptions) (StreamPosition, error)
}
