package evidence

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// apiError is what a server's answer makes: it carries a status code.
type apiError struct {
	Code    int
	Message string
}

func (e *apiError) Error() string { return e.Message }

func check(resp *http.Response) error {
	if resp.StatusCode >= 300 {
		return &apiError{Code: resp.StatusCode}
	}
	return nil
}

// retryAnswers retries only a server's 429 or 5xx answer: a lost
// response (a transport error) leaves at once.
func retryAnswers(op func() error) error {
	var err error
	for range 5 {
		err = op()
		if err == nil {
			return nil
		}
		status, ok := err.(*apiError)
		if !ok || (status.Code != http.StatusTooManyRequests && status.Code < 500) {
			return err
		}
		time.Sleep(time.Second)
	}
	return err
}

// retryAs is the same gate written with errors.As.
func retryAs(op func() error) error {
	var err error
	for i := 0; i < 5; i++ {
		if err = op(); err == nil {
			return nil
		}
		var ae *apiError
		if !errors.As(err, &ae) || ae.Code < 500 {
			return err
		}
		time.Sleep(time.Second)
	}
	return err
}

// Opening an upload session through a helper that retries only answers:
// the replay evidence is gone, the write is left to the callers.
func newSession(ctx context.Context, u string) error { // want newSession:`sendsWrite`
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u+"?uploadType=resumable", nil)
	if err != nil {
		return err
	}
	return retryAnswers(func() error {
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return check(resp)
	})
}

func newSessionAs(ctx context.Context, u string) error { // want newSessionAs:`sendsWrite`
	return retryAs(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return check(resp)
	})
}

// Look-alikes: helpers that retry a transport error too.

// retryUnlessClientError leaves only on a 4xx answer: a lost response
// (not an *apiError) goes round again.
func retryUnlessClientError(op func() error) error {
	var err error
	for range 5 {
		err = op()
		if err == nil {
			return nil
		}
		if status, ok := err.(*apiError); ok && status.Code < 500 {
			return err
		}
		time.Sleep(time.Second)
	}
	return err
}

// timeoutError carries no status code: a timeout is a lost response.
type timeoutError struct{ op string }

func (e *timeoutError) Error() string { return e.op }

func retryTimeouts(op func() error) error {
	var err error
	for range 5 {
		err = op()
		if err == nil {
			return nil
		}
		if _, ok := err.(*timeoutError); !ok {
			return err
		}
	}
	return err
}

func postEvents(ctx context.Context, u string) error {
	return retryUnlessClientError(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
		resp, err := client.Do(req) // want `POST request retried by evidence.retryUnlessClientError without an Idempotency-Key header`
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		return check(resp)
	})
}

func postAfterTimeout(ctx context.Context, u string) error {
	return retryTimeouts(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
		resp, err := client.Do(req) // want `POST request retried by evidence.retryTimeouts without an Idempotency-Key header`
		if err != nil {
			return err
		}
		return resp.Body.Close()
	})
}
