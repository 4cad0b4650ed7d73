// Package ecs is an SDK that builds requests with factory functions, as
// the Alibaba Cloud SDK does.
package ecs

import (
	_ "net/http" // it sends over net/http
)

type RpcRequest struct {
	Method  string
	Product string
}

func (r *RpcRequest) InitWithApiInfo(product, action string) { r.Product = product }

type RunInstancesRequest struct {
	*RpcRequest
	ImageId     string
	Amount      int
	ClientToken string
}

type RunInstancesResponse struct{}

// CreateRunInstancesRequest returns a fresh request.
func CreateRunInstancesRequest() (request *RunInstancesRequest) { // a factory: internal/flow's Fresh summary
	request = &RunInstancesRequest{
		RpcRequest: &RpcRequest{},
	}
	request.InitWithApiInfo("Ecs", "RunInstances")
	request.Method = "POST"
	return
}

// NewRunInstancesRequest returns a fresh request, built another way.
func NewRunInstancesRequest(image string) (*RunInstancesRequest, error) { // a factory: internal/flow's Fresh summary
	if image == "" {
		return nil, nil
	}
	r := new(RunInstancesRequest)
	r.ImageId = image
	return r, nil
}

// CreateKeyedRequest sets a token: not fresh for the rule.
func CreateKeyedRequest(token string) *RunInstancesRequest {
	return &RunInstancesRequest{ClientToken: token}
}

// CachedRequest returns a shared request: built out of view.
func CachedRequest() *RunInstancesRequest { return cached }

var cached = &RunInstancesRequest{}

type Client struct{}

func (c *Client) RunInstances(request *RunInstancesRequest) (*RunInstancesResponse, error) {
	return &RunInstancesResponse{}, nil
}
