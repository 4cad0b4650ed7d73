// Package ec2 is a stand-in for github.com/aws/aws-sdk-go-v2/service/ec2.
package ec2

import (
	"context"
	_ "net/http" // the real SDK sends over net/http
)

type Client struct{}

type RunInstancesInput struct {
	ImageId     *string
	MaxCount    *int32
	MinCount    *int32
	ClientToken *string
}

type RunInstancesOutput struct{}

func (c *Client) RunInstances(ctx context.Context, params *RunInstancesInput, optFns ...func(*Options)) (*RunInstancesOutput, error) {
	return &RunInstancesOutput{}, nil
}

type DescribeInstancesInput struct {
	ClientToken *string
}

type DescribeInstancesOutput struct{}

func (c *Client) DescribeInstances(ctx context.Context, params *DescribeInstancesInput, optFns ...func(*Options)) (*DescribeInstancesOutput, error) {
	return &DescribeInstancesOutput{}, nil
}

type Options struct{}
