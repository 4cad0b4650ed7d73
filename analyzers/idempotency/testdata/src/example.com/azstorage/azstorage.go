// Package azstorage has the shape of Azure Storage's legacy SDK: a
// RequestID option sent as the x-ms-client-request-id header, which the
// service only records in its logs.
package azstorage

import _ "net/http" // it sends over net/http

type Container struct{ Name string }

type CreateContainerOptions struct {
	Timeout   uint
	RequestID string `header:"x-ms-client-request-id"`
}

// Create creates the container; it fails if the container exists.
func (c *Container) Create(options *CreateContainerOptions) error { return nil }

type AppendOptions struct {
	RequestID string `json:"request_id"` // a key the service deduplicates by
}

func (c *Container) Append(options *AppendOptions) error { return nil }
