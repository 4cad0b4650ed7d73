// Package otelmetric records durations with the real OpenTelemetry API.
package otelmetric

import (
	"context"
	"net/http"
	"time"

	"go.opentelemetry.io/otel/metric"
)

type instruments struct {
	lastLatency metric.Float64Gauge
	lastMillis  metric.Int64Gauge
	busy        metric.Float64Counter
	count       metric.Int64Counter
	hist        metric.Float64Histogram
	queueDepth  metric.Int64Gauge
}

func (in *instruments) fetch(ctx context.Context, c *http.Client, req *http.Request) error {
	start := time.Now()
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	in.lastLatency.Record(ctx, time.Since(start).Seconds())     // want `latency measured per request recorded into a gauge`
	in.lastMillis.Record(ctx, time.Since(start).Milliseconds()) // want `latency measured per request recorded into a gauge`
	in.busy.Add(ctx, time.Since(start).Seconds())               // want `duration summed into a counter next to a count`
	in.count.Add(ctx, 1)
	in.hist.Record(ctx, time.Since(start).Seconds())
	in.queueDepth.Record(ctx, 3)
	return nil
}

// refresh runs once; its gauge holds the last run.
func (in *instruments) refresh(ctx context.Context, load func()) {
	start := time.Now()
	load()
	in.lastLatency.Record(ctx, time.Since(start).Seconds())
	in.busy.Add(ctx, time.Since(start).Seconds())
}
