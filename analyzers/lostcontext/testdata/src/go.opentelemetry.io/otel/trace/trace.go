// Package trace stands in for go.opentelemetry.io/otel/trace.
package trace

import "context"

type SpanContext struct{}
type Link struct{}
type Span interface {
	End()
	AddLink(Link)
}
type Tracer interface {
	Start(ctx context.Context, name string) (context.Context, Span)
}

func SpanContextFromContext(ctx context.Context) SpanContext                     { return SpanContext{} }
func SpanFromContext(ctx context.Context) Span                                   { return nil }
func LinkFromContext(ctx context.Context) Link                                   { return Link{} }
func ContextWithSpanContext(ctx context.Context, sc SpanContext) context.Context { return ctx }
