//go:build special

package tagged

import "net/http"

// Special uses the default client.
func Special() { http.Get("http://127.0.0.1:1/") }
