package skiptests

import (
	"net/http"
	"testing"
)

func TestFetch(t *testing.T) {
	http.Get("https://example.com")
}
