// Package amqp091 is a stand-in for github.com/rabbitmq/amqp091-go.
package amqp091

import "context"

type Publishing struct {
	ContentType string
	Body        []byte
}

type Channel struct{}

func (ch *Channel) Publish(exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}

func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
