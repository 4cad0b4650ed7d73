// A fresh context that carries or links the request's trace by hand is
// deliberate (service corpus: openfga).
package tracecarry

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/trace"
)

var tracer trace.Tracer

func refresh(ctx context.Context, id string) {}

// A new trace, linked to the request's span.
func linked(parentCtx context.Context, id string) {
	ctx, span := tracer.Start(context.Background(), "refresh")
	defer span.End()
	trace.SpanFromContext(parentCtx).AddLink(trace.LinkFromContext(ctx))
	refresh(ctx, id)
}

// Its own deadline, with the request's span context injected.
func shadow(ctx context.Context, id string) {
	original := trace.SpanContextFromContext(ctx)
	func() {
		nctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		nctx = trace.ContextWithSpanContext(nctx, original)
		refresh(nctx, id)
	}()
}

// A new root span with nothing carried over loses the trace.
func unlinked(ctx context.Context, id string) {
	nctx, span := tracer.Start(context.Background(), "refresh") // want `context.Background\(\) where ctx is in scope`
	defer span.End()
	refresh(nctx, id)
}

// The gRPC-free incoming request that feeds the functions above.
func handle(w http.ResponseWriter, r *http.Request) {
	linked(r.Context(), "id")
	shadow(r.Context(), "id")
	unlinked(r.Context(), "id")
}
