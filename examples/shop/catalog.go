package shop

import (
	"context"
	"database/sql"
	"io"
	"math/rand/v2"
	"net/http"
	"time"
)

// MISTAKE (retrystorm): every instance that failed retries one second
// later, forever, all together: when the catalog service comes back
// from an outage it meets all of them at once, and falls over again.
func (s *Service) CatalogNaive(ctx context.Context) ([]byte, error) {
	for {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.pricingURL+"/catalog", nil)
		if err != nil {
			return nil, err
		}
		resp, err := s.client.Do(req)
		if err == nil {
			defer resp.Body.Close()
			return io.ReadAll(resp.Body)
		}
		time.Sleep(time.Second)
	}
}

// FIXED: exponential backoff with jitter, a bounded number of attempts,
// and the caller's context cuts the wait short.
func (s *Service) Catalog(ctx context.Context) ([]byte, error) {
	backoff := 100 * time.Millisecond
	for attempt := 0; attempt < 5; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.pricingURL+"/catalog", nil)
		if err != nil {
			return nil, err
		}
		resp, err := s.client.Do(req)
		if err == nil {
			defer resp.Body.Close()
			return io.ReadAll(resp.Body)
		}
		d := backoff/2 + rand.N(backoff/2)
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		backoff = min(2*backoff, 10*time.Second)
	}
	return nil, context.DeadlineExceeded
}

// MISTAKE (ctxdeadline): the nightly report runs with a context that has
// no deadline: a locked table or a lost connection stalls the job, and
// the next night's run, forever.
func (s *Service) NightlyTotalNaive() (int64, error) {
	var total sql.NullInt64
	err := s.db.QueryRowContext(context.Background(), `SELECT SUM(amount) FROM orders WHERE created_at > now() - interval '1 day'`).Scan(&total)
	return total.Int64, err
}

// FIXED: the job gives up after a minute.
func (s *Service) NightlyTotal() (int64, error) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var total sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT SUM(amount) FROM orders WHERE created_at > now() - interval '1 day'`).Scan(&total)
	return total.Int64, err
}
