// Package cgo uses cgo: drivers analyze cmd/cgo's rewrite of this file,
// whose "Code generated" header must not hide the finding.
package cgo

// #include <stdlib.h>
import "C"

import "net/http"

// Fetch uses the default client.
func Fetch() { http.Get("http://127.0.0.1:1/") }

// Probe is suppressed.
func Probe() {
	//distlint:ignore timeout the probe has an external watchdog
	http.Get("http://127.0.0.1:1/")
}
