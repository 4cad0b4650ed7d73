// Package keys sets idempotency keys for the client package: the
// analyzers learn that through facts.
package keys

import "net/http"

// Stamp sets the request's idempotency key.
func Stamp(req *http.Request, orderID string) {
	req.Header.Set("Idempotency-Key", "order-"+orderID)
}
