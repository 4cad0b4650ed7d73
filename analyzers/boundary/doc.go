// Package boundary defines an Analyzer that maps every outbound network
// call and the protections around it, and optionally reports the calls
// that lack a protection a team requires.
//
// # Analyzer boundary
//
// boundary: map outbound calls and report those missing a required timeout, retry backoff, idempotency key or circuit breaker
//
// Mental model: every place a service leaves its process is a place where
// another system's failure becomes its own. Each such call needs a bound
// on how long it waits (timeout), a replay policy that does not hammer a
// struggling dependency (retry with backoff), a way to make a replay safe
// (idempotency key) and, for teams that adopt the rule, a circuit breaker
// that stops calling a dependency that is down.
//
// Evidence standard: with -boundary.require, distlint reports a call only
// for a protection that is visibly missing (the default client, a dial
// without timeout, a retry with a fixed delay, an unkeyed write, no
// breaker around the call); a status it cannot see is "unknown" in the
// map and never a finding.
//
// The analyzer finds the outbound calls of a package: HTTP requests
// (net/http), gRPC calls (ClientConn.Invoke and generated client
// methods), database/sql statements, Kafka, NATS, AMQP and Redis
// operations, cloud SDK operations (AWS SDK v2 service clients) and dials
// (net, crypto/tls). For each it decides four protections, from what it
// can see in the enclosing function:
//
//   - timeout: set (a client Timeout, a dialer timeout, a context made
//     with a deadline on the path), caller (the only bound is a context
//     that comes from a parameter), missing (visibly none: the default
//     HTTP client, net.Dial, context.Background) or unknown;
//   - retry: none (sent once), backoff (retried with growing delays or a
//     backoff library), unsafe (retried with no delay or a fixed one) or
//     unknown;
//   - idempotency: set (an idempotency key header, a message id), n/a (a
//     read or an idempotent method), missing (a POST or PATCH, an INSERT,
//     with no key) or unknown;
//   - breaker: set when the call runs inside a circuit breaker
//     (sony/gobreaker v1 and v2 Execute, a failsafe-go execution with a
//     circuit breaker policy or an executor made out of view,
//     afex/hystrix-go Do and Go, or a function that facts show runs its
//     callback in one), else missing.
//
// It reports nothing by default. With -boundary.require (the distlint
// command also accepts -boundaries.require) set to a list of
// protections, it reports each outbound call that visibly lacks one of
// them: a timeout that is missing, a retry that is unsafe, an idempotency
// key that is missing, a breaker that is missing. Unknown statuses are
// never reported. The distlint command's -boundaries mode turns on
// -boundary.map, under which the analyzer emits one entry per call (a
// diagnostic of category boundary-map whose message is the entry in JSON)
// that the command renders as JSON, Markdown or HTML.
//
// Bad:
//
//	// with -boundary.require=timeout,breaker: the default client, no breaker
//	resp, err := http.Post(url, "application/json", body)
//
// Good:
//
//	client := &http.Client{Timeout: 5 * time.Second}
//	_, err := cb.Execute(func() (any, error) { return client.Do(req) })
//
// Options:
//
//   - require: comma-separated protections to require of every outbound
//     call: timeout, retry, idempotency, breaker (default none: the
//     analyzer reports nothing);
//   - map: emit the boundary map entries (set by distlint -boundaries).
package boundary
