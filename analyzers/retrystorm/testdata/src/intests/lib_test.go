package intests

import (
	"net/http"
	"testing"
	"time"
)

// A test waiting for the fixture it started, or retrying against it: one
// client, bounded by go test -timeout.
func TestWaitReady(t *testing.T) {
	c := &http.Client{}
	for i := 0; i < 10; i++ {
		resp, err := c.Get("http://localhost:8080/stats")
		if err == nil {
			resp.Body.Close()
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Fatal("fixture never came up")
}

func TestCountFailures(t *testing.T) {
	c := &http.Client{}
	req, _ := http.NewRequest("GET", "http://localhost:8080/", nil)
	var failures int
	for {
		resp, err := c.Do(req)
		if err != nil {
			failures++
			continue
		}
		resp.Body.Close()
		break
	}
	if failures != 3 {
		t.Fatalf("failures = %d, want 3", failures)
	}
}
