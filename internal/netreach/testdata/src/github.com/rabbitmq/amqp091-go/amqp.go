// Package amqp091 is a stand-in for github.com/rabbitmq/amqp091-go.
package amqp091

import "context"

type Channel struct{}
type Publishing struct{}

func (ch *Channel) PublishWithContext(ctx context.Context, exchange, key string, mandatory, immediate bool, msg Publishing) error {
	return nil
}
