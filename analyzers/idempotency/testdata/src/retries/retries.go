package retries

import (
	"context"
	"errors"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/cenkalti/backoff/v4"
	"github.com/hashicorp/go-retryablehttp"
)

var client = &http.Client{}

func retryLoop(u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	for attempt := 0; attempt < 3; attempt++ {
		resp, err := client.Do(req) // want `POST request retried by this retry loop without an Idempotency-Key header: if a response is lost, the retry repeats the write \(the double charge\)`
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		resp.Body.Close()
		return nil
	}
	return errors.New("gave up")
}

func retryUntilSuccess(u string) {
	for {
		req, _ := http.NewRequest(http.MethodPost, u, nil)
		_, err := client.Do(req) // want `POST request retried by this retry loop`
		if err == nil {
			return
		}
	}
}

func rangeAttempts(u string) {
	for range 3 {
		req, _ := http.NewRequest(http.MethodPost, u, nil)
		if _, err := client.Do(req); err == nil { // want `retried by this retry loop`
			break
		}
	}
}

func withBackoff(u string) error {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	return backoff.Retry(func() error {
		_, err := client.Do(req) // want `POST request retried by backoff.Retry`
		return err
	}, backoff.NewExponentialBackOff())
}

func retryable(ctx context.Context, rc *retryablehttp.Client, u string) {
	req, _ := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	rc.Do(req) // want `POST request retried by go-retryablehttp without an Idempotency-Key header`
}

func retryablePost(rc *retryablehttp.Client, u string) {
	rc.Post(u, "application/json", nil)            // want `retryablehttp.Client.Post retries a POST that cannot carry an Idempotency-Key header`
	retryablehttp.Post(u, "application/json", nil) // want `retryablehttp.Post retries a POST`
}

func retryableFromRequest(rc *retryablehttp.Client, u string) {
	r, _ := http.NewRequest(http.MethodPatch, u, nil)
	req, _ := retryablehttp.FromRequest(r)
	rc.Do(req) // want `PATCH request retried by go-retryablehttp`
}

// A helper that retries makes its callers' writes retried.
func sendWithRetry(r *http.Request) error { // want sendWithRetry:`sendsRequest\(param 0\) retried`
	for i := 0; i < 5; i++ {
		if _, err := client.Do(r); err == nil {
			return nil
		}
	}
	return errors.New("gave up")
}

func viaRetryingHelper(u string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	sendWithRetry(req) // want `POST request retried by sendWithRetry`
}

// Negatives.

func retryableKeyed(ctx context.Context, rc *retryablehttp.Client, u, key string) {
	req, _ := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	req.Header.Set("Idempotency-Key", key)
	rc.Do(req)
}

func retryableKeyedInner(ctx context.Context, rc *retryablehttp.Client, u, key string) {
	req, _ := retryablehttp.NewRequest(http.MethodPost, u, nil)
	req.Request.Header.Set("Idempotency-Key", key)
	rc.Do(req)
}

func retryLoopKeyed(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header.Set("Idempotency-Key", key)
	for i := 0; i < 3; i++ {
		if _, err := client.Do(req); err == nil {
			return
		}
	}
}

func retryableGet(ctx context.Context, rc *retryablehttp.Client, u string) {
	req, _ := retryablehttp.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	rc.Do(req)
}

// One request per item is not a retry: the plain message.
func perItem(u string, items []string) error {
	for range items {
		req, _ := http.NewRequest(http.MethodPost, u, nil)
		if _, err := client.Do(req); err != nil { // want `POST request sent without`
			continue
		}
	}
	return nil
}

// A loop that stops at the first error does not resend.
func stopsOnError(u string) error {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodPost, u, nil)
		if _, err := client.Do(req); err != nil { // want `POST request sent without`
			return err
		}
	}
	return nil
}

// A loop that exits the program on the first error does not resend.
func fatalOnError(u string) {
	for i := 0; i < 3; i++ {
		req, _ := http.NewRequest(http.MethodPost, u, nil)
		_, err := client.Do(req) // want `POST request sent without`
		if err != nil {
			log.Fatalf("post: %v", err)
		}
	}
}

func exitOnError(u string) {
	for {
		req, _ := http.NewRequest(http.MethodPost, u, nil)
		if _, err := client.Do(req); err != nil { // want `POST request sent without`
			os.Exit(1)
		}
	}
}

// An index loop over a collection sends one request per item.
func perIndex(u string, items []string) {
	for i := 0; i < len(items); i++ {
		req, _ := http.NewRequest(http.MethodPost, u+items[i], nil)
		if _, err := client.Do(req); err != nil { // want `POST request sent without`
			continue
		}
	}
}

// A loop whose counter only counts attempts is still a retry loop.
func countsAttempts(u string, limits []int) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	for i := 0; i < limits[0]; i++ {
		if _, err := client.Do(req); err == nil { // want `retried by this retry loop`
			return
		}
	}
}
