// Package kafka is a stand-in for github.com/segmentio/kafka-go.
package kafka

import "context"

type Message struct{}
type Writer struct{}

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }
func (w *Writer) Stats() int                                               { return 0 }

// MessageWriter is an alias of an interface literal: its methods have no
// named receiver.
type MessageWriter = interface {
	WriteMessages(ctx context.Context, msgs ...Message) error
}
