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
// Evidence: distlint reports a queue only when it can see both its
// producer and the absence of any bound: a loop receiving from a
// channel or a subscription (or a function with a lock and a wake-up
// signal feeding a consumer) that starts goroutines or appends items,
// with no semaphore, token, counter, key set, length check or limit in
// view; a bound it cannot see (a group or limiter from elsewhere, a
// callee that checks a counter or a flag first) keeps it silent. The
// producer must be driven by outside input (messages received, requests
// served), not by the clock: a queue whose every producer in the package
// is a loop that waits on a ticker, a timer or a sleep (an election or
// maintenance loop publishing its rare transitions) grows at the timer's
// pace and is left alone, and so is a goroutine that replaces the
// previous one (the loop keeps the cancel function of the latest
// goroutine's context in one variable and calls it when the next event
// comes: one goroutine at a time). Goroutines pile up only where a
// producer runs once per outside input with nothing waiting for it; where
// the code shows the producer serialized or bounded it stays silent: a
// spawner that takes back from the channel what its goroutine sends, a
// re-queue from the consumer's own loop, a signal of the program's own
// event, a goroutine per connection. A huge channel buffer is reported
// when its size is a constant, or an option whose visible default is
// huge; an option-sized buffer whose every send the analyzer can see
// cannot block (below) is a bounded queue that sheds load and is left
// alone, and so is a buffer of zero-size elements (chan struct{}) that
// nothing sends to once per item: it holds signals, not items, and no
// memory (a token semaphore taken in a loop stays reported).
//
// The harm is pile-up behind a slow consumer, and the slow party this
// suite is about is the network. A goroutine per item and a slice queue
// show a producer and a consumer by their shape alone, not that the
// consumer is ever slow; so by default they are reported only when the
// consumer is seen to wait on the network: the goroutine's work (its
// function literal, or the function or method it runs) makes a network
// call (an HTTP request, a gRPC call, a database/sql statement, a
// broker, Redis or cloud SDK call, a raw dial), directly or through the
// functions it calls, in this package or, by facts, in others; for a
// slice queue, a drain method does, or a function of the package that
// calls a drain and uses what it returns (a worker that swaps the slice
// out and sends a Redis pipeline). A goroutine or drain that does only
// local work (computing, sending to a local consumer, logging, closing,
// updating a map) is left alone, and so is one whose work is a function
// value or an interface method the analyzer cannot follow (the consumer
// is not seen). The same holds for a goroutine started only to send and
// for a huge channel buffer: each is a queue slot that fills only behind
// a slow consumer, so by default they are reported only when the
// channel's consumer is in view and waits on the network. The consumer
// is the code that receives from the channel (the same variable or
// field): the body of a range over it, the loop around a receive (a
// select case included), or the receiving function outside loops, also
// through a function of the package the channel is passed to. A channel
// handed to code out of view (a client library's subscription buffer),
// or received only by code doing local work (counting, printing,
// updating a map), shows no slow consumer and is left alone. On the
// corpora these two shapes alone were never a true finding (0 of 8).
// -unboundedqueue.strict reports all four shapes without that evidence,
// as the analyzer did before. The pump needs no consumer in view: its
// shape is itself the mistake.
//
// The analyzer reports:
//
//   - a goroutine started only to send on a channel
//     (go func() { ch <- v }()), so that the sender does not block: every
//     blocked goroutine is a queue slot with no limit. Reported inside
//     loops and when the channel outlives the function (a field, a
//     parameter, a global), and (by default) when the channel's consumer
//     waits on the network (above); a goroutine whose select also waits on
//     ctx.Done or has a default case is left alone, and so is a send of a
//     call's result (go func() { errc <- f() }() runs f, it does not queue).
//     Also left alone: a spawner that drains the channel itself right
//     after the go statement (a statement after it in the same block
//     receives from the channel or ranges over it: a sentinel marking the
//     end of a queue being emptied, one in flight); a goroutine started
//     in a case of a select that sends on a channel another case of the
//     same select receives from (a loop handing an event back to itself,
//     where a send in place would block the only receiver); outside a loop, a
//     signal (a constant, nil or an empty struct) rather than an item the
//     function was handed (a notification per connection handshake, whose
//     rate nothing in view ties to input); and a re-queue: the function is
//     called, up to three calls deep within the package, from a loop that
//     receives from the same channel field, so each goroutine puts back an
//     item the consumer took out and adds none. Left alone too: a channel
//     field or package variable whose every receive in the package is a
//     case of a select that is a for loop's body (or a range over it) in a
//     loop that never waits on anyone else (a hub that drops slow
//     clients): every other send, receive and select in the loop is a
//     case of a select with a default; no range over a channel, no go
//     statement; every call is a builtin, a conversion, an interface's
//     Error or String (a value's text), a function of the package whose
//     body (three calls deep) obeys the same rules, or a function of
//     another package that netreach does
//     not see reach the network, that is not in package sync (a mutex
//     waits on its holder, so a Lock keeps the finding) or time.Sleep,
//     and that takes no function or channel; a map update or a log line
//     is admitted, a call of a function value or another interface
//     method is not. The sender waits one iteration at most. A blocking
//     per-client send, a network call, a lock in the loop, a receive
//     outside such a loop, or no receive in view stays reported;
//   - the "infinite channel" pump: a loop that receives from one channel,
//     appends to a slice and sends the slice's head to another channel,
//     with no check of the slice's length that drops, blocks or rejects;
//   - a slice queue: a struct's slice field appended to in one method,
//     under a sync.Mutex with a wake-up signal to a consumer (a channel
//     send, sync.Cond Signal or Broadcast), and drained in another
//     method that reads its items (reset to nil or [:0], sliced from the
//     front, swapped), with no check of its length before the append,
//     and (by default) a consumer that waits on the network (above).
//     The drain must consume the items: do work with them (send, write,
//     handle each, hand the batch on by returning or passing it). A
//     drain that only releases them (for each item, or each copied out,
//     calls Close or Stop with no argument, io.Closer's contract, on it
//     or a field of it, or calls it as a context.CancelFunc; or ranges
//     over the indexes alone) is a registry's shutdown, not a consumer:
//     listeners, servers, subscriptions registered once per
//     caller-initiated lifecycle call and closed on shutdown. Nothing
//     consumes a registry, so no producer can outpace a consumer; a
//     queue that also has such a Close is still reported, with the drain
//     that consumes. Also left alone: a push whose method, after the
//     append, runs an endless loop (for { }) that uses the appended item
//     (Serve(ln) accepting on ln until shutdown): each entry holds its
//     caller for the item's whole service, so the slice has one entry
//     per call still running, bounded by the callers' concurrency like a
//     blocking send, not by a message rate (an append inside the loop, or
//     a loop that does not use the item, is still reported).
//     Left alone: an append that puts back items the method took out of
//     the same slice (conn := p.idle[n-1], and back when the waiter is
//     gone: the slice grows by nothing), and a pool's free list: the
//     struct also keeps a registry of every item of the element type (a
//     map or slice of all open connections beside the idle ones), and
//     every function that stores into the registry, or every caller of
//     it, compares a count of the struct with a limit (len(p.conns) <
//     p.maxSize): the free list holds at most what the pool made, and the
//     pool makes no more than its maximum, whatever the rate of check-ins.
//     A length check one call away counts: a statement before the
//     append (in its block or an enclosing one) is an if whose branch
//     returns (or panics), or a for that waits (sync.Cond's Wait, a
//     receive), while its condition holds, and the condition (alone,
//     negated, or one operand of ||) calls a function or method of the
//     package, given the receiver or the slice, whose own body compares
//     the slice's length with a limit (if m.full() { return false },
//     full returning len(m.batches) == cap(m.batches): collector-contrib's
//     Kafka partition mailbox). The helper is followed one call deep. A
//     helper that does not look at the length, one that calls another
//     helper that does, a check behind && or a branch that goes on to
//     the append is still reported. Left alone too: a push whose method
//     drains the queue itself once its size passes a limit (it compares
//     the slice's length, or a count of items or bytes it adds to beside
//     the slice, and calls a drain method of the queue: an OTLP span
//     buffer flushed when its bytes pass the payload limit); a size
//     compared only to log stays reported;
//   - make(chan T, n) with a constant n at or above
//     -unboundedqueue.maxbuffer, or with n an option or configuration
//     field whose visible default (a constant in a literal or an
//     assignment in the package) is at or above it and that nothing
//     clamps (no comparison with a limit, no min), and (by default)
//     whose consumer waits on the network (above). Left alone: an
//     option-sized outage buffer that sheds load when full, kept in an
//     unexported field or variable whose every use is in view, and every
//     use a send that cannot block (a case of a select with a default
//     branch, where the item is dropped and, usually, counted), a
//     receive, a range, close, len or cap, with at least one send: the
//     operator's setting caps the memory and a full buffer drops, the
//     "drop with a metric" the message asks for (VictoriaMetrics'
//     vmalert remotewrite.Client.Push). A blocking send anywhere (plain,
//     in a select with no default, or in the default branch), the
//     channel kept in an exported field or variable, handed out
//     (returned, passed, sent, stored elsewhere, its address taken), or
//     a buffer nothing in view sends on, stays reported; so does a
//     constant size, however its sends behave. Also left alone: a buffer
//     of connections (an element that is a connection, net.Conn or a
//     type with its Read, Write, Close, SetDeadline and RemoteAddr, or a
//     struct whose fields are connections and errors, an accept's
//     result): it cannot hold more than the process can open (nbio's
//     lmux). Messages, bytes and other structs stay reported;
//   - a goroutine (go, errgroup.Group.Go, sync.WaitGroup.Go) started per
//     item received from a channel or a subscription (a loop ranging over a
//     channel, receiving, or calling Next, NextMsg, Receive, Recv, Fetch,
//     FetchMessage, ReadMessage or Poll for a message) when nothing in view
//     limits concurrency and (by default) the goroutine waits on the
//     network (above), unless the item is a network connection (a
//     net.Conn, or a type with Read, Write, Close, SetDeadline and
//     RemoteAddr: an accept loop behind a channel), or the goroutine
//     expires on its own (below), or it is started, in a for loop, in a
//     select case that receives from a ticker (one per tick, paced by
//     the clock, whatever the other cases received; a timer's case may
//     fire once per item); also a call, per received item, of a
//     function that starts a goroutine on every call (the fact "spawns
//     an unbounded goroutine per call" carries this across packages,
//     with the network call the goroutine makes, if any).
//
// A goroutine that expires on its own is no queue: its body first waits
// on a timer (<-time.After(d), <-t.C of a timer it makes, or a select
// with such a case whose other cases only receive, a stream picked up
// before the timeout), then only does bookkeeping (assignments, delete,
// close, a mutex, stopping the timer: no loop, no send, no other wait,
// no other call), as go-plugin's broker does to forget a stream nobody
// picked up after five seconds. The harm this analyzer reports is
// pile-up behind a consumer slower than the producer, which grows until
// memory runs out; such a goroutine never waits on a consumer, so the
// number alive is at most the input rate times the timer's duration,
// the same bound as any per-request state, and it shrinks as soon as
// the input stops. Work after the timer (a handler, a send) or a wait
// with no timer is still reported.
//
// A goroutine that bounds its own lifetime and is started at most once
// per key per back-off period is bounded the same way (go-libp2p's
// BackoffConnector: a connect attempt per discovered peer). Both halves
// must be in view. The goroutine, before anything but bookkeeping,
// makes a context with context.WithTimeout or WithDeadline from a
// duration fixed outside the loop (a constant, a field of the
// spawner's receiver; nothing the item or the iteration carries), and
// runs its work under it: every call that takes a context gets that
// one, every call given the item takes it (logging aside), and it
// neither sends, nor receives outside a select that also waits on the
// context's Done, nor starts goroutines. The loop guards the spawn per
// key of the item: a key set (below), or a per-key throttle that looks
// up the entry of a key the item carries (m[k], cache.Get(k)), skips
// the item (continue) while the entry's time is in the future
// (now.Before(e.nextTry), next.After(now)), and stores the next time for
// that key (e.nextTry = ..., m[k] = ...). Then at most the keys' rate
// times the deadline are alive and none waits on a consumer. Either
// half alone is still reported: a deadline alone lets goroutines pile
// up at the input rate, and a throttle alone lets slow work pile up
// behind it; so is a deadline taken from the item, a time checked but
// never stored, or a send of the result.
//
// A goroutine that only releases the item it was handed is no queue
// either: go c.Close(), or a function literal whose whole body is one
// call of Close, CloseWithError, CloseNow, Release, Stop or Cancel on
// the item or a field of it (with arguments that call nothing),
// optionally keeping its error only to log it (go-libp2p's upgrader
// closing, in the background, a connection found closed: Close can
// wait). It does no work with the item and waits on no consumer; a
// goroutine that does anything else with the item (serves it, writes
// to it, passes it to a function) is still reported. A function whose
// goroutine is such a release does not carry the "spawns an unbounded
// goroutine per call" fact.
//
// Limits are recognised by what they do and by their types, not by the
// names of methods: a send or a bare receive in the loop (a buffered
// channel of tokens), a helper of the package that does one, a
// golang.org/x/sync/semaphore.Weighted, a golang.org/x/time/rate
// limiter, a sync.WaitGroup or errgroup waited on in the loop, an
// errgroup with SetLimit, or any acquire-release pair whatever its
// letter case (acquireSlot and releaseSlot, TakePermit and
// ReturnPermit: a method that acquires a semaphore, permit or slot on a
// type, or in a package, that also has a release).
//
// Left alone: accept loops of servers (one goroutine per connection, the
// net/http model, bounded by the operating system), fan-out over a slice,
// map or integer range (bounded by its length), a goroutine started once
// per distinct key (the loop checks a map or sync.Map for the key and
// records it: bounded by the key set, not by the message rate; a map
// whose looked-up value the loop compares as a time is a throttle, not
// a key set), a
// goroutine per item of a channel that the package feeds once per new
// key (the channel is an unexported struct field or package variable,
// made in the package and handed to no other code, and every send to it
// comes after a check that a key the item carries was absent from a map
// or sync.Map, and after the key was recorded there: LoadOrStore, or
// the check then a store; a rebalance starting one puller per newly
// assigned partition; one unguarded send, a check that records nothing,
// or a channel passed in, passed out or exported keeps it reported), a
// goroutine per event run with a context whose cancel function the loop
// keeps outside the iteration and calls (a start per leadership change
// that the next change cancels), slice queues whose producers are all
// paced by the clock, messages
// acknowledged by the goroutine (the subscription bounds those in
// flight), ticker and timer channels (their rate is fixed), buffers sized
// from an input's length, small hand-off buffers, slices collected and
// read once (error lists, results), appends behind a length check, ring
// buffers, queues of the keys of a map that the push checks or the
// rebuild ranges over (one entry per key: bounded by the key set), and
// queues whose size, told by one of their methods (len of the slice, or
// a count the push keeps), the package compares with a limit (the
// caller pauses or drops before it pushes).
//
// Bad:
//
//	func (s *Server) notify(e Event) {
//		go func() { s.events <- e }() // a parked goroutine per slow event
//	}
//
//	for msg := range sub.Messages() {
//		go forward(msg) // a goroutine per message, each waiting on an HTTP call
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
//		g.Go(func() error { return forward(msg) })
//	}
//
// Options:
//
//	-unboundedqueue.maxbuffer N   smallest channel buffer reported (default 10000)
//	-unboundedqueue.strict        report every goroutine per received item, slice queue, goroutine started only to send and huge buffer by its shape, without a consumer seen to wait on the network (the analyzer's behaviour before the evidence standard)
package unboundedqueue
