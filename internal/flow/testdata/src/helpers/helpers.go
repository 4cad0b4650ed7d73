// Package helpers completes and sends requests built by its callers.
package helpers

import (
	"net/http"

	"sdk"
)

// Send sends req as it is.
func Send(c *http.Client, req *http.Request) error { // want Send:`param 1 net/http.Request sent via \(\*http.Client\).Do`
	_, err := c.Do(req)
	return err
}

// Stamp sets the token of what it is given.
func Stamp(r *sdk.CreateRequest) { // want Stamp:`param 0 sdk.CreateRequest sets Token`
	tok := "t"
	r.Token = &tok
}

// StampTwice sets it through another helper.
func StampTwice(r *sdk.CreateRequest) { // want StampTwice:`param 0 sdk.CreateRequest sets Token`
	Stamp(r)
}

// Keep stores its parameter: what happens to it next is out of view.
func Keep(r *sdk.CreateRequest) { // escapes: no fact, the same as out of view
	kept = r
}

var kept *sdk.CreateRequest

// Replace gives the whole value through the pointer: any field may be set.
func Replace(r *sdk.CreateRequest) { // escapes: no fact, the same as out of view
	*r = sdk.CreateRequest{}
}

// Name reads a field only.
func Name(r *sdk.CreateRequest) string { return r.Name } // want Name:`param 0 sdk.CreateRequest$`
