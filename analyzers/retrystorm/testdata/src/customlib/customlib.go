package customlib

import (
	"net/http"
	"time"

	"example.com/myretry"
)

// A company's own retry package is not known by default: the loop's
// fixed delay is reported. (customopt has the same loop, with the
// package given to -retrystorm.backoffpkgs.)
func withPolicy(c *http.Client, req *http.Request, p myretry.Policy) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay`
		resp, err := c.Do(req)
		if err == nil {
			return resp
		}
		time.Sleep(p.Base)
	}
}
