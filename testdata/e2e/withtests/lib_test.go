package withtests

import (
	"net/http"
	"testing"
)

func TestNothing(t *testing.T) {
	http.Get("http://127.0.0.1:1/")
}
