package distinct

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Failover through a round-robin helper: each attempt takes the next
// backend from a method that advances an index into the list modulo its
// length (or rotates the list), and the list's length bounds the
// attempts. Each attempt goes to another server: nothing is retried.

type hostClient struct {
	Addr      string
	mu        sync.Mutex
	addrs     []string
	addrIdx   uint32
	next      atomic.Uint64
	nextPlain uint32
}

func (c *hostClient) nextAddr() string {
	c.mu.Lock()
	if c.addrs == nil {
		c.addrs = strings.Split(c.Addr, ",")
	}
	addr := c.addrs[0]
	if len(c.addrs) > 1 {
		addr = c.addrs[c.addrIdx%uint32(len(c.addrs))]
		c.addrIdx++
	}
	c.mu.Unlock()
	return addr
}

// As fasthttp's HostClient.dialHostHard: a countdown from the list's
// length (1 while the list is not loaded), and a deadline.
func (c *hostClient) dialHostHard(hc *http.Client) (*http.Response, error) {
	c.mu.Lock()
	n := len(c.addrs)
	c.mu.Unlock()
	if n == 0 {
		n = 1
	}
	deadline := time.Now().Add(time.Second)
	var err error
	for n > 0 {
		addr := c.nextAddr()
		var resp *http.Response
		resp, err = hc.Get("http://" + addr + "/")
		if err == nil {
			return resp, nil
		}
		if time.Since(deadline) >= 0 {
			break
		}
		n--
	}
	return nil, err
}

func (c *hostClient) atomicNext() string {
	i := c.next.Add(1)
	return c.addrs[i%uint64(len(c.addrs))]
}

func (c *hostClient) atomicFailover(hc *http.Client) (*http.Response, error) {
	var err error
	for i := 0; i < len(c.addrs); i++ {
		var resp *http.Response
		if resp, err = hc.Get(c.atomicNext()); err == nil {
			return resp, nil
		}
	}
	return nil, err
}

func (c *hostClient) addNext() string {
	return c.addrs[int(atomic.AddUint32(&c.nextPlain, 1))%len(c.addrs)]
}

func (c *hostClient) rangeFailover(hc *http.Client) *http.Response {
	for range len(c.addrs) {
		u := c.addNext()
		resp, err := hc.Get(u)
		if err != nil {
			continue
		}
		return resp
	}
	return nil
}

var ring []string

func rotate() string {
	u := ring[0]
	ring = append(ring[1:], ring[0])
	return u
}

func rotateFailover(hc *http.Client) *http.Response {
	n := len(ring)
	for i := 0; i < n; i++ {
		u := rotate()
		resp, err := hc.Get(u)
		if err == nil {
			return resp
		}
	}
	return nil
}

// Look-alikes: a getter that returns the same backend every time, a
// round robin bounded by more attempts than the list has or not at all,
// and a loop that dials one address again and again.

func (c *hostClient) primary() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.addrs[0]
}

func (c *hostClient) getterRetry(hc *http.Client) *http.Response {
	for i := 0; i < len(c.addrs); i++ { // want `retry loop around \(\*http.Client\).Get has no delay: during`
		resp, err := hc.Get(c.primary())
		if err == nil {
			return resp
		}
	}
	return nil
}

func (c *hostClient) tenAttempts(hc *http.Client) *http.Response {
	for i := 0; i < 10; i++ { // want `retry loop around \(\*http.Client\).Get has no delay: during`
		resp, err := hc.Get(c.nextAddr())
		if err == nil {
			return resp
		}
	}
	return nil
}

func (c *hostClient) roundRobinForever(hc *http.Client) *http.Response {
	for { // want `retry loop around \(\*http.Client\).Get has no delay and no limit`
		addr := c.nextAddr()
		resp, err := hc.Get(addr)
		if err == nil {
			return resp
		}
	}
}

func (c *hostClient) sameAddr(hc *http.Client) *http.Response {
	addr := c.nextAddr()
	for i := 0; i < len(c.addrs); i++ { // want `retry loop around \(\*http.Client\).Get has no delay: during`
		resp, err := hc.Get(addr)
		if err == nil {
			return resp
		}
	}
	return nil
}

func (c *hostClient) countdownFromRetries(hc *http.Client, retries int) *http.Response {
	n := retries
	for n > 0 { // want `retry loop around \(\*http.Client\).Get has no delay: during`
		resp, err := hc.Get(c.nextAddr())
		if err == nil {
			return resp
		}
		n--
	}
	return nil
}
