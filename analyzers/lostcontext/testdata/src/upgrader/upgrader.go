// Package upgrader is not a WebSocket library: its Accept takes a
// handler's writer and request but does not take the connection over.
package upgrader

import "net/http"

func Accept(w http.ResponseWriter, r *http.Request) error { return nil }
