// Package ctxdeadline defines an Analyzer that reports outgoing network
// calls whose context can never expire.
//
// # Analyzer ctxdeadline
//
// ctxdeadline: report network calls made with a context that has no deadline
//
// Mental model: timeouts are load shedding in disguise. A call whose
// context has no deadline waits as long as the server does: one stalled
// dependency holds the caller's goroutine, connection and memory
// forever, and a slow server becomes an outage upstream. A deadline
// turns that wait into an error the caller can handle.
//
// Evidence standard: distlint reports a network call with no deadline
// only when it can see where the call's context is made and that it
// is context.Background() or context.TODO() with no WithTimeout or
// WithDeadline on the way. A context from a parameter is the caller's:
// its deadline is theirs to set, and the analyzer stays silent (the
// timeout analyzer agrees and does not report a client whose requests
// carry a context). In test code (analyzed with -tests) a database call
// is left alone: the database is the test's fixture and go test -timeout
// bounds the wait; a test's HTTP requests, dials and RPCs are judged as
// elsewhere.
//
// The analyzer reports a network call whose context is
// context.Background() or context.TODO(), or is derived from them only
// by WithCancel, WithCancelCause, WithValue or WithoutCancel, with no
// WithTimeout or WithDeadline on the way. Network calls are those that
// internal/netreach classifies and a context bounds:
//
//   - an *http.Request made by http.NewRequestWithContext (or given a
//     context by WithContext or Clone) and sent by (*http.Client).Do on
//     http.DefaultClient or on a client made in view without Timeout
//     (a literal, new, or a factory of the package or another whose
//     summary makes one, and no helper it is handed to, setter or
//     assignment sets it; Timeout: 0 is no Timeout), unless every such
//     client's Transport is an http.Transport made with a
//     ResponseHeaderTimeout, in view or in an unexported field or
//     variable of the package that is only ever given such transports;
//   - gRPC unary calls: (*grpc.ClientConn).Invoke and the methods of
//     generated clients (a context first, ...grpc.CallOption last, a
//     response and an error, not a stream), except those a
//     hashicorp/go-plugin client stub makes (in a package that imports
//     go-plugin, a method of a type that mirrors a service's server
//     methods and keeps its client: the call goes to the plugin process
//     the program started on this host);
//   - database/sql's ExecContext, QueryContext, QueryRowContext,
//     PrepareContext, BeginTx and PingContext of DB, Conn, Tx and Stmt
//     (the other SQL libraries netreach knows are not reported yet),
//     except on a driver's scratch database: a *sql.DB that, followed
//     through locals, the package's functions and every value given to
//     an unexported field (nil aside), is always sql.OpenDB on a
//     connector of the package whose Connect reaches no network call
//     (go-hdb hands stored-procedure output back through one); it
//     serves what the process holds, and nothing there can stall. The
//     same holds for sql.Open when every value its driver name can
//     hold (constants, through locals and unexported package variables
//     and fields) names an embedded database (sqlite, sqlite3, duckdb:
//     no server) or rqlite (gorqlite's HTTP client has a 10 s Timeout);
//     unexported package-level handles are followed like fields
//     (mailpit keeps one sql.Open("sqlite"|"rqlite") in a global). A
//     driver name out of view (a parameter, a configuration field) or
//     any other driver (postgres, mysql, pgx) is still reported;
//   - (*net.Dialer).DialContext on a Dialer made in view (as above)
//     without Timeout or Deadline;
//   - a call of a function, in this package or another, whose context
//     parameter reaches one of the above with its deadline untouched
//     (an analysis fact carries this across packages), so that helper
//     chains are seen through.
//
// A context kept in an unexported struct field has the origin of every
// value the package stores there (`&client{ctx: context.Background()}`
// in a constructor, then `c.db.QueryContext(c.ctx, ...)` in a method)
// when each is context.Background() or TODO() itself; a field set from a
// parameter, through a pointer, or by other packages is out of view, and
// a context derived with WithCancel and kept is a service's lifetime,
// cancelled at shutdown rather than timed out.
//
// The context is followed through local variables and derivations inside
// the function. Where it comes from a parameter, a field it cannot see
// into, a global or the result of any other call, the caller or the owner decides the
// deadline, and the analyzer stays silent.
//
// Left alone: schema setup at startup (a call or enclosing function
// whose name has a word starting with migrat, or schema, and the
// constructors and setup functions without a context parameter: New...,
// Create..., Open..., Setup..., Init...), where a deadline would abort a
// migration halfway and a stall is visible to the operator; streaming
// RPCs (their response is a stream) and calls
// whose name, gRPC method or enclosing function has a word that starts
// with watch, subscri, stream, poll or listen, or is serve (WatchEvents,
// LongPoll, Subscribe), which are meant to stay open; compatibility
// forms, a function without a context that calls its own context variant
// with context.Background() (Query calling QueryContext, Begin calling
// BeginTx), whose callers are the ones to fix; clients and dialers that may have a Timeout (made out of
// view); calls of helpers from main and init, or started as goroutines,
// and helpers that run for the process's lifetime (named Run..., Start...,
// ...Loop, or reaching the call in an endless loop, a loop over a channel
// or a goroutine): their contexts are cancelled at shutdown, not timed
// out. A call made in the body of an HTTP handler (a function taking an
// http.ResponseWriter and an *http.Request) with a context the handler
// made from context.Background() or TODO() is lostcontext's: the one
// mistake is dropping the request's context, passing r.Context() fixes
// it, and one mistake gets one finding. Work the handler starts in a
// goroutine or a callback, and a context kept in a field, stay
// ctxdeadline's.
//
// Bad:
//
//	req, _ := http.NewRequestWithContext(context.Background(), "GET", url, nil)
//	resp, err := http.DefaultClient.Do(req) // waits for a stalled server forever
//
//	rows, err := db.QueryContext(context.TODO(), q)
//
// Good:
//
//	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
//	defer cancel()
//	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
//
//	func (s *Store) Load(ctx context.Context) error {
//		rows, err := s.db.QueryContext(ctx, q) // the caller owns the deadline
//		...
//	}
//
// Options: none besides the suite's (-tests, -generated).
package ctxdeadline
