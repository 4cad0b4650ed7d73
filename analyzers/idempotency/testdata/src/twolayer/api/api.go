// Package api is the upper helper layer, built on reqlib.
package api

import (
	"context"
	"net/http"

	"twolayer/reqlib"
)

// NewOrder builds the POST that creates an order.
func NewOrder(ctx context.Context, url string) (*http.Request, error) { // want NewOrder:`returnsRequest\(POST; key unset\)`
	return reqlib.NewRequest(ctx, http.MethodPost, url, nil)
}

// NewKeyedOrder builds it with a key.
func NewKeyedOrder(ctx context.Context, url, key string) (*http.Request, error) { // want NewKeyedOrder:`returnsRequest\(POST; key set\)`
	req, err := reqlib.NewRequest(ctx, http.MethodPost, url, nil)
	if err != nil {
		return nil, err
	}
	reqlib.SetKey(req.Header, key)
	return req, nil
}

// NewQuery builds a read.
func NewQuery(ctx context.Context, url string) (*http.Request, error) { // want NewQuery:`returnsRequest\(GET; key unset\)`
	return reqlib.NewRequest(ctx, http.MethodGet, url, nil)
}

// Prepare sets the key through the lower layer.
func Prepare(req *http.Request, key string) { // want Prepare:`setsKey\(param 0\)`
	reqlib.SetKey(req.Header, key)
}

// Deliver sends through the lower layer.
func Deliver(req *http.Request) error { // want Deliver:`sendsRequest\(param 0\)`
	_, err := reqlib.Send(http.DefaultClient, req)
	return err
}
