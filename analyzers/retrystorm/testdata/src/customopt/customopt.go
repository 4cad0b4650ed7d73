package customopt

import (
	"net/http"
	"time"

	"example.com/myretry"
)

// Negative under -retrystorm.backoffpkgs=example.com/myretry: the
// company's retry package owns the delay.
func withPolicy(c *http.Client, req *http.Request, p myretry.Policy) *http.Response {
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(p.Base)
	}
}

// Other loops are still reported.
func plain(c *http.Client, req *http.Request) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(time.Second)
	}
}
