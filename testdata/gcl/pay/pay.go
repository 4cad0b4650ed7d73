// Package pay sends the requests it is given: a helper in another
// package, seen by its callers through analysis facts.
package pay

import "net/http"

// Send sends req once with c.
func Send(c *http.Client, req *http.Request) error {
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
