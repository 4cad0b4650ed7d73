// Package retrystorm defines an Analyzer that reports retry loops that
// amplify an outage.
//
// # Analyzer retrystorm
//
// retrystorm: report retry loops with no delay, a fixed delay or no limit
//
// Mental model: latency has a shape, not a number, and retries shape it.
// When a server slows down or fails, every client sees the failure at
// about the same moment. Clients that retry at once multiply the load on
// a server that is already down; clients that all wait the same fixed
// delay come back together, in waves; clients that never give up keep
// the load up for as long as the outage lasts and never report it. Retries
// that back off exponentially, with jitter, and stop after a few attempts
// or a deadline let the server recover.
//
// Evidence: distlint reports a retry loop only when it can see the
// same network call repeated after its failure, and can see the whole
// pace of the loop: every wait between attempts, their durations and
// what bounds them. A wait it cannot see into (a helper of another
// package named like a wait, a channel that is not a timer), a wait
// that depends on state other than the attempt, or a loop that moves to
// another backend on each failure keeps it silent: failover is exempt
// only when the loop is bounded by the number of backends and the
// analyzer can see that the next attempt goes elsewhere (the list shrinks
// or is walked round robin, or the failed backend is marked and the
// picker, whose body it reads, skips the marked ones).
//
// A fixed delay is evidence of waves only while the waves go on: by
// default, distlint reports a fixed-delay retry only when nothing but
// cancellation (a context, a stop channel, a flag) caps it, or when it
// may make more than ten attempts (a count compared with a constant above
// ten). One capped by a count of at most ten, by a count from a
// parameter or a field (whose value it cannot see), or by a deadline (read
// on the clock in the condition itself or through a local variable that
// every assignment gives a clock reading and the loop reads again,
// elapsed = time.Since(start);
// or a select case that leaves the loop when a context the
// function gives a timeout is done or a timer it started before the loop
// fires) is a short burst at startup or around one operation, and
// is reported only with -retrystorm.strict. A parameter's context is a
// cancellation, not a cap: its deadline, if any, is out of view. Loops with no delay, however
// few their attempts, and loops whose delay grows but that nothing caps
// are reported in both modes.
//
// The analyzer reports a loop that repeats a network call after it fails
// (the failure leads back to the loop's head while success leaves it:
// `for { err := call(); if err == nil { break } }`,
// `if err := call(); err != nil { continue }; return`, `for err != nil { err = call() }`)
// when
//
//   - nothing waits between the attempts: no time.Sleep, no receive from
//     a timer, ticker or time.After, no select, no call of a function that
//     waits;
//   - every wait lasts the same and nothing draws a random number: a
//     time.Sleep of a constant, or of a duration the loop never changes
//     (no d *= 2, no d = min(2*d, max), no jitter from math/rand);
//   - nothing limits the attempts or the time (no counter, no range over
//     an integer, no deadline, no ctx.Err() or ctx.Done() check, no stop
//     channel, no condition other than a test of the error leading out of
//     the loop). A loop whose delay grows is reported for this alone only
//     in a function that returns an error: its caller waits for an
//     outcome that never comes.
//
// Network calls are those the suite's network classifier
// (internal/netreach) knows: net/http requests and round trips,
// database/sql statements, pings and transactions, net and crypto/tls
// dials, gRPC ClientConn.Invoke and generated client methods, broker,
// Redis and cloud SDK calls, and functions that make one of these, in
// the same package or, through analysis facts, in another. Loops,
// delays and bounds are recognised by the suite's retry recogniser
// (internal/retry), which idempotency shares.
//
// Left alone: a wait for a resource to appear, a loop that goes on after
// a failure only when the server answered not found: the failure branch
// returns unless the error's code, status or sentinel says not found
// (`if e.Code != "InvalidInstanceId.NotFound" { return err }`,
// `if !errors.Is(err, ErrNotFound) { return err }`, or `if
// isNotFound(err) { ...; continue }; return err`; codes and names with
// NotFound, NotExist or NoSuch, and 404). The server is up and
// answering, and every failure an outage brings leaves the loop at once.
// A loop that goes on after any other code (Throttling, a temporary
// error) stays reported. Loops that use a retry or backoff library
// (github.com/cenkalti/backoff, github.com/avast/retry-go,
// k8s.io/apimachinery/pkg/util/wait, k8s.io/client-go/util/retry and
// util/flowcontrol, github.com/hashicorp/go-retryablehttp, the
// grpc-ecosystem retry middleware, github.com/sethvargo/go-retry,
// github.com/jpillora/backoff, and the -retrystorm.backoffpkgs option);
// delays that grow or carry jitter; waits the analyzer cannot see into
// (a function of another package or an interface method named like one
// that sleeps, waits or backs off; a select on a channel other than a
// timer or a cancellation); loops over distinct inputs (ranges over
// slices, maps, channels and iterators; pagination, whose failure leaves
// the loop); failover, a loop that tries each backend of a list once
// (it indexes the list by its counter, takes an element and removes it
// from the list, or marks the ones tried in a map it checks first; or
// each attempt's target comes from a call of a function of the package,
// whose body the analyzer reads, that advances an index into a slice
// modulo its length (c.addrs[c.idx%len(c.addrs)] with c.idx++ or an
// atomic add) or pops or rotates the slice, and the loop's condition
// bounds the attempts by that slice's length: i < len(c.addrs), or a
// countdown n from len(c.addrs), or from 1 while the list is not loaded,
// as in fasthttp's HostClient.dialHostHard; or each attempt is made
// with a backend the loop takes from a function of the package that
// walks a slice of backends and skips the ones marked failed
// (`if b.isBroken() { continue }`, the mark read directly or through a
// method of the backend), the loop marks the backend that failed after
// its attempt (b.brokenUntil.Store(t), b.down = true, directly or
// through a function of the package) and its condition bounds the
// attempts by the slice's length, as in VictoriaMetrics'
// loadbalancerTransport.RoundTrip: the backend that failed is not picked
// again; a helper that returns the same backend every time, a round
// robin bounded by a retry count or not at all, a loop that dials one
// picked address again, and a picker loop that marks nothing, marks a
// field the picker does not skip on, or is bounded otherwise are still
// reported);
// waits that happen only sometimes (under a condition about something
// other than the attempt, its results or a counter: a sleep while there
// is no leader is not a delay between attempts, and the loop's pace is
// the election's); polling loops that go on after success as after
// failure, and waits for a state: a loop around a read (a function
// named Get, Describe, Status, Probe, Check, Wait, Read, List, Fetch and
// the like) that success leaves only when what the read returned,
// besides its error, says the state was reached (`else if
// vmState["status"] == "stopped" { return nil }`, `if err == nil &&
// ready { return nil }`), and that waits at its top level after the
// attempt (a time.Sleep, or a select with no default), so that a
// successful "not yet" goes round with the same wait as a failure: a
// failure brings no attempt sooner (a write's answer, a TryX's false, a
// batch's unprocessed items, a test of an HTTP response, of a status or
// error code, of a name that says success, failure, throttling or ok,
// or of nil are about the failure, and such a loop retries; so does one
// whose other successful answers leave too, or that waits only after a
// failure); a bounded retry of schema setup (the function or the retried
// call is named for a migration or the schema: execSchemaWithRetry,
// applyMigration), which runs once per process start, staggered by the
// starts rather than synchronised by an outage (retried forever, it is
// still reported); a bounded retry of a dial of a Unix-domain socket (the
// network a constant "unix", "unixgram" or "unixpacket" or a
// *net.UnixAddr's Network(), net.DialUnix, or a function of the package
// whose only network calls are such dials): the socket reaches a process
// on the same host, whose kernel refuses a connect while nobody listens,
// so a client reconnecting to its local agent cannot bring a fleet back
// in waves onto one server (retried forever, or with a network the
// analyzer cannot see, it is still reported), and so is a bounded retry
// of a request made with an *http.Client, kept in a field, that the
// package only ever builds with an http.Transport whose Dial or
// DialContext only dials such a socket (a node's local machine API); a
// bounded retry of a dial whose address visibly names this machine (a
// loopback, localhost or unspecified host, the address of a listener the
// program opened, or an unexported field written only with such
// addresses; directly or through a function of the package whose only
// network calls are such dials): its peer is a process on the same host,
// often a child the program started, with one client waiting for it, not
// a fleet (an address from a parameter or a config field, or a retry
// without a bound, is still reported); a
// readiness probe (a (*sql.DB).Ping, or a function of the package whose
// only network calls are probes or an HTTP GET or HEAD read only for its
// status) retried a fixed delay apart at most ten times, by a constant
// count, or until a deadline the loop checks on the clock: a short run
// of probes, which carry no work, waits for a server to come up and
// ends, it cannot keep one down (retried forever, by a count from a
// parameter or a field, more than ten times, with no delay, or a request
// whose response is read, it is still reported); and, with -tests, loops in test code (_test.go files,
// files that import a test library, test helper packages): a retry storm
// is a fleet's, and a test is one client against a fixture it started,
// bounded by go test -timeout.
//
// Bad:
//
//	for {
//		resp, err := client.Do(req)
//		if err == nil {
//			return resp, nil
//		}
//		time.Sleep(time.Second) // every client comes back after one second
//	}
//
// Good:
//
//	backoff := 100 * time.Millisecond
//	for attempt := 0; attempt < 5; attempt++ {
//		resp, err := client.Do(req)
//		if err == nil {
//			return resp, nil
//		}
//		sleep := backoff/2 + rand.N(backoff/2) // jitter
//		select {
//		case <-time.After(sleep):
//		case <-ctx.Done():
//			return nil, ctx.Err()
//		}
//		backoff = min(2*backoff, 10*time.Second)
//	}
//	return nil, errTooManyAttempts
//
// Options:
//
//	-retrystorm.backoffpkgs a,b   more import paths of retry and backoff libraries
//	                              whose use leaves a loop alone (with their subpackages)
//	-retrystorm.strict            report every fixed-delay retry, however it is capped
//	                              (the behaviour before the evidence standard)
package retrystorm
