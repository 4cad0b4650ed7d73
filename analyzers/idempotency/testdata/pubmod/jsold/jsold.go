// Package jsold publishes with nats.go's original JetStream API.
package jsold

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/nats-io/nats.go"
)

type Job struct {
	ID      string
	Payload []byte
}

// The job publisher: a retry after a lost ack stores the job twice.
func enqueue(js nats.JetStreamContext, job Job) error {
	_, err := js.Publish("jobs.render", job.Payload) // want `JetStream publish without a message id: .* pass nats.MsgId\(id\)`
	return err
}

func enqueueAsync(js nats.JetStreamContext, job Job) error {
	_, err := js.PublishAsync("jobs.render", job.Payload, nats.RetryAttempts(3)) // want `JetStream publish without a message id`
	return err
}

func enqueueMsg(js nats.JetStreamContext, job Job) error {
	m := nats.NewMsg("jobs.render")
	m.Data = job.Payload
	m.Header.Set("Trace-Id", "t")
	_, err := js.PublishMsg(m) // want `JetStream publish without a message id`
	return err
}

func enqueueLiteral(js nats.JetStreamContext, job Job) error {
	_, err := js.PublishMsg(&nats.Msg{Subject: "jobs.render", Data: job.Payload}) // want `JetStream publish without a message id`
	return err
}

// Keyed: the id option, the header by its constant or by name.
func enqueueKeyed(js nats.JetStreamContext, job Job) error {
	_, err := js.Publish("jobs.render", job.Payload, nats.MsgId(job.ID))
	return err
}

func enqueueHeader(js nats.JetStreamContext, job Job) error {
	m := nats.NewMsg("jobs.render")
	m.Data = job.Payload
	m.Header.Set(nats.MsgIdHdr, job.ID)
	_, err := js.PublishMsg(m)
	return err
}

func enqueueHeaderLiteral(js nats.JetStreamContext, job Job) error {
	sum := sha256.Sum256(job.Payload)
	_, err := js.PublishMsg(&nats.Msg{
		Subject: "jobs.render",
		Data:    job.Payload,
		Header:  nats.Header{"Nats-Msg-Id": []string{hex.EncodeToString(sum[:])}},
	})
	return err
}

// An expectation makes a repeat fail instead of storing it twice.
func appendEvent(js nats.JetStreamContext, seq uint64, data []byte) error {
	_, err := js.Publish("orders.events", data, nats.ExpectLastSequence(seq))
	return err
}

// Out of view: options passed through, a message from the caller or a
// helper that may set the header.
func forward(js nats.JetStreamContext, data []byte, opts ...nats.PubOpt) error {
	_, err := js.Publish("jobs.render", data, opts...)
	return err
}

func forwardMsg(js nats.JetStreamContext, m *nats.Msg) error {
	_, err := js.PublishMsg(m)
	return err
}

func withHelper(js nats.JetStreamContext, job Job) error {
	m := nats.NewMsg("jobs.render")
	stamp(m, job)
	_, err := js.PublishMsg(m)
	return err
}

func stamp(m *nats.Msg, job Job) { m.Header.Set(nats.MsgIdHdr, job.ID) }

func withOption(js nats.JetStreamContext, job Job, opt nats.PubOpt) error {
	_, err := js.Publish("jobs.render", job.Payload, opt)
	return err
}

// Core NATS has no deduplication: left alone.
func notify(nc *nats.Conn, data []byte) error {
	return nc.Publish("cache.invalidate", data)
}
