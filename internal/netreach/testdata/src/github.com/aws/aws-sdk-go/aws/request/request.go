// Package request is a stand-in for github.com/aws/aws-sdk-go/aws/request.
package request

type Request struct{}

func (r *Request) Send() error { return nil }

type Option func(*Request)
