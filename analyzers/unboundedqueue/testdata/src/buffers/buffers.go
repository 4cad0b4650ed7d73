package buffers

const queueSize = 1 << 20

func huge() {
	_ = make(chan int, 100000)               // want `channel buffer of 100000: a buffer this large only delays the failure`
	_ = make(chan []byte, queueSize)         // want `channel buffer of 1048576`
	_ = make(chan [1]struct{ n int }, 10000) // want `channel buffer of 10000`
}

// Negatives.

func fine(items []string, n int) {
	_ = make(chan int)
	_ = make(chan int, 1)
	_ = make(chan int, 9999)
	_ = make(chan string, len(items)) // sized from the input
	_ = make(chan int, n)             // configuration
	_ = make([]int, 100000)           // not a channel
	// Signals: zero-size elements hold no memory (a shutdown signal).
	_ = make(chan struct{}, 10000)
	_ = make(chan [0]int, 10000)
	_ = make(chan struct{ _ struct{} }, 10000)
}

// Buffers sized by an option whose default is huge and never clamped.

const defaultQueueSize = 100000

type Options struct {
	QueueSize  int
	BatchSize  int
	EventQueue int
	Backlog    int
	Spool      int
}

func defaultOptions() Options {
	return Options{QueueSize: defaultQueueSize, BatchSize: 100, Backlog: 50000, Spool: 50000}
}

type server struct {
	opts   Options
	queue  chan []byte
	events chan int
	batch  chan int
}

func newServer(o Options) *server {
	if o.EventQueue == 0 {
		o.EventQueue = 1 << 16
	}
	return &server{
		opts:   o,
		queue:  make(chan []byte, o.QueueSize),      // want `channel buffer of QueueSize, whose default is 100000`
		events: make(chan int, int64(o.EventQueue)), // want `channel buffer of EventQueue, whose default is 65536`
		batch:  make(chan int, o.BatchSize),         // a small default
	}
}

// Clamped: the option cannot exceed a limit.
func (s *server) backlog() chan int {
	if s.opts.Backlog > 1000 {
		s.opts.Backlog = 1000
	}
	return make(chan int, s.opts.Backlog)
}

func (s *server) backlogMin() chan int {
	return make(chan int, min(s.opts.Spool, 1000))
}

// A field with no visible default: its value is the caller's.
type External struct{ Size int }

func external(e External) chan int { return make(chan int, e.Size) }

// A type parameter may be anything: its buffer is reported.
func genericBuffer[T any]() chan T {
	return make(chan T, 10000) // want `channel buffer of 10000`
}

// A token semaphore of zero-size elements, taken once per item: one
// this large bounds nothing.
func fetchAll(urls []string, fetch func(string)) {
	sem := make(chan struct{}, 100000) // want `channel buffer of 100000`
	for _, u := range urls {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			fetch(u)
		}()
	}
}

// A signal sent once, outside any loop, kept in a field.
type closer struct{ closed chan struct{} }

func newCloser() *closer { return &closer{closed: make(chan struct{}, 10000)} }

func (c *closer) shutdown() { c.closed <- struct{}{} }
