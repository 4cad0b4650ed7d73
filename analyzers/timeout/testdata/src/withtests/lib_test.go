package withtests

import (
	"net/http"
	"testing"
)

func TestFetch(t *testing.T) {
	http.Get("https://example.com") // want `http.Get uses http.DefaultClient`
}

// Under -tests, a client made in a test is judged by the test's own
// requests.
func TestRemote(t *testing.T) {
	c := &http.Client{} // want `http.Client has no Timeout and sends a request with no context`
	c.Get("https://api.example.com/v1/status")
}
