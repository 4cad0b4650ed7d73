package withtests

import (
	"net/http"
	"testing"
)

func TestFetch(t *testing.T) {
	http.Get("https://example.com") // want `http.Get uses http.DefaultClient`
}
