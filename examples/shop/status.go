package shop

import (
	"net/http"
	"time"
)

// MISTAKE (timeout): a client with no Timeout, and a request with no
// context: a carrier's status page that stops answering holds this
// goroutine and its connection forever.
var carrierClient = &http.Client{}

// CarrierUpNaive reports whether the carrier's API answers.
func CarrierUpNaive(url string) bool {
	resp, err := carrierClient.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// FIXED: the client gives up after five seconds.
var statusClient = &http.Client{Timeout: 5 * time.Second}

// CarrierUp reports whether the carrier's API answers.
func CarrierUp(url string) bool {
	resp, err := statusClient.Get(url)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
