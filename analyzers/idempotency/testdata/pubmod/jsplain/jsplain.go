// Package jsplain publishes state updates to JetStream once, with nothing
// that says a duplicate would do harm: left alone by default.
package jsplain

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
	_, err := p.js.Publish("typing."+room, data)
	return err
}

func (p *producer) SendPresence(ctx context.Context, user string) error {
	_, err := p.js2.Publish(ctx, "presence", []byte(user))
	return err
}
