// Package orderspb is a stand-in for a gRPC stub whose request message has
// an idempotency_key field.
package orderspb

import (
	"context"
	_ "net/http" // the real stub's gRPC transport depends on net/http
)

type CallOption interface{}

type CreateOrderRequest struct {
	Sku            string
	IdempotencyKey string
}

func (x *CreateOrderRequest) SetIdempotencyKey(v string) { x.IdempotencyKey = v }

type Order struct{}

type OrderServiceClient interface {
	CreateOrder(ctx context.Context, in *CreateOrderRequest, opts ...CallOption) (*Order, error)
	GetOrder(ctx context.Context, in *CreateOrderRequest, opts ...CallOption) (*Order, error)
}
