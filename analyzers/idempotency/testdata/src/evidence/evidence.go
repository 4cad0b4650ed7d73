// Package evidence holds unkeyed writes with and without evidence that a
// duplicate does harm.
package evidence

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

var client = &http.Client{}

// Replay in view: a retry loop.

func notifyWithRetry(ctx context.Context, u string) error {
	for attempt := 0; attempt < 3; attempt++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
		resp, err := client.Do(req) // want `POST request retried by this retry loop without an Idempotency-Key header`
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

// Replay in view: a retry helper of the package that takes a closure.

func retry(ctx context.Context, attempts int, op func() (bool, error)) error {
	for i := 0; i < attempts; i++ {
		done, err := op()
		if err == nil && done {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

func enqueueJob(ctx context.Context, u string) error {
	return retry(ctx, 5, func() (bool, error) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
		_, err := client.Do(req) // want `POST request retried by evidence.retry without an Idempotency-Key header`
		return err == nil, err
	})
}

// Once-only operations: the URL path or the function's name.

func (s *service) capture(ctx context.Context, id string) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/payments/"+id+"/capture", nil)
	_, err := client.Do(req) // want `POST request sent without an Idempotency-Key header, for a once-only operation \(payment, in its URL path "/v1/payments/"\)`
	return err
}

func (s *service) createRefund(ctx context.Context, body []byte) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/r", bytes.NewReader(body))
	_, err := client.Do(req) // want `POST request sent without an Idempotency-Key header, for a once-only operation \(refund, in evidence.service.createRefund\)`
	return err
}

func submitOrderForm(u string) {
	http.PostForm(u, url.Values{}) // want `http.PostForm sends a POST that cannot carry an Idempotency-Key header, for a once-only operation \(order, in evidence.submitOrderForm\)`
}

func bookingPath(base string) {
	http.Post(fmt.Sprintf("%s/api/bookings", base), "application/json", nil) // want `http.Post sends a POST that cannot carry an Idempotency-Key header, for a once-only operation \(booking, in its URL path "%s/api/bookings"\)`
}

// A request handed to a helper that sends it, named for the operation.
func send(r *http.Request) (*http.Response, error) { // want send:`sendsRequest\(param 0\)`
	return client.Do(r)
}

func (s *service) payout(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base, nil)
	send(req) // want `POST request sent without an Idempotency-Key header, for a once-only operation \(payout, in evidence.service.payout\)`
}

// Words are matched whole, not as substrings.

func (s *service) reorderColumns(ctx context.Context) { // want reorderColumns:`sendsWrite`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/dashboards/reorder", nil)
	client.Do(req)
}

func (s *service) display(ctx context.Context) { // want display:`sendsWrite`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPatch, s.base+"/v1/displays", nil)
	client.Do(req)
}

type service struct{ base string }

// Without evidence: silent. Each function exports a SendsWrite fact so
// that a caller that retries it, or names a once-only operation, can be
// reported.

// A consensus message idempotent by design: the follower drops entries
// at a term and index it already holds.
func (s *service) appendEntries(ctx context.Context, peer string, term, index uint64) error { // want appendEntries:`sendsWrite\(POST by evidence.service.appendEntries, path param 1\)`
	u := fmt.Sprintf("%s/raft/append?term=%d&index=%d", peer, term, index)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	_, err = client.Do(req)
	return err
}

func (s *service) replicate(ctx context.Context, peers []string) { // want replicate:`sendsWrite\(POST by evidence.service.appendEntries\)`
	for _, p := range peers {
		if err := s.appendEntries(ctx, p, 1, 2); err != nil { // a loop over peers, not a retry
			continue
		}
	}
}

// A lease renewal: the loop sends again after a success too; it repeats
// by design, and renewing twice extends the same lease.
func (s *service) keepLease(ctx context.Context, id string) { // want keepLease:`sendsWrite`
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/leases/"+id+"/renew", nil)
		_, err := client.Do(req)
		if err != nil {
			continue
		}
	}
}

// A guarded state transition: the server refuses a second start of the
// same job (409), so a repeat does no harm.
func (s *service) startJob(ctx context.Context, id string) error { // want startJob:`sendsWrite`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/v1/jobs/"+id+"/start", nil)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusConflict {
		return nil
	}
	return nil
}

// A read sent as POST (a query body), named as a read or not.
func (s *service) lookupTraces(ctx context.Context, q []byte) { // want lookupTraces:`sendsWrite`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/api/v2/spans/query", bytes.NewReader(q))
	client.Do(req)
}

func (s *service) searchLogs(ctx context.Context, q []byte) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.base+"/search", bytes.NewReader(q))
	for i := 0; i < 3; i++ {
		if _, err := client.Do(req); err == nil { // a read retried: harmless
			return
		}
	}
}

// A one-shot credential request to a third-party API that takes no key.
func (s *service) assumeRole(ctx context.Context, form url.Values) { // want assumeRole:`sendsWrite`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://sts.example.com/", bytes.NewBufferString(form.Encode()))
	client.Do(req)
}

func (s *service) fetchAccessToken(ctx context.Context, u string) {
	http.PostForm(u+"/oauth/token", url.Values{"grant_type": {"client_credentials"}})
}

// A webhook sent once per event, no retry in view.
func deliver(u string, body []byte) { // want deliver:`sendsWrite\(POST by evidence.deliver, path param 0\)`
	http.Post(u, "application/json", bytes.NewReader(body))
}

// Keyed: silent whatever the evidence.
func chargeKeyed(ctx context.Context, u, orderID string) {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u+"/v1/charges", nil)
		req.Header.Set("Idempotency-Key", "charge-"+orderID)
		if _, err := client.Do(req); err == nil {
			return
		}
	}
}

// The same function in a local caller: retried by it.
func (s *service) startWithRetry(ctx context.Context, id string) {
	for i := 0; i < 3; i++ {
		if err := s.startJob(ctx, id); err == nil { // want `this retry loop retries evidence.service.startJob, which sends a POST request without an Idempotency-Key header`
			return
		}
	}
}

// The host names no operation: only the path does.
func heartbeat(ctx context.Context) { // want heartbeat:`sendsWrite`
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example.com/v1/heartbeat", nil)
	client.Do(req)
}

func hostAndPath(ctx context.Context) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example.com/v1/charges", nil)
	client.Do(req) // want `POST request sent without an Idempotency-Key header, for a once-only operation \(charge, in its URL path "https://pay.example.com/v1/charges"\)`
}

// The receiver's type names the operation too.
type PaymentClient struct{ base string }

func (p *PaymentClient) Create(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, p.base+"/v1/x", nil)
	_, err := client.Do(req) // want `POST request sent without an Idempotency-Key header, for a once-only operation \(payment, in evidence.PaymentClient.Create\)`
	return err
}
