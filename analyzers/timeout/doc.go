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
// The analyzer reports:
//
//   - an http.Client made with a composite literal, new or a zero-value
//     declaration, whose Timeout is unset or explicitly 0, unless a
//     Timeout is assigned to it later in the same function, or it is a
//     local client whose every request is sent with a context that
//     visibly carries a deadline (context.WithTimeout or WithDeadline in
//     the same function);
//   - uses of http.DefaultClient, and calls of http.Get, http.Head,
//     http.Post and http.PostForm, which use it; a DefaultClient.Do whose
//     request visibly carries a deadline is left alone, and so are
//     assignments to its fields and comparisons with it;
//   - an http.Server with neither ReadHeaderTimeout nor ReadTimeout
//     (unless one is assigned to it later in the same function), and calls
//     of http.ListenAndServe, http.ListenAndServeTLS, http.Serve and
//     http.ServeTLS, which cannot set one;
//   - net.Dial and tls.Dial on a TCP network, net.DialTCP, and Dial or
//     tls.DialWithDialer with a net.Dialer that has neither Timeout nor
//     Deadline. DialContext takes the caller's context and is left alone,
//     as are UDP and Unix-socket dials, which do not wait on a peer.
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
