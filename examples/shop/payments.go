package shop

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

// MISTAKE (idempotency): the charge is retried, and a POST without an
// Idempotency-Key is a new charge each time: when the payment service
// charged the card but the response was lost, the retry charges it again.
func (s *Service) ChargeNaive(ctx context.Context, o Order) error {
	body := fmt.Sprintf(`{"customer": %q, "amount": %d}`, o.Customer, o.Amount)
	backoff := 100 * time.Millisecond
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.paymentURL+"/v1/charges", strings.NewReader(body))
		if err != nil {
			return err
		}
		resp, err := s.client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
		}
		if err := sleep(ctx, &backoff); err != nil {
			return err
		}
	}
	return errors.New("payment service unavailable")
}

// FIXED: the key names the order, so the payment service charges it
// once however many times the request arrives.
func (s *Service) Charge(ctx context.Context, o Order) error {
	body := fmt.Sprintf(`{"customer": %q, "amount": %d}`, o.Customer, o.Amount)
	backoff := 100 * time.Millisecond
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.paymentURL+"/v1/charges", strings.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Idempotency-Key", "order-"+o.ID)
		resp, err := s.client.Do(req)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode < 500 {
				return nil
			}
		}
		if err := sleep(ctx, &backoff); err != nil {
			return err
		}
	}
	return errors.New("payment service unavailable")
}

// sleep waits about *backoff (with jitter, so that clients that failed
// together do not come back together), or until ctx is done, and doubles
// *backoff up to ten seconds.
func sleep(ctx context.Context, backoff *time.Duration) error {
	d := *backoff/2 + rand.N(*backoff/2)
	select {
	case <-time.After(d):
	case <-ctx.Done():
		return ctx.Err()
	}
	*backoff = min(2**backoff, 10*time.Second)
	return nil
}
