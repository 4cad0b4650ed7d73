// Package nats is a stand-in for github.com/nats-io/nats.go.
package nats

import "time"

type Msg struct {
	Subject string
	Data    []byte
}

type Conn struct{}

func (nc *Conn) Publish(subj string, data []byte) error { return nil }
func (nc *Conn) PublishMsg(m *Msg) error                { return nil }
func (nc *Conn) Request(subj string, data []byte, timeout time.Duration) (*Msg, error) {
	return nil, nil
}
func (nc *Conn) JetStream() (JetStreamContext, error) { return nil, nil }

type PubOpt interface{}
type PubAck struct{}

type JetStream interface {
	Publish(subj string, data []byte, opts ...PubOpt) (*PubAck, error)
	PublishMsg(m *Msg, opts ...PubOpt) (*PubAck, error)
}

type JetStreamContext interface {
	JetStream
}
