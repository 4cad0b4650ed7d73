// Package jsold publishes with nats.go's original JetStream API.
package jsold

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/nats-io/nats.go"
)

type Job struct {
	ID      string
	Payload []byte
}

// The job publisher retries: a retry after a lost ack stores the job twice.
func enqueue(js nats.JetStreamContext, job Job) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = js.Publish("jobs.render", job.Payload); err == nil { // want `JetStream publish retried by this retry loop without a message id: .* pass nats.MsgId\(id\)`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// Once-only operations, named by the subject or the function.
func enqueueAsync(js nats.JetStreamContext, job Job) error {
	_, err := js.PublishAsync("orders.created", job.Payload, nats.RetryAttempts(3)) // want `JetStream publish of a once-only operation \(order, subject "orders.created"\) without a message id`
	return err
}

func publishPayment(js nats.JetStreamContext, job Job) error {
	m := nats.NewMsg("jobs.render")
	m.Data = job.Payload
	m.Header.Set("Trace-Id", "t")
	_, err := js.PublishMsg(m) // want `JetStream publish of a once-only operation \(payment, jsold.publishPayment\)`
	return err
}

func submitOrder(js nats.JetStreamContext, job Job) error {
	_, err := js.PublishMsg(&nats.Msg{Subject: "jobs.render", Data: job.Payload}) // want `once-only operation \(order, jsold.submitOrder\)`
	return err
}

// No evidence: a typing notice published twice does no harm.
func sendTyping(js nats.JetStreamContext, room string) error {
	_, err := js.Publish("typing."+room, []byte("on"))
	return err
}

// Keyed, guarded or out of view, each named like a once-only operation
// so that only the id, the expectation or the unseen value leaves it
// alone.

// Keyed: the id option, the header by its constant or by name.
func orderEnqueueKeyed(js nats.JetStreamContext, job Job) error {
	_, err := js.Publish("jobs.render", job.Payload, nats.MsgId(job.ID))
	return err
}

func orderEnqueueHeader(js nats.JetStreamContext, job Job) error {
	m := nats.NewMsg("jobs.render")
	m.Data = job.Payload
	m.Header.Set(nats.MsgIdHdr, job.ID)
	_, err := js.PublishMsg(m)
	return err
}

func orderEnqueueHeaderLiteral(js nats.JetStreamContext, job Job) error {
	sum := sha256.Sum256(job.Payload)
	_, err := js.PublishMsg(&nats.Msg{
		Subject: "jobs.render",
		Data:    job.Payload,
		Header:  nats.Header{"Nats-Msg-Id": []string{hex.EncodeToString(sum[:])}},
	})
	return err
}

// An expectation makes a repeat fail instead of storing it twice.
func orderAppendEvent(js nats.JetStreamContext, seq uint64, data []byte) error {
	_, err := js.Publish("orders.events", data, nats.ExpectLastSequence(seq))
	return err
}

// Out of view: options passed through, a message from the caller or a
// helper that may set the header.
func orderForward(js nats.JetStreamContext, data []byte, opts ...nats.PubOpt) error {
	_, err := js.Publish("jobs.render", data, opts...)
	return err
}

func orderForwardMsg(js nats.JetStreamContext, m *nats.Msg) error {
	_, err := js.PublishMsg(m)
	return err
}

func orderWithHelper(js nats.JetStreamContext, job Job) error {
	m := nats.NewMsg("jobs.render")
	stamp(m, job)
	_, err := js.PublishMsg(m)
	return err
}

func stamp(m *nats.Msg, job Job) { m.Header.Set(nats.MsgIdHdr, job.ID) }

func orderWithOption(js nats.JetStreamContext, job Job, opt nats.PubOpt) error {
	_, err := js.Publish("jobs.render", job.Payload, opt)
	return err
}

// Core NATS has no deduplication: left alone.
func orderNotify(nc *nats.Conn, data []byte) error {
	return nc.Publish("cache.invalidate", data)
}
