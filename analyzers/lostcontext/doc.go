// Package lostcontext defines an Analyzer that reports work done on
// behalf of a request that throws the request's context away.
//
// # Analyzer lostcontext
//
// lostcontext: report work that drops an incoming request's context
//
// Mental model: debugging is hypothesis testing. The request's context
// carries its deadline, its cancellation and its trace; work started
// with context.Background() inside a request runs on after the caller
// gave up, and its spans and logs no longer connect to the request that
// caused them, so the one clue that would explain a failure is gone.
//
// Evidence standard: distlint reports lost context only when it can see
// that the context in scope belongs to an incoming request: the
// *http.Request of a function with an http.HandlerFunc's signature
// (http.ResponseWriter, *http.Request), the context (or stream) of a
// gRPC server method (a method of a type that implements a generated
// XxxServer interface, next to its RegisterXxxServer, and keeps no
// XxxClient of the same service: a hashicorp/go-plugin client stub
// mirrors the server's methods), or a context or
// request parameter of a function in the same package that such a
// function calls with the request or its context (derived contexts
// included, any number of calls deep). A context of any other origin (a
// service's lifetime, a scheduler's job, an outgoing request being
// built) is the caller's business, and the analyzer stays silent.
//
// Where such a context is in scope, the analyzer reports:
//
//   - context.Background() or context.TODO() passed on to a call,
//     directly or through a local variable or a derivation
//     (context.WithTimeout of it) that is handed to a call, stored or
//     returned; a fresh context used only as a local deadline timer (its
//     Done, Err or Deadline polled in a select or a loop) is handed to
//     no work and loses nothing, so it is left alone; the fix replaces it with the
//     context in scope (ctx, or r.Context()), or inside a goroutine the
//     request waits for (it calls a WaitGroup's Done or sends its result
//     on a channel) with context.WithoutCancel(ctx), which keeps the
//     trace but not the cancellation;
//   - http.NewRequest, which makes a request with no context, unless the
//     request is given one with WithContext or Clone; the fix calls
//     http.NewRequestWithContext with the context in scope;
//   - context-less calls: http.Get, Head, Post and PostForm, the same
//     methods of an *http.Client, net.Dial and net.DialTimeout, and the
//     database/sql methods that have a Context form (Query and
//     QueryContext); the fix, where the call maps onto the context form,
//     uses it with the request's context.
//
// Deliberate detachment is left alone, because passing the request's
// context there would make cleanup cancellable: calls whose name says
// they clean up (Close, Shutdown, Rollback, Release, Unlock, Abort...),
// and the work of functions so named;
// code on a failure path (inside an if that tests an error against nil,
// ctx.Err(), or errors.Is with context.Canceled or DeadlineExceeded, or a
// select case on the request's Done); code after the function waited on
// the request's Done; deferred cleanup; a statement with a comment on the
// line above that explains the fresh context (it mentions the context,
// cancellation, a deadline, detaching or outliving the request);
// goroutines nothing waits for (fire and forget: work that outlives the
// request by design), and so functions some caller starts that way (`go
// c.put(ctx, key)`, handed no channel or WaitGroup), wherever else they
// are called, and a fresh context made as an argument of such a go
// statement (`go s.reload(context.Background())`: the goroutine's own
// context), and goroutines marked //distlint:detached <reason>
// on their go statement's line or the line above; context.WithoutCancel(ctx), the deliberate
// detachment that keeps trace values; a fresh context made after the
// handler took its connection over (a Hijack with http.Hijacker's
// results, or the Accept or Upgrade of a WebSocket library, such as
// github.com/coder/websocket, nhooyr.io/websocket, gorilla/websocket or
// golang.org/x/net/websocket, that takes the ResponseWriter and the
// request), when the take-over comes before it in the same function and
// in a block that holds it (not in another branch): the request is over
// as HTTP, and its context carries no deadline or client-disconnect
// signal any more; a fresh context handed only to calls of a function
// value of an unexported func type of the package (a handler adapter,
// type handlerFunc func(context.Context, http.ResponseWriter,
// *http.Request), whose ServeHTTP passes context.TODO()) when every
// function of the package with that type's signature (declarations,
// methods, literals) ignores its context parameter (named _, or only
// handed on to a value of the same type) and no value of that signature
// comes from elsewhere (another package's function or variable, a type
// assertion, an index): no deadline or trace can be lost; a fresh
// context handed only to OpenTelemetry metric instruments (Add or Record
// of a go.opentelemetry.io/otel/metric type: recording a value in memory
// is no work a deadline or a cancellation could stop). Also left
// alone: functions that
// are roots themselves (main, init, tests, benchmarks, fuzz targets),
// and unnamed or _ parameters.
//
// Across packages, a fact carries what a function would lose if its
// context parameter held a request's (the fresh context it passes on, or
// the helper it hands the context to that does): a handler in another
// package that calls it with its request's context gets the finding at
// that call, naming where the context is lost. Under the golangci-lint
// plugin, which sees one package at a time, those findings are missed.
//
// Bad:
//
//	func (s *Service) Charge(ctx context.Context, id string) error {
//		return s.db.ExecContext(context.Background(), q, id) // loses deadline and trace
//	}
//
// Good:
//
//	func (s *Service) Charge(ctx context.Context, id string) error {
//		return s.db.ExecContext(ctx, q, id)
//	}
//
//	//distlint:detached the audit write must finish after the client hangs up
//	go s.audit(context.WithoutCancel(ctx), id)
//
// Options: none besides the suite's (-tests, -generated).
package lostcontext
