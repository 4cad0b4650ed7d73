// Package cloud uses the real Alibaba Cloud SDK, whose requests come from
// factory functions, and the AWS SDK for Go v1 with a retry helper that
// takes a closure.
package cloud

import (
	"context"
	"errors"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/ecs"
	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/ec2"
	"github.com/aws/aws-sdk-go/service/ec2/ec2iface"
)

// Alibaba Cloud: ecs.CreateRunInstancesRequest returns a fresh request.

func runAlibaba(client *ecs.Client) (*ecs.RunInstancesResponse, error) {
	request := ecs.CreateRunInstancesRequest()
	request.ImageId = "m-1"
	request.InstanceType = "ecs.g6.large"
	return client.RunInstances(request) // want `ecs.Client.RunInstances called with ecs.RunInstancesRequest, whose ClientToken is unset`
}

func runAlibabaKeyed(client *ecs.Client, jobID string) (*ecs.RunInstancesResponse, error) {
	request := ecs.CreateRunInstancesRequest()
	request.ImageId = "m-1"
	request.ClientToken = "launch-" + jobID
	return client.RunInstances(request)
}

func describeAlibaba(client *ecs.Client) (*ecs.DescribeInstancesResponse, error) {
	return client.DescribeInstances(ecs.CreateDescribeInstancesRequest())
}

// AWS SDK for Go v1: the caller builds the input, a helper sends it inside
// a retry helper's closure. Each attempt of RunInstancesWithContext draws
// a new token when ClientToken is unset, so every retry may launch again.

type Cloud struct {
	EC2 ec2iface.EC2API
}

func retry(ctx context.Context, fn func() (bool, error)) error {
	for i := 0; i < 5; i++ {
		done, err := fn()
		if err == nil && done {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Duration(i) * time.Second):
		}
	}
	return errors.New("gave up")
}

func (c *Cloud) launch(ctx context.Context, input *ec2.RunInstancesInput) (*ec2.Reservation, error) {
	var out *ec2.Reservation
	err := retry(ctx, func() (bool, error) {
		var err error
		out, err = c.EC2.RunInstancesWithContext(ctx, input)
		return err == nil, err
	})
	return out, err
}

func (c *Cloud) CreateNode(ctx context.Context, image string) error {
	input := &ec2.RunInstancesInput{
		ImageId:  aws.String(image),
		MinCount: aws.Int64(1),
		MaxCount: aws.Int64(1),
	}
	_, err := c.launch(ctx, input) // want `cloud.Cloud.launch sends its ec2.RunInstancesInput to \(ec2iface.EC2API\).RunInstancesWithContext, and its ClientToken is unset`
	return err
}

func (c *Cloud) CreateNodeKeyed(ctx context.Context, image, nodeName string) error {
	input := &ec2.RunInstancesInput{
		ImageId:     aws.String(image),
		MinCount:    aws.Int64(1),
		MaxCount:    aws.Int64(1),
		ClientToken: aws.String("node-" + nodeName),
	}
	_, err := c.launch(ctx, input)
	return err
}

// The v1 SDK fills an empty ClientToken (tagged idempotencyToken) once
// per call, before its own resends: a call sent once needs no key.
func (c *Cloud) CreateNodeOnce(ctx context.Context, image string) error {
	_, err := c.EC2.RunInstancesWithContext(ctx, &ec2.RunInstancesInput{
		ImageId:  aws.String(image),
		MinCount: aws.Int64(1),
		MaxCount: aws.Int64(1),
	})
	return err
}

// The same helper shape as launch, sending once: no attempt draws a
// second token.
func (c *Cloud) launchOnce(ctx context.Context, input *ec2.RunInstancesInput) (*ec2.Reservation, error) {
	return c.EC2.RunInstancesWithContext(ctx, input)
}

func (c *Cloud) CreateNodeViaHelper(ctx context.Context, image string) error {
	input := &ec2.RunInstancesInput{ImageId: aws.String(image), MinCount: aws.Int64(1), MaxCount: aws.Int64(1)}
	_, err := c.launchOnce(ctx, input)
	return err
}

// Retried by the program in a loop: each attempt is a new call with a
// new token.
func (c *Cloud) CreateNodeRetried(ctx context.Context, image string) error {
	var err error
	for i := 0; i < 3; i++ {
		_, err = c.EC2.RunInstancesWithContext(ctx, &ec2.RunInstancesInput{ // want `RunInstancesWithContext called with ec2.RunInstancesInput, whose ClientToken is unset, by this retry loop: the SDK draws a new token on each call`
			ImageId:  aws.String(image),
			MinCount: aws.Int64(1),
			MaxCount: aws.Int64(1),
		})
		if err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

func (c *Cloud) Describe(ctx context.Context) error {
	_, err := c.EC2.DescribeInstancesWithContext(ctx, &ec2.DescribeInstancesInput{})
	return err
}
