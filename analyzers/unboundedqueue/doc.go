// Package unboundedqueue defines an Analyzer that reports buffering whose
// size nothing bounds.
//
// # Analyzer unboundedqueue
//
// unboundedqueue: report queues and goroutine fan-outs that nothing bounds
//
// Mental model: queues are buffers, and buffers fill up. A producer that
// is faster than its consumer, even briefly, fills any buffer; an
// unbounded one hides the mismatch until memory runs out, and a huge one
// only delays it. Bounded buffers push back (block the producer) or shed
// load (drop, and count the drops), and the system stays up.
//
// The analyzer reports:
//
//   - a goroutine started only to send on a channel
//     (go func() { ch <- v }()), so that the sender does not block: every
//     blocked goroutine is a queue slot with no limit. Reported inside
//     loops and when the channel outlives the function (a field, a
//     parameter, a global); a goroutine whose select also waits on
//     ctx.Done or has a default case is left alone, and so is a send of a
//     call's result (go func() { errc <- f() }() runs f, it does not queue);
//   - the "infinite channel" pump: a loop that receives from one channel,
//     appends to a slice and sends the slice's head to another channel,
//     with no check of the slice's length that drops, blocks or rejects;
//   - make(chan T, n) with a constant n at or above -unboundedqueue.maxbuffer;
//   - a goroutine (go, errgroup.Group.Go, sync.WaitGroup.Go) started per
//     item received from a channel or a subscription (a loop ranging over a
//     channel, receiving, or calling Next, NextMsg, Receive, Recv, Fetch,
//     FetchMessage, ReadMessage or Poll for a message) when nothing in view
//     limits concurrency: no semaphore acquired in the loop (a send, a
//     receive or an Acquire call), no Wait in the loop, no
//     errgroup SetLimit.
//
// Left alone: accept loops of servers (one goroutine per connection, the
// net/http model, bounded by the operating system), fan-out over a slice,
// map or integer range (bounded by its length), ticker and timer channels
// (their rate is fixed), buffers sized from an input's length, and small
// hand-off buffers.
//
// Bad:
//
//	func (s *Server) notify(e Event) {
//		go func() { s.events <- e }() // a parked goroutine per slow event
//	}
//
//	for msg := range sub.Messages() {
//		go handle(msg) // a goroutine per message, however fast they come
//	}
//
// Good:
//
//	select {
//	case s.events <- e:
//	default:
//		droppedEvents.Inc() // shed load, and say so
//	}
//
//	g.SetLimit(64)
//	for msg := range sub.Messages() {
//		g.Go(func() error { return handle(msg) })
//	}
//
// Options:
//
//	-unboundedqueue.maxbuffer N   smallest channel buffer reported (default 10000)
package unboundedqueue
