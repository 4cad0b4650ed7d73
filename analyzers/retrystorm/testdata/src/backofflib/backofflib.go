package backofflib

import (
	"net/http"
	"time"

	"github.com/cenkalti/backoff/v4"
	"k8s.io/apimachinery/pkg/util/wait"
)

// Negative: the backoff library owns the delays and the limit.
func cenkalti(c *http.Client, req *http.Request) *http.Response {
	b := backoff.NewExponentialBackOff()
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		d := b.NextBackOff()
		if d == backoff.Stop {
			return nil
		}
		time.Sleep(d)
	}
}

func k8sWait(c *http.Client, req *http.Request) *http.Response {
	b := wait.Backoff{Duration: time.Second, Factor: 2, Jitter: 0.1, Steps: 5}
	for b.Steps > 0 {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(b.Step())
	}
	return nil
}

// A library the analyzer does not know is not exempt by default: the
// option adds it.
type policy struct{ base time.Duration }

func own(c *http.Client, req *http.Request, p policy) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(p.base)
	}
}
