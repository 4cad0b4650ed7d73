package fixeddelay

import (
	"net/http"
	"time"
)

// A wait that happens only sometimes, when some state says so (no leader
// yet), is not a delay between attempts: the loop's pace is that state's.

type cluster struct {
	hc     *http.Client
	leader string
}

func (c *cluster) currentLeader() string { return c.leader }

func (c *cluster) sendToLeader(body string) (*http.Response, error) {
	for {
		leader := c.currentLeader()
		if leader == "" {
			time.Sleep(100 * time.Millisecond) // waits for an election, not for the server
			continue
		}
		resp, err := c.hc.Get(leader + body)
		if err == nil {
			return resp, nil
		}
		c.leader = ""
	}
}

// waitForLeader waits only when there is no leader.
func (c *cluster) waitForLeader() {
	if c.leader == "" {
		time.Sleep(time.Second)
	}
}

func (c *cluster) viaHelper(body string) (*http.Response, error) {
	for {
		c.waitForLeader()
		resp, err := c.hc.Get(c.leader + body)
		if err == nil {
			return resp, nil
		}
		c.leader = ""
	}
}

// Waits under a test of the attempt (its error, its response, a counter)
// are delays between attempts.

func sleepOnStatus(hc *http.Client, req *http.Request) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter`
		resp, err := hc.Do(req)
		if err == nil && resp.StatusCode < 500 {
			return resp
		}
		if resp != nil && resp.StatusCode == http.StatusServiceUnavailable {
			time.Sleep(time.Second)
		}
	}
}

func sleepAfterFirst(hc *http.Client, req *http.Request) (*http.Response, error) {
	var err error
	for attempt := 0; attempt < 5; attempt++ { // want `retry loop around \(\*http.Client\).Do waits a fixed delay with no jitter: clients`
		if attempt > 0 {
			time.Sleep(time.Second)
		}
		var resp *http.Response
		if resp, err = hc.Do(req); err == nil {
			return resp, nil
		}
	}
	return nil, err
}
