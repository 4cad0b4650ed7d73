package intests

import (
	"net/http"
	"time"
)

// The same loops outside test code are reported.
func waitReady(c *http.Client, url string) error {
	var err error
	for i := 0; i < 10; i++ { // want `retry loop around \(\*http.Client\).Get waits a fixed delay with no jitter`
		var resp *http.Response
		resp, err = c.Get(url)
		if err == nil {
			resp.Body.Close()
			return nil
		}
		time.Sleep(200 * time.Millisecond)
	}
	return err
}

func get(c *http.Client, req *http.Request) (*http.Response, error) {
	for { // want `retry loop around \(\*http.Client\).Do has no delay and no limit on attempts or time`
		resp, err := c.Do(req)
		if err == nil {
			return resp, nil
		}
	}
}
