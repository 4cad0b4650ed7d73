// Package launcher sends the requests its callers build, inside a retry
// helper that takes a closure.
package launcher

import (
	"context"
	"errors"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ec2"
)

type Cloud struct{ EC2 *ec2.Client }

func retry(ctx context.Context, fn func() (bool, error)) error {
	for i := 0; i < 5; i++ {
		done, err := fn()
		if err == nil && done {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

// Launch sends the caller's input in a retry closure.
func (c *Cloud) Launch(ctx context.Context, input *ec2.RunInstancesInput) error {
	return retry(ctx, func() (bool, error) {
		_, err := c.EC2.RunInstances(ctx, input)
		return err == nil, err
	})
}

// LaunchAll forwards to Launch.
func (c *Cloud) LaunchAll(ctx context.Context, input *ec2.RunInstancesInput, n int) error {
	return c.Launch(ctx, input)
}

// LaunchKeyed sets the token itself: its callers need not.
func (c *Cloud) LaunchKeyed(ctx context.Context, input *ec2.RunInstancesInput, token string) error {
	input.ClientToken = &token
	_, err := c.EC2.RunInstances(ctx, input)
	return err
}
