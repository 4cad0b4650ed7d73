// Package statepoll holds loops that wait for a state: they go on after
// a successful answer that says "not yet" as after a failure, with the
// same wait, and are left alone; and their look-alikes, which retry.
package statepoll

import (
	"context"
	"errors"
	"log"
	"net/http"
	"time"
)

type client struct{ hc *http.Client }

type status struct {
	Ready bool
	Code  int
}

func (c *client) getVMState(id string) (map[string]any, error) {
	resp, err := c.hc.Get("https://pve.example.com/api2/json/nodes/vm/" + id)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return map[string]any{"status": "running"}, nil
}

func (c *client) status() (*status, error) {
	resp, err := c.hc.Get("https://api.example.com/status")
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &status{Ready: true}, nil
}

func (c *client) probe(ctx context.Context) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", "https://driver.example.com/probe", nil)
	if err != nil {
		return false, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK, nil
}

// Waits for a VM to stop: a failed poll is logged and polled again, a
// successful one that says "running" too, 5 s apart.
func (c *client) waitForShutdown(id string) error {
	for ii := 0; ii < 100; ii++ {
		vmState, err := c.getVMState(id)
		if err != nil {
			log.Println("wait error:", err)
		} else if vmState["status"] == "stopped" {
			return nil
		}
		time.Sleep(5 * time.Second)
	}
	return errors.New("not shut down within the wait time")
}

// Probes a driver until it is ready, on a ticker, until the context ends.
func (c *client) probeForever(ctx context.Context) error {
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for {
		ready, err := c.probe(ctx)
		if err != nil {
			if !errors.Is(err, context.DeadlineExceeded) {
				return err
			}
			log.Println("probe timed out")
		} else {
			if ready {
				return nil
			}
			log.Println("not ready")
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticker.C:
		}
	}
}

// Waits for readiness with no limit: a poll is a poll however long it
// lasts.
func (c *client) waitReady() {
	for {
		st, err := c.status()
		if err == nil && st.Ready {
			return
		}
		time.Sleep(time.Second)
	}
}

// Look-alikes that retry.

// A test of the HTTP status is about the failure.
func (c *client) getUntilOK(u string) error {
	for { // want `retry loop around`
		resp, err := c.hc.Get(u)
		if err == nil && resp.StatusCode == http.StatusOK {
			resp.Body.Close()
			return nil
		}
		time.Sleep(time.Second)
	}
}

// A test of a status code field is about the failure too.
func (c *client) waitCode() {
	for { // want `retry loop around`
		st, err := c.status()
		if err == nil && st.Code == 0 {
			return
		}
		time.Sleep(time.Second)
	}
}

// A nil test of the answer is no state.
func (c *client) firstAnswer() *status {
	for { // want `retry loop around`
		st, err := c.status()
		if err == nil && st != nil {
			return st
		}
		time.Sleep(time.Second)
	}
}

// Success leaves whatever it answered: the state test only picks the
// result.
func (c *client) readyOnce() (bool, error) {
	for { // want `retry loop around`
		st, err := c.status()
		if err != nil {
			log.Println(err)
		} else if st.Ready {
			return true, nil
		} else {
			return false, nil
		}
		time.Sleep(time.Second)
	}
}

// Only a failure waits: a successful "not yet" polls again at once.
func (c *client) busyPoll() {
	for { // want `retry loop around`
		st, err := c.status()
		if err != nil {
			time.Sleep(time.Second)
			continue
		}
		if st.Ready {
			return
		}
	}
}

type batchOut struct{ UnprocessedItems []string }

func (c *client) batchWrite(items []string) (*batchOut, error) {
	resp, err := c.hc.Post("https://db.example.com/batch", "application/json", nil)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &batchOut{}, nil
}

func (c *client) send(b []byte) (bool, error) {
	resp, err := c.hc.Post("https://api.example.com/events", "application/json", nil)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	return resp.StatusCode < 300, nil
}

type answer struct{ status int }

func (a *answer) IsSuccess() bool { return a.status < 300 }

func (c *client) getAnswer() (*answer, error) {
	resp, err := c.hc.Get("https://api.example.com/answer")
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return &answer{status: resp.StatusCode}, nil
}

// A batch write's unprocessed items are its throttling: a retry.
func (c *client) writeAll(items []string) {
	for { // want `retry loop around`
		out, err := c.batchWrite(items)
		if err == nil && len(out.UnprocessedItems) == 0 {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// A write helper's "accepted" flag is its status code: a retry.
func (c *client) sendUntilAccepted(b []byte) {
	for { // want `retry loop around`
		accepted, err := c.send(b)
		if err == nil && accepted {
			return
		}
		time.Sleep(time.Second)
	}
}

// A read whose answer says success or failure: a retry.
func (c *client) getUntilSuccess() {
	for { // want `retry loop around`
		a, err := c.getAnswer()
		if err == nil && a.IsSuccess() {
			return
		}
		time.Sleep(time.Second)
	}
}

// A select with a default waits for nothing: a hot loop.
func (c *client) spinReady(ctx context.Context) error {
	for { // want `retry loop around`
		st, err := c.status()
		if err == nil && st.Ready {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		default:
		}
	}
}
