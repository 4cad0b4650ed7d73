package pump

// The "infinite channel": nothing bounds buf.
func infinite(in <-chan int, out chan<- int) {
	var buf []int
	for {
		var send chan<- int
		var head int
		if len(buf) > 0 {
			send, head = out, buf[0]
		}
		_ = head
		select {
		case v, ok := <-in:
			if !ok {
				return
			}
			buf = append(buf, v) // want `slice buffer between channels grows without bound`
		case send <- buf[0]:
			buf = buf[1:]
		}
	}
}

type queue struct {
	items []string
}

func (q *queue) run(in <-chan string, out chan<- string) {
	for {
		select {
		case s := <-in:
			q.items = append(q.items, s) // want `slice buffer between channels grows without bound`
		case out <- q.items[0]:
			q.items = q.items[1:]
		}
	}
}

// Negatives.

const maxPending = 1000

// Bounded: full buffers drop.
func bounded(in <-chan int, out chan<- int, dropped *int) {
	var buf []int
	for {
		select {
		case v := <-in:
			if len(buf) >= maxPending {
				*dropped++
				continue
			}
			buf = append(buf, v)
		case out <- buf[0]:
			buf = buf[1:]
		}
	}
}

// Accumulating a batch and flushing it whole is not a pump.
func batch(in <-chan int, flush func([]int)) {
	var buf []int
	for v := range in {
		buf = append(buf, v)
		if len(buf) == 100 {
			flush(buf)
			buf = buf[:0]
		}
	}
}

// Collecting from a bounded source.
func collect(items []int, out chan<- int) {
	var buf []int
	for _, v := range items {
		buf = append(buf, v)
		out <- buf[0]
	}
}
