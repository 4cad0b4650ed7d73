package identity

import (
	"net/http"
	"time"
)

type conn struct {
	lastNonce int64
	interval  time.Duration
}

func (c *conn) send(op int, v int64) error { return nil }

// A heartbeat's nonce, one per tick of the heartbeat's own ticker,
// matched against its echo: two calls cannot share a tick, and no other
// machine's nonces are in view.
func (c *conn) heartbeat() {
	t := time.NewTicker(c.interval)
	defer t.Stop()
	for range t.C {
		c.sendHeartbeat()
	}
}

func (c *conn) sendHeartbeat() {
	c.lastNonce = time.Now().UnixMilli()
	c.send(1, c.lastNonce)
}

// The same, minted in the ticking case of a select loop.
func (c *conn) pingLoop(stop <-chan struct{}) {
	t := time.NewTicker(c.interval)
	for {
		select {
		case <-t.C:
			pingID := time.Now().UnixNano()
			c.send(2, pingID)
		case <-stop:
			return
		}
	}
}

// Look-alikes that stay reported.

// A nonce minted by a function that a ticker loop and a handler both
// call: the handler mints one per request.
func (c *conn) probe() {
	c.lastNonce = time.Now().UnixNano() // want `identifier \(lastNonce\)`
	c.send(4, c.lastNonce)
}

func (c *conn) probeLoop(t *time.Ticker) {
	for range t.C {
		c.probe()
	}
}

func (c *conn) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.probe()
}

// A version minted per tick still orders: a clock stepped back gives a
// later snapshot a smaller version.
type snapshot struct{ Version int64 }

func (c *conn) snapshotLoop(t *time.Ticker, out chan<- snapshot) {
	for range t.C {
		out <- snapshot{Version: time.Now().UnixNano()} // want `wall-clock time used as version \(Version\)`
	}
}
