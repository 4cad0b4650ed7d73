// Package timeout defines an Analyzer that reports network clients,
// servers and dials that have no bound on how long they may wait.
//
// # Analyzer timeout
//
// timeout: report HTTP clients, HTTP servers and dials with no timeout
//
// Mental model: timeouts are load shedding in disguise. A call with no
// timeout waits as long as the other side wants; when a dependency
// stalls, every caller's goroutines, connections and memory pile up
// behind it until the whole service falls over.
//
// Evidence standard: distlint reports a client, server or dial with no
// timeout only when it can see a wait that nothing bounds: a request sent
// with no context by a client without Timeout, a server that nothing gives a
// read timeout, a dial to a host that may be unreachable. A request that
// carries a context is bounded by that context: a parameter's deadline
// is the caller's to set, and a context with no deadline is ctxdeadline's
// finding, so one mistake gets one finding. A request that http.DefaultClient
// sends (its Do, or a helper handed the client with the request, as
// Pulumi's httputil.DoWithRetry(req, http.DefaultClient)) is judged
// where it is made: made with a context in view (by
// NewRequestWithContext, or given one by WithContext or Clone on every
// way to the send: req = req.WithContext(ctx) before Do), or a parameter whose
// every caller in the package makes it with one, or whose callers are
// out of view (a callback, a function literal), it is bounded; a caller
// in view that makes it without a context, or an exported function's
// parameter with no such caller, keeps the finding. An escape is no evidence: a
// client without Timeout is reported only where a request with no context
// is visibly sent through it, in the function that makes it, through the
// fields, variables, parameters and results it is followed to in the
// package, or by a function it is handed to that sends it one (seen
// across packages by the ContextlessClients facts the analyzer exports on
// such functions and on exported struct fields: pulsar-client-go's
// NewTokenRetriever keeps its Doer for requests a helper makes with
// http.NewRequest). A request sent in test code (a test file, a test
// double) is no evidence against a client made outside it: go test
// -timeout bounds its wait (oauth1's NewClient, whose only request with
// no context is its test's Get of an httptest server); under -tests a
// client made in a test is judged by the test's requests. A client returned (go-github's Client() helpers),
// kept in an exported field or behind a getter, or handed to a function
// whose use of it cannot be seen, is silent where it is made: the code
// that sends its requests is where the finding belongs (the
// SharedClient facts below report it there for a package-level client).
// A client whose Transport is an http.Transport built in view with
// ResponseHeaderTimeout set (a literal, a Clone of
// http.DefaultTransport given one, a helper that sets it, a function of
// the package that returns only such transports) bounds the wait
// for a request with no context: dial, TLS handshake and the response
// headers are bounded (jaeger-client-go's remote sampler); a server that
// stalls in the middle of the body is out of scope. A client is judged by the
// requests it sends wherever it goes in view: through helpers that only
// configure it (and return it) and through the callers of an unexported
// function that returns it. A client handed to a cloud or registry SDK
// (a function of aws-sdk-go or aws-sdk-go-v2, the Azure SDK, Google's API
// or Cloud clients or oras-go, or a field of their options) is that
// SDK's transport, and the SDK sends no request without a context: it replaces the SDK's own default
// client, which has no Timeout either; the SDK bounds each request by
// the context of the operation (aws-sdk-go v1's ...WithContext forms),
// set in the caller's code; and those requests move blobs that a
// whole-request Timeout would cut off. A client handed to a function
// that only keeps it in fields of its package (a library's
// SetHttpClient option, a wrapper's constructor), through which every
// request is sent with a context or forwarded by a RoundTrip, is
// bounded by those contexts: seen in the same package by reading the
// function and the fields' uses (followed through local variables,
// other fields and the parameters of functions it is handed to, with a
// context that is not visibly context.Background() or context.TODO()),
// across packages by the BoundedClients facts the analyzer exports on
// such functions and on exported struct fields (a webhook client kept
// by an option closure, copied into another package's Config and sent
// by a method that builds every request with NewRequestWithContext). A RoundTrip forwards the
// requests of the client whose transport it is, so an inner client
// adds no wait of its own; and a client whose Transport sends again
// through a client the caller supplies (a parameter) is bounded by
// that client's Timeout, out of view. A client kept where some request
// goes with no context (a Get, a request from http.NewRequest or from
// a helper) is reported where it is handed on. A client in a package-level
// variable that other packages reach through an exported name (the
// variable, or an exported function that returns it) is shared: its
// package sees only some of its uses, so it is reported at its
// definition only for a request sent with no context in view there;
// every other package is judged where it uses it, by the SharedClient
// facts the analyzer exports, and reported there, naming the client's
// definition, when it sends a request with no context through it. A
// shared client handed on out of view (stored in another package,
// handed to a function) is no evidence anywhere: its requests cannot be
// seen. A dial is judged by its address:
// an address this process listens on cannot be an unreachable host, and
// in test code (analyzed with -tests) only a constant naming a remote
// host is evidence of one: a test dials the fixtures it started.
//
// The analyzer reports:
//
//   - an http.Client made with a composite literal, new or a zero-value
//     declaration, whose Timeout is unset or explicitly 0 (and not
//     assigned later in the same function), when it sends a request with
//     no context (its Get, Head, Post or PostForm, or Do with a request
//     from http.NewRequest, or from a helper of the package that returns
//     one, that is never given a context), or is handed to a function
//     (or stored in another package's field) that sends it such a
//     request; the message names where. A client kept in an
//     unexported field or variable is followed to every use in the
//     package (a request with no context sent through a struct's field
//     in a method, directly or by a getter that returns the receiver's
//     field, is evidence only against the clients kept in the values
//     that method can be called on, when where those values are made
//     can be seen: the literals and new calls that reach its receiver
//     through local variables, function results, unexported fields and
//     the callers of unexported methods; go-containerregistry's writer,
//     whose cancelUpload runs only on the writer CheckPushPermission
//     builds; a method called on a parameter, exported, or named by an
//     interface of the package may run on any value); one handed to a
//     helper that, by internal/flow's summary, only configures it
//     (sets its fields, sends nothing, lets it go nowhere else) is
//     followed past the helper to the helper's result;
//     one returned by a function or method is followed to what each
//     caller in the package does with the result; one whose every request
//     carries a context, or is out of view (a request parameter), is
//     left alone, and so is one that a setter method or configure helper
//     gives a Timeout, or a zero client kept in a variable that may hold
//     a caller's client instead (`clone := http.Client{}; if client !=
//     nil { clone = *client }`);
//   - a use of another package's shared client (pkg.Client, or a call
//     of pkg.NewClient() that returns it) that sends a request with no
//     context, followed through the variables, fields and helpers of
//     the package as a client is;
//   - uses of http.DefaultClient, and calls of http.Get, http.Head,
//     http.Post and http.PostForm, which use it (in an HTTP handler, a
//     context-less http.Get is lostcontext's finding, and so is a
//     net.Dial there); a DefaultClient.Do whose
//     request visibly carries a context is left alone (see above), and so
//     is one handed to a function with a context that is not visibly
//     context.Background() or context.TODO(): the caller's, which bounds
//     the helper's requests (unless the helper's summary shows it sending
//     with Get, Head, Post or PostForm, which take none); so is a
//     DefaultClient sending a request in the branch taken when a client
//     is nil (`if hc != nil { hc.Get(u) } else { http.DefaultClient.Get(u)
//     }`), that client's fallback, like `if c == nil { c =
//     http.DefaultClient }` (also, in this assignment form,
//     `c == nil || c == (*http.Client)(nil)` for an interface that may
//     hold a typed nil) and `if hc != nil { c.c = hc } else { c.c =
//     http.DefaultClient }`, and a getter's `if c.hc == nil { return
//     http.DefaultClient }` or `if c.hc != nil { return c.hc }; return
//     http.DefaultClient`; so is one handed to a function that keeps
//     it where every request carries a context (above); and so are
//     assignments to its fields and
//     comparisons with it; kept in a struct field, it is judged by the
//     field's uses as a client is, and so is one kept in a local
//     variable of the function (client := http.DefaultClient, often
//     replaced by a configured client where there is one, or a var
//     given it in one case of a switch): silent when
//     every use is in view and every request sent through it carries a
//     context, reported when one carries none or the variable escapes
//     (returned, handed out of view). Kept in a package-level variable
//     (a default that callers may replace), or returned by an unexported
//     function whose callers are in view, it is judged by the requests
//     sent through it in view: silent when some are and each carries a
//     context, reported when one carries none; a getter with no caller
//     in view, or whose result escapes, stays reported;
//   - an http.Server with neither ReadHeaderTimeout nor ReadTimeout,
//     unless one is assigned to it later in the same function, or it is
//     handed to a helper that sets one (directly or through other
//     helpers, seen across packages by internal/flow's summaries) or
//     that is out of view (a function value, an interface method, a
//     helper with no summary); a visible helper that sets neither
//     silences nothing. A server kept in an unexported field of a
//     package struct is judged by the whole package: an assignment of a
//     non-zero ReadHeaderTimeout or ReadTimeout to that field's server
//     anywhere in it (a Serve method copying the struct's settings) is
//     the one it is served with. In test code a server (and http.Serve) in a
//     function that opens the listener it serves on is the test's
//     fixture, whose only clients are the test's own;
//   - a struct type of the package that embeds an http.Server by value,
//     made without giving the server a value, when the package serves
//     with it and no builder or setter sets a read timeout on it;
//   - calls of http.ListenAndServe, http.ListenAndServeTLS, http.Serve and
//     http.ServeTLS, which cannot set one, unless http.Serve(TLS) serves
//     on a listener that is visibly a Unix-domain socket (opened with
//     the constant network "unix" or "unixpacket", followed through
//     local variables and the package's unexported fields), which no
//     remote client can reach; a TCP listener, or one out of view,
//     stays reported. Likewise an http.Server literal kept in a variable
//     or an unexported field that the package serves only with Serve or
//     ServeTLS on such listeners (a job API on a Unix socket, built in a
//     constructor and served in Start) is left alone; one also served
//     with ListenAndServe, or never served in view, stays reported;
//   - net.Dial and tls.Dial on a TCP network, net.DialTCP, and Dial or
//     tls.DialWithDialer with a net.Dialer that has neither Timeout nor
//     Deadline. DialContext takes the caller's context and is left alone,
//     as are UDP and Unix-socket dials, which do not wait on a peer,
//     dials to the address of a listener the same function opened, and
//     dials to an address the package listens on: the same constant,
//     package-level variable, or chain of fields from a variable of the
//     same type (config.HTTP.Addr) that is given to net.Listen,
//     tls.Listen, ListenConfig.Listen, http.ListenAndServe(TLS) or an
//     http.Server's Addr anywhere in the package, and dials to an
//     address whose host, in view, names this machine (a constant, a
//     concatenation, fmt.Sprintf("127.0.0.1:%d", port) or
//     net.JoinHostPort("::1", port), through locals given only such
//     values, or through an unexported field of the package whose every
//     write is such an address or a listener's Addr; localhost, a
//     loopback or unspecified IP, or no host): a peer here accepts or
//     refuses at once. A host formatted in, or from a parameter or a
//     field written with one, keeps the finding. In test code a dial
//     is reported only when its address is, or starts with, a constant
//     that names a remote host ("db.example.com:5432"); a computed
//     address (server.addr(), lis.Addr().String(), a parameter) or a
//     loopback one ("localhost:"+port) is the test's own fixture.
//
// For large downloads, where a whole-request Timeout would cut the body
// off, the messages point to Transport.ResponseHeaderTimeout or a
// context deadline.
//
// Bad:
//
//	client := &http.Client{}
//	resp, err := client.Get(url) // waits forever on a stalled server
//
//	http.ListenAndServe(":8080", mux) // slowloris holds every connection
//
// Good:
//
//	client := &http.Client{Timeout: 30 * time.Second}
//
//	srv := &http.Server{Addr: ":8080", Handler: mux, ReadHeaderTimeout: 10 * time.Second}
//	srv.ListenAndServe()
//
// For an http.Server literal the analyzer offers a fix that inserts
// ReadHeaderTimeout: 10 * time.Second.
//
// Options: none besides the suite's (-tests, -generated).
package timeout
