// Package kafka is a stand-in for github.com/segmentio/kafka-go.
package kafka

import "context"

type Message struct {
	Topic string
	Key   []byte
	Value []byte
}

type Writer struct{ Topic string }

func (w *Writer) WriteMessages(ctx context.Context, msgs ...Message) error { return nil }

type Reader struct{}

func (r *Reader) CommitMessages(ctx context.Context, msgs ...Message) error { return nil }
