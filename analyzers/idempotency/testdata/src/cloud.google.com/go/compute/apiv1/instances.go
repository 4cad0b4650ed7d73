// Package compute is a stand-in for Google Cloud's compute client.
package compute

import (
	"context"
	_ "net/http" // the real client sends over HTTP or gRPC

	"cloud.google.com/go/compute/apiv1/computepb"
)

type InstancesClient struct{}

type Operation struct{}

func (c *InstancesClient) Insert(ctx context.Context, req *computepb.InsertInstanceRequest) (*Operation, error) {
	return &Operation{}, nil
}

type CertsClient struct{}

func (c *CertsClient) GenerateClientCertificate(ctx context.Context, req *computepb.GenerateClientCertificateRequest) (string, error) {
	return "", nil
}

func (c *CertsClient) CreateClientCertificate(ctx context.Context, req *computepb.CreateClientCertificateRequest) (string, error) {
	return "", nil
}
