// Package grpc stands in for google.golang.org/grpc: the types that
// generated server code names.
package grpc

import "context"

type ServiceRegistrar interface {
	RegisterService(desc any, impl any)
}

type ServerStream interface {
	SetHeader(md any) error
	Context() context.Context
	SendMsg(m any) error
	RecvMsg(m any) error
}
