package ignoredctx

import (
	"context"
	"net/http"

	"go.opentelemetry.io/otel/metric"
)

type engine struct {
	batch    metric.Int64Histogram
	requests metric.Int64Counter
}

// A fresh context handed only to metric instruments: recording a value
// in memory does no work a deadline or a cancellation could stop.
func (e *engine) check(w http.ResponseWriter, r *http.Request) {
	e.batch.Record(context.Background(), 3)
	ctx := context.TODO()
	e.requests.Add(ctx, 1)
	e.batch.Record(ctx, 1)
}

// Look-alike: the same context also reaches work.
func (e *engine) checkAndWork(w http.ResponseWriter, r *http.Request) {
	ctx := context.Background() // want `context.Background\(\) where r.Context\(\) is in scope`
	e.requests.Add(ctx, 1)
	slowWork(ctx)
}
