// Package jsnew publishes with the jetstream package.
package jsnew

import (
	"context"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

type Doc struct {
	ID   string
	Body []byte
}

func index(ctx context.Context, js jetstream.JetStream, d Doc) error {
	_, err := js.Publish(ctx, "billing.invoices", d.Body) // want `JetStream publish of a once-only operation \(invoice, subject "billing.invoices"\) without a message id: .* pass jetstream.WithMsgID\(id\)`
	return err
}

func indexOrderAsync(js jetstream.JetStream, d Doc) error {
	_, err := js.PublishAsync("docs.index", d.Body) // want `JetStream publish of a once-only operation \(order, `
	return err
}

func indexOrderMsg(ctx context.Context, js jetstream.JetStream, d Doc) error {
	m := new(nats.Msg)
	m.Subject = "docs.index"
	m.Data = d.Body
	_, err := js.PublishMsg(ctx, m) // want `JetStream publish of a once-only operation \(order, `
	return err
}

func indexOrderMsgAsync(js jetstream.JetStream, d Doc) error {
	m := &nats.Msg{Subject: "docs.index", Data: d.Body}
	_, err := js.PublishMsgAsync(m, jetstream.WithRetryAttempts(2)) // want `JetStream publish of a once-only operation \(order, `
	return err
}

// Through a struct that holds the publisher: still a JetStream publish.
type orderIndexer struct{ js jetstream.JetStream }

func (ix *orderIndexer) index(ctx context.Context, d Doc) error {
	_, err := ix.js.Publish(ctx, "docs.index", d.Body) // want `JetStream publish of a once-only operation \(order, `
	return err
}

func indexOrderKeyed(ctx context.Context, js jetstream.JetStream, d Doc) error {
	_, err := js.Publish(ctx, "docs.index", d.Body, jetstream.WithMsgID(d.ID))
	return err
}

func indexOrderHeader(ctx context.Context, js jetstream.JetStream, d Doc) error {
	m := nats.NewMsg("docs.index")
	m.Data = d.Body
	m.Header[jetstream.MsgIDHeader] = []string{d.ID}
	_, err := js.PublishMsg(ctx, m)
	return err
}

func indexOrderExpect(ctx context.Context, js jetstream.JetStream, d Doc, last uint64) error {
	_, err := js.Publish(ctx, "docs.index", d.Body, jetstream.WithExpectLastSequence(last))
	return err
}

func indexOrderQueued(js jetstream.JetStream, msgs chan *nats.Msg) error {
	m := <-msgs // from out of view
	_, err := js.PublishMsgAsync(m)
	return err
}
