package peritem

import (
	"sync"
)

// The sending side keeps the key set: a goroutine per item of a channel
// that is fed once per new key (rocketmq-client-go's rebalance, which
// starts one puller per newly assigned message queue).

type queue struct{ topic string }

type pullRequest struct {
	mq     *queue
	offset int64
}

type rebalancer struct {
	table sync.Map
	prCh  chan pullRequest
	done  chan struct{}
}

func newRebalancer() *rebalancer {
	return &rebalancer{prCh: make(chan pullRequest, 4), done: make(chan struct{})}
}

func (r *rebalancer) pull(pr *pullRequest) {}

// A sync.Map checked with Load, then Store of the same key before the send.
func (r *rebalancer) update(mqs []queue) {
	for _, item := range mqs {
		mq := item
		_, exist := r.table.Load(mq)
		if exist {
			continue
		}
		_, exist = r.table.Load(mq)
		if exist {
			continue
		} else {
			r.table.Store(mq, true)
			pr := pullRequest{mq: &mq}
			r.prCh <- pr
		}
	}
}

func (r *rebalancer) start() {
	go func() {
		for {
			select {
			case pr := <-r.prCh:
				go func() {
					r.pull(&pr)
				}()
			case <-r.done:
				return
			}
		}
	}()
}

// sync.Map's LoadOrStore checks and records at once.
type starter struct {
	running sync.Map
	startCh chan string
}

func newStarter() *starter { return &starter{startCh: make(chan string)} }

func (s *starter) run(q string) {}

func (s *starter) assign(q string) {
	if _, loaded := s.running.LoadOrStore(q, true); loaded {
		return
	}
	s.startCh <- q
}

func (s *starter) loop() {
	for q := range s.startCh {
		go s.run(q)
	}
}

// A map checked then set under a mutex, sent to from two guarded places.
type assigner struct {
	mu       sync.Mutex
	owned    map[string]bool
	assignCh chan string
}

func (a *assigner) work(p string) {}

func (a *assigner) add(p string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.owned[p]; ok {
		return
	}
	a.owned[p] = true
	a.assignCh <- p
}

func (a *assigner) addAll(ps []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, p := range ps {
		if !a.owned[p] {
			a.owned[p] = true
			a.assignCh <- p
		}
	}
}

func (a *assigner) loop() {
	for p := range a.assignCh {
		go a.work(p)
	}
	close(a.assignCh)
}

// A package variable fed once per key.
var (
	tenantMu  sync.Mutex
	tenants   = map[string]*queue{}
	tenantsCh = make(chan *queue, 8)
)

func addTenant(name string) {
	tenantMu.Lock()
	defer tenantMu.Unlock()
	if tenants[name] != nil {
		return
	}
	q := &queue{topic: name}
	tenants[name] = q
	tenantsCh <- q
}

func serveTenant(q *queue) {}

func tenantLoop() {
	for {
		q := <-tenantsCh
		go serveTenant(q)
	}
}

// Look-alikes that are still reported.

// One send among the guarded ones is not guarded.
type leaky struct {
	mu    sync.Mutex
	owned map[string]bool
	ch    chan string
}

func (a *leaky) work(p string) {}

func (a *leaky) add(p string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.owned[p] {
		return
	}
	a.owned[p] = true
	a.ch <- p
}

func (a *leaky) force(p string) { a.ch <- p }

func (a *leaky) loop() {
	for p := range a.ch {
		go a.work(p) // want `goroutine started per item received from a channel`
	}
}

// The guard checks the map but never records the key: a filter.
type filtered struct {
	seen map[string]bool
	ch   chan string
}

func (a *filtered) work(p string) {}

func (a *filtered) add(p string) {
	if _, ok := a.seen[p]; ok {
		return
	}
	a.ch <- p
}

func (a *filtered) loop() {
	for p := range a.ch {
		go a.work(p) // want `goroutine started per item received from a channel`
	}
}

// The key recorded is not the one checked.
type otherKey struct {
	seen map[string]bool
	ch   chan string
}

func (a *otherKey) work(p string) {}

func (a *otherKey) add(p, q string) {
	if a.seen[p] {
		return
	}
	a.seen[q] = true
	a.ch <- p
}

func (a *otherKey) loop() {
	for p := range a.ch {
		go a.work(p) // want `goroutine started per item received from a channel`
	}
}

// The item sent does not carry the checked key.
type keyNotSent struct {
	seen map[string]bool
	ch   chan string
}

func (a *keyNotSent) work(p string) {}

func (a *keyNotSent) add(p, msg string) {
	if a.seen[p] {
		return
	}
	a.seen[p] = true
	a.ch <- msg
}

func (a *keyNotSent) loop() {
	for p := range a.ch {
		go a.work(p) // want `goroutine started per item received from a channel`
	}
}

// The channel comes from a parameter: its other senders are out of view.
type handed struct {
	seen map[string]bool
	ch   chan string
}

func newHanded(ch chan string) *handed { return &handed{seen: map[string]bool{}, ch: ch} }

func (a *handed) work(p string) {}

func (a *handed) add(p string) {
	if a.seen[p] {
		return
	}
	a.seen[p] = true
	a.ch <- p
}

func (a *handed) loop() {
	for p := range a.ch {
		go a.work(p) // want `goroutine started per item received from a channel`
	}
}

// The channel is handed out to another function.
type lent struct {
	seen map[string]bool
	ch   chan string
}

func feed(ch chan<- string) {}

func (a *lent) work(p string) {}

func (a *lent) add(p string) {
	if a.seen[p] {
		return
	}
	a.seen[p] = true
	a.ch <- p
}

func (a *lent) loop() {
	go feed(a.ch)
	for p := range a.ch {
		go a.work(p) // want `goroutine started per item received from a channel`
	}
}

// An exported channel: other packages may send.
type Exported struct {
	seen map[string]bool
	Jobs chan string
}

func (a *Exported) work(p string) {}

func (a *Exported) add(p string) {
	if a.seen[p] {
		return
	}
	a.seen[p] = true
	a.Jobs <- p
}

func (a *Exported) loop() {
	for p := range a.Jobs {
		go a.work(p) // want `goroutine started per item received from a channel`
	}
}
