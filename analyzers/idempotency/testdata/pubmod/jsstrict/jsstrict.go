// Package jsstrict is jsplain under -idempotency.strict, which reports
// every JetStream publish without a message id.
package jsstrict

import (
	"context"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

type producer struct {
	js  nats.JetStreamContext
	js2 jetstream.JetStream
}

func (p *producer) SendTyping(room string, typing bool) error {
	data := []byte("off")
	if typing {
		data = []byte("on")
	}
	_, err := p.js.Publish("typing."+room, data) // want `JetStream publish without a message id`
	return err
}

func (p *producer) SendPresence(ctx context.Context, user string) error {
	_, err := p.js2.Publish(ctx, "presence", []byte(user)) // want `JetStream publish without a message id`
	return err
}
