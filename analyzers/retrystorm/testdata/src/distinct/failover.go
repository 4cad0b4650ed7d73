package distinct

import (
	"net/http"
	"slices"
	"time"
)

// Failover: each backend of a list is tried once, failed ones removed
// or skipped. The list's length bounds the attempts; nothing is retried.

func removeHead(c *http.Client, backends []string) (*http.Response, error) {
	var lastErr error
	for len(backends) > 0 {
		resp, err := c.Get(backends[0])
		if err == nil {
			return resp, nil
		}
		lastErr = err
		backends = backends[1:]
	}
	return nil, lastErr
}

type pool struct{ endpoints []string }

func (p *pool) removeFailed(c *http.Client, pick func([]string) int) (*http.Response, error) {
	for {
		if len(p.endpoints) == 0 {
			return nil, nil
		}
		i := pick(p.endpoints)
		resp, err := c.Get(p.endpoints[i])
		if err == nil {
			return resp, nil
		}
		p.endpoints = slices.Delete(p.endpoints, i, i+1)
	}
}

func skipTried(c *http.Client, next func() string) *http.Response {
	tried := make(map[string]bool)
	for {
		u := next()
		if tried[u] {
			return nil
		}
		tried[u] = true
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		return resp
	}
}

func dropFromSet(c *http.Client, servers map[string]bool, pick func(map[string]bool) string) *http.Response {
	for {
		u := pick(servers)
		if !servers[u] {
			return nil
		}
		resp, err := c.Get(u)
		if err == nil {
			return resp
		}
		delete(servers, u)
	}
}

// Look-alikes: the list is read but never shrinks, or shrinks a list the
// call does not take from.

func sameHeadForever(c *http.Client, backends []string) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Get has no delay and no limit`
		resp, err := c.Get(backends[0])
		if err == nil {
			return resp
		}
	}
}

func shrinksOther(c *http.Client, backends, log []string) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Get waits a fixed delay`
		resp, err := c.Get(backends[0])
		if err == nil {
			return resp
		}
		log = log[1:]
		time.Sleep(time.Second)
	}
}
