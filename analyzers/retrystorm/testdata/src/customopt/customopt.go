package customopt // want package:"reaches the network"

import (
	"net/http"
	"time"

	"example.com/myretry"
)

// Negative under -retrystorm.backoffpkgs=example.com/myretry: the
// company's retry package owns the delay.
func withPolicy(c *http.Client, req *http.Request, p myretry.Policy) *http.Response { // want withPolicy:"makes a network call"
	for {
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(p.Base)
	}
}

// Other loops are still reported.
func plain(c *http.Client, req *http.Request) *http.Response { // want plain:"makes a network call"
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(time.Second)
	}
}
