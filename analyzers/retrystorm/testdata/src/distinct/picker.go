package distinct

import (
	"net/http"
	"sync/atomic"
	"time"
)

// Failover through a picker that skips the backends marked failed: each
// attempt goes to a backend that a function of the package picks from a
// list, skipping those marked broken; the loop marks the one that failed
// before the next attempt, and the list's length bounds the attempts.
// The failed backend is not picked again: nothing is retried.

type backend struct {
	addr        string
	load        atomic.Int32
	brokenUntil atomic.Int64
	down        bool
	downSince   int64
	lastErr     error
}

func (b *backend) isBroken() bool {
	return time.Now().Unix() < b.brokenUntil.Load()
}

func (b *backend) markDown() { b.down = true }

func (b *backend) release() { b.load.Add(-1) }

func markSince(b *backend) { atomic.StoreInt64(&b.downSince, time.Now().Unix()) }

type balancer struct {
	backends []*backend
	n        atomic.Uint32
}

// As VictoriaMetrics' discoveredBackends.getLeastLoadedBackend: rotate
// from a counter over the backends that are not broken, prefer an idle
// one.
func (lb *balancer) leastLoaded() *backend {
	first := lb.backends[0]
	n := lb.n.Add(1) - 1
	for i := range uint32(len(lb.backends)) {
		idx := (n + i) % uint32(len(lb.backends))
		b := lb.backends[idx]
		if b.isBroken() {
			continue
		}
		if b.load.Load() == 0 && b.load.CompareAndSwap(0, 1) {
			return b
		}
	}
	return first
}

func (lb *balancer) notDown() *backend {
	for _, b := range lb.backends {
		if b.down || b.downSince != 0 {
			continue
		}
		return b
	}
	return lb.backends[0]
}

func send(hc *http.Client, b *backend) (*http.Response, error) {
	return hc.Get("http://" + b.addr + "/")
}

// As VictoriaMetrics' loadbalancerTransport.RoundTrip.
func (lb *balancer) roundTrip(hc *http.Client) (*http.Response, error) {
	maxRetries := len(lb.backends)
	var lastErr error
	for range maxRetries {
		b := lb.leastLoaded()
		resp, err := send(hc, b)
		if err != nil {
			b.brokenUntil.Store(time.Now().Add(5 * time.Second).Unix())
			lastErr = err
			continue
		}
		return resp, nil
	}
	return nil, lastErr
}

func (lb *balancer) markField(hc *http.Client) *http.Response {
	for i := 0; i < len(lb.backends); i++ {
		b := lb.notDown()
		resp, err := hc.Get(b.addr)
		if err == nil {
			return resp
		}
		b.down = true
	}
	return nil
}

func (lb *balancer) markMethod(hc *http.Client) *http.Response {
	for i := 0; i < len(lb.backends); i++ {
		b := lb.notDown()
		resp, err := send(hc, b)
		if err == nil {
			return resp
		}
		b.markDown()
	}
	return nil
}

func (lb *balancer) markFunc(hc *http.Client) *http.Response {
	for range len(lb.backends) {
		b := lb.notDown()
		if resp, err := send(hc, b); err == nil {
			return resp
		}
		markSince(b)
	}
	return nil
}

// Look-alikes, still reported: the loop does not mark the backend that
// failed, marks a field the picker does not skip on (or releases its
// load, which makes it the least loaded again), picks once before the
// loop, or is bounded by a retry count or not at all.

func (lb *balancer) noMark(hc *http.Client) *http.Response {
	for range len(lb.backends) { // want `retry loop around send \(which calls \(\*http.Client\).Get\) has no delay: during`
		b := lb.leastLoaded()
		resp, err := send(hc, b)
		if err == nil {
			return resp
		}
	}
	return nil
}

func (lb *balancer) otherField(hc *http.Client) *http.Response {
	for i := 0; i < len(lb.backends); i++ { // want `retry loop around \(\*http.Client\).Get has no delay: during`
		b := lb.leastLoaded()
		resp, err := hc.Get(b.addr)
		if err == nil {
			return resp
		}
		b.lastErr = err
		b.release()
	}
	return nil
}

func (lb *balancer) pickOnce(hc *http.Client) *http.Response {
	b := lb.leastLoaded()
	for range len(lb.backends) { // want `retry loop around send \(which calls \(\*http.Client\).Get\) has no delay: during`
		resp, err := send(hc, b)
		if err == nil {
			return resp
		}
		b.brokenUntil.Store(time.Now().Add(5 * time.Second).Unix())
	}
	return nil
}

func (lb *balancer) retryCount(hc *http.Client) *http.Response {
	for i := 0; i < 10; i++ { // want `retry loop around \(\*http.Client\).Get has no delay: during`
		b := lb.notDown()
		resp, err := hc.Get(b.addr)
		if err == nil {
			return resp
		}
		b.down = true
	}
	return nil
}

func (lb *balancer) markForever(hc *http.Client) *http.Response {
	for { // want `retry loop around send \(which calls \(\*http.Client\).Get\) has no delay and no limit`
		b := lb.leastLoaded()
		resp, err := send(hc, b)
		if err == nil {
			return resp
		}
		b.brokenUntil.Store(time.Now().Add(5 * time.Second).Unix())
	}
}

// A picker that reads the mark but does not skip on it (it only prefers
// an idle backend) still hands back the backend that failed.
func (lb *balancer) firstIdle() *backend {
	for _, b := range lb.backends {
		if b.load.Load() == 0 && !b.isBroken() {
			return b
		}
	}
	return lb.backends[0]
}

func (lb *balancer) noSkip(hc *http.Client) *http.Response {
	for range len(lb.backends) { // want `retry loop around send \(which calls \(\*http.Client\).Get\) has no delay: during`
		b := lb.firstIdle()
		resp, err := send(hc, b)
		if err == nil {
			return resp
		}
		b.brokenUntil.Store(time.Now().Add(5 * time.Second).Unix())
	}
	return nil
}
