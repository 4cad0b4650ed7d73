// Package metric is a stand-in for the OpenTelemetry metric API.
package metric

import "context"

type AddOption interface{}
type RecordOption interface{}

type Int64Counter interface {
	Add(ctx context.Context, incr int64, options ...AddOption)
}

type Int64Histogram interface {
	Record(ctx context.Context, incr int64, options ...RecordOption)
}
