// Package lostcontext defines an Analyzer that reports work done on
// behalf of a request that throws the request's context away.
//
// # Analyzer lostcontext
//
// lostcontext: report request work that drops the context in scope
//
// Mental model: debugging is hypothesis testing. The request's context
// carries its deadline, its cancellation and its trace; work started
// with context.Background() inside a request runs on after the caller
// gave up, and its spans and logs no longer connect to the request that
// caused them, so the one clue that would explain a failure is gone.
//
// The analyzer reports, in a function that has a context.Context
// parameter or an *http.Request parameter:
//
//   - context.Background() or context.TODO() passed on to a call,
//     directly or through a local variable; the fix replaces it with the
//     context in scope (ctx, or r.Context()), or inside a goroutine with
//     context.WithoutCancel(ctx), which keeps the trace but not the
//     cancellation;
//   - http.NewRequest, which makes a request with no context, unless the
//     request is given one with WithContext or Clone; the fix calls
//     http.NewRequestWithContext with the context in scope.
//
// Left alone: functions that are roots themselves (main, init, tests,
// benchmarks, fuzz targets); code after the function waited on
// ctx.Done() (shutdown paths, where the request context is already
// cancelled) and deferred cleanup; goroutines marked
// //distlint:detached <reason> on their go statement's line or the line
// above; context.WithoutCancel(ctx), the deliberate detachment that keeps
// trace values; functions whose context parameter is unnamed or _.
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
