// Package notfound holds loops that go on after a failure only when the
// server answered "not found": waits for a resource to appear.
package notfound

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

type apiError struct{ Code string }

func (e *apiError) Error() string { return e.Code }

type instance struct{ Status string }

type client struct{ hc *http.Client }

func (c *client) describe(id string) (*instance, error) {
	resp, err := c.hc.Get("https://ecs.example.com/instances/" + id)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, &apiError{Code: "InvalidInstanceId.NotFound"}
	}
	return &instance{Status: "Running"}, nil
}

// Polls every 5 s for 120 s (24 attempts), going on after an error only
// when the instance is not found yet: every other error returns.
func (c *client) waitForInstance(id, status string, timeout int) error {
	for {
		inst, err := c.describe(id)
		if err != nil {
			e, _ := err.(*apiError)
			if e == nil || e.Code != "InvalidInstanceId.NotFound" && e.Code != "Forbidden.InstanceNotFound" {
				return err
			}
		} else if inst.Status == status {
			break
		}
		timeout -= 5
		if timeout <= 0 {
			return errors.New("timeout")
		}
		time.Sleep(5 * time.Second)
	}
	return nil
}

var errNotFound = errors.New("not found")

func isNotFound(err error) bool { return errors.Is(err, errNotFound) }

// The same wait written with a not-found test that continues.
func (c *client) waitCreated(id string) error {
	for {
		_, err := c.describe(id)
		if err != nil {
			if isNotFound(err) {
				time.Sleep(2 * time.Second)
				continue
			}
			return err
		}
		return nil
	}
}

// And with errors.Is against a not-found sentinel.
func (c *client) waitVisible(id string) error {
	for i := 0; i < 50; i++ {
		_, err := c.describe(id)
		if err != nil {
			if !errors.Is(err, errNotFound) {
				return err
			}
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
	return fmt.Errorf("instance %s never appeared", id)
}

// Look-alikes that stay reported: the loop goes on after failures an
// outage brings.

func (c *client) waitThrottled(id string) error {
	for i := 0; i < 50; i++ { // want `retry loop around \(\*client\).describe`
		_, err := c.describe(id)
		if err != nil {
			e, _ := err.(*apiError)
			if e == nil || e.Code != "Throttling" {
				return err
			}
		} else {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

func isTemporary(err error) bool { return err != nil }

func (c *client) waitTemporary(id string) error {
	for { // want `retry loop around \(\*client\).describe`
		_, err := c.describe(id)
		if err != nil {
			if !isTemporary(err) {
				return err
			}
			time.Sleep(time.Second)
			continue
		}
		return nil
	}
}
