// Package identitybody holds replayed unkeyed writes whose body is the
// encoding of a value that carries its own identity (an event with its
// unique ID, encoded once: every attempt sends the same bytes, and the
// receiver deduplicates on the ID), and the look-alikes that are still
// reported.
package identitybody

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/cenkalti/backoff/v4"
	retryablehttp "github.com/hashicorp/go-retryablehttp"
	"google.golang.org/protobuf/encoding/protojson"

	"identitybody/pbjson"
)

var client = &http.Client{}

// WebhookEvent is shaped like a generated protobuf message: Id is the
// event's unique id, set by the sender.
type WebhookEvent struct {
	Event      string
	Id         string
	CreatedAt  int64
	NumDropped int32
}

func (x *WebhookEvent) GetId() string { return x.Id }

// Envelope has no exported identity field, only a protobuf getter.
type Envelope struct{ id string }

func (e *Envelope) GetId() string { return e.id }

// Message carries its identity in an embedded header.
type Message struct {
	Header
	Body string
}

type Header struct{ MessageID string }

// Update names other things (foreign keys), not itself.
type Update struct {
	CustomerID string
	OrderID    string
	Status     string
}

// Notice has no identity at all.
type Notice struct{ Text string }

// Payment has an identity, but creating one is a once-only operation.
type Payment struct {
	ID     string
	Amount int64
}

type notifier struct{ rc *retryablehttp.Client }

// At-least-once webhook delivery (the class): the event is encoded once,
// with its own id, and go-retryablehttp replays the same bytes.

func (n *notifier) send(event *WebhookEvent, u string) error {
	event.NumDropped = 0
	encoded, err := protojson.Marshal(event)
	if err != nil {
		return err
	}
	r, err := retryablehttp.NewRequest("POST", u, bytes.NewReader(encoded))
	if err != nil {
		return err
	}
	r.Header.Set("Content-Type", "application/json")
	_, err = n.rc.Do(r)
	return err
}

// Encoded before a retry loop.
func deliver(ctx context.Context, u string, ev WebhookEvent) error {
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	for attempt := 0; attempt < 3; attempt++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if resp, err := client.Do(req); err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

// Encoded into a buffer by json.NewEncoder before a backoff closure;
// the identity is in an embedded struct.
func publish(ctx context.Context, u string, m *Message) error {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(m); err != nil {
		return err
	}
	return backoff.Retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(buf.Bytes()))
		_, err := client.Do(req)
		return err
	}, backoff.NewExponentialBackOff())
}

// Encoded on each attempt, but the id is the caller's, never changed in
// the loop.
func redeliver(ctx context.Context, u string, ev *WebhookEvent) error {
	for attempt := 0; attempt < 3; attempt++ {
		ev.NumDropped = int32(attempt)
		body, _ := json.Marshal(ev)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if _, err := client.Do(req); err == nil {
			return nil
		}
	}
	return errors.New("gave up")
}

// A protobuf getter is identity enough; go-retryablehttp's Post.
func forward(u string, env *Envelope) error {
	body, err := protojson.Marshal(env)
	if err != nil {
		return err
	}
	_, err = retryablehttp.Post(u, "application/json", body)
	return err
}

// Look-alikes, still reported.

// Only foreign keys: the update names an order, not itself.
func (n *notifier) update(up Update, u string) error {
	body, _ := json.Marshal(up)
	r, _ := retryablehttp.NewRequest("POST", u, bytes.NewReader(body))
	_, err := n.rc.Do(r) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
	return err
}

// A fresh id on every attempt: every attempt is a new event.
func resend(ctx context.Context, u string, ev *WebhookEvent) error {
	for attempt := 0; attempt < 3; attempt++ {
		ev.Id = newID()
		body, _ := json.Marshal(ev)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if _, err := client.Do(req); err == nil { // want `POST request retried by this retry loop without an Idempotency-Key header`
			return nil
		}
	}
	return errors.New("gave up")
}

func resendLiteral(ctx context.Context, u string) error {
	return backoff.Retry(func() error {
		body, _ := json.Marshal(WebhookEvent{Event: "room_started", Id: newID()})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		_, err := client.Do(req) // want `POST request retried by backoff.Retry without an Idempotency-Key header`
		return err
	}, backoff.NewExponentialBackOff())
}

// A value made by a call on each attempt: its id cannot be seen.
func resendMade(ctx context.Context, u string) error {
	for attempt := 0; attempt < 3; attempt++ {
		env := newEnvelope()
		body, _ := protojson.Marshal(env)
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
		if _, err := client.Do(req); err == nil { // want `POST request retried by this retry loop without an Idempotency-Key header`
			return nil
		}
	}
	return errors.New("gave up")
}

// A map has no identity field, even with an "id" key.
func (n *notifier) sendMap(u, id string) error {
	body, _ := json.Marshal(map[string]string{"id": id})
	r, _ := retryablehttp.NewRequest("POST", u, body)
	_, err := n.rc.Do(r) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
	return err
}

// A type without an identity field.
func (n *notifier) notice(u string, msg Notice) error {
	body, _ := json.Marshal(msg)
	r, _ := retryablehttp.NewRequest("POST", u, body)
	_, err := n.rc.Do(r) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
	return err
}

// A form has no identity.
func (n *notifier) form(u, id string) error {
	form := url.Values{"id": {id}}
	r, _ := retryablehttp.NewRequest("POST", u, strings.NewReader(form.Encode()))
	_, err := n.rc.Do(r) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
	return err
}

func (n *notifier) postForm(u string) {
	n.rc.PostForm(u, url.Values{}) // want `PostForm retries a POST that cannot carry an Idempotency-Key header`
}

// A body given one of two values, one without identity.
func (n *notifier) either(u string, ev *WebhookEvent, note Notice, useEvent bool) error {
	body, _ := json.Marshal(note)
	if useEvent {
		body, _ = json.Marshal(ev)
	}
	r, _ := retryablehttp.NewRequest("POST", u, body)
	_, err := n.rc.Do(r) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
	return err
}

// Creating a payment is once-only whatever its body carries: the replay
// is still the evidence.
func (n *notifier) createPayment(p Payment, base string) error {
	body, _ := json.Marshal(p)
	r, _ := retryablehttp.NewRequest("POST", base+"/v1/payments", body)
	_, err := n.rc.Do(r) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
	return err
}

func newID() string { return time.Now().String() }

func newEnvelope() *Envelope { return &Envelope{id: newID()} }

// Order has its own ID, but submitting one is once-only: the word in the
// function's name is the evidence, with or without a replay.
type Order struct {
	ID         string
	CustomerID string
}

func submitOrder(ctx context.Context, u string, o Order) error {
	body, _ := json.Marshal(o)
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	_, err := client.Do(req) // want `POST request sent without an Idempotency-Key header, for a once-only operation \(order, in identitybody.submitOrder\)`
	return err
}

// The program's own encoder, seen through its fact.
func (n *notifier) sendWrapped(event *WebhookEvent, u string) error {
	encoded, err := pbjson.Marshal(event)
	if err != nil {
		return err
	}
	r, _ := retryablehttp.NewRequest("POST", u, bytes.NewReader(encoded))
	_, err = n.rc.Do(r)
	return err
}

// A helper that stamps a new id before it encodes is no encoder.
func (n *notifier) sendStamped(m *pbjson.Stamped, u string) error {
	encoded, _ := pbjson.MarshalStamped(m)
	r, _ := retryablehttp.NewRequest("POST", u, bytes.NewReader(encoded))
	_, err := n.rc.Do(r) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
	return err
}
