// Package grpc stands in for google.golang.org/grpc.
package grpc

import "context"

type CallOption interface{}

type UnaryServerInfo struct{ FullMethod string }

type UnaryHandler func(ctx context.Context, req any) (any, error)
