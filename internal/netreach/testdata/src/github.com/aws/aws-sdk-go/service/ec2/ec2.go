// Package ec2 is a stand-in for github.com/aws/aws-sdk-go/service/ec2.
package ec2

import (
	"context"

	"github.com/aws/aws-sdk-go/aws/request"
)

type EC2 struct{}
type RunInstancesInput struct{ ClientToken *string }
type Reservation struct{}

func (c *EC2) RunInstances(input *RunInstancesInput) (*Reservation, error) { return nil, nil }
func (c *EC2) RunInstancesWithContext(ctx context.Context, input *RunInstancesInput, opts ...request.Option) (*Reservation, error) {
	return nil, nil
}
func (c *EC2) RunInstancesRequest(input *RunInstancesInput) (*request.Request, *Reservation) {
	return nil, nil
}
