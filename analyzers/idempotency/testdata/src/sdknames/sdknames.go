// Package sdknames holds SDK writes with an idempotency field unset that
// cannot write twice: the SDK fills the token itself and keeps it across
// its own resends, or the request names the resource it creates, deletes
// or executes, which the service keeps unique. And their look-alikes.
package sdknames

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cloudformation"
)

func name(s string) *string { return &s }

// The SDK fills CreateStackSet's token once per call.
func createStackSet(ctx context.Context, c *cloudformation.Client) error {
	_, err := c.CreateStackSet(ctx, &cloudformation.CreateStackSetInput{StackSetName: name("s")})
	return err
}

// A retry of the program around it draws a new token per attempt.
func createStackSetRetried(ctx context.Context, c *cloudformation.Client) error {
	var err error
	for i := 0; i < 3; i++ {
		if _, err = c.CreateStackSet(ctx, &cloudformation.CreateStackSetInput{}); err == nil { // want `cloudformation.Client.CreateStackSet called with cloudformation.CreateStackSetInput, whose ClientRequestToken is unset, by this retry loop: the SDK draws a new token on each call, so every attempt is a new write`
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

// The request names the resource the operation acts on.
func deleteStack(ctx context.Context, c *cloudformation.Client, stack string) error {
	_, err := c.DeleteStack(ctx, &cloudformation.DeleteStackInput{StackName: &stack})
	return err
}

func createChangeSet(ctx context.Context, c *cloudformation.Client, stack, changeSet string) error {
	_, err := c.CreateChangeSet(ctx, &cloudformation.CreateChangeSetInput{StackName: &stack, ChangeSetName: &changeSet})
	return err
}

func executeChangeSet(ctx context.Context, c *cloudformation.Client, changeSet string) error {
	in := &cloudformation.ExecuteChangeSetInput{}
	in.ChangeSetName = &changeSet
	_, err := c.ExecuteChangeSet(ctx, in)
	return err
}

// Look-alikes: the name of another resource, or no name in view.
func createChangeSetUnnamed(ctx context.Context, c *cloudformation.Client, stack string) error {
	_, err := c.CreateChangeSet(ctx, &cloudformation.CreateChangeSetInput{StackName: &stack}) // want `cloudformation.Client.CreateChangeSet called with cloudformation.CreateChangeSetInput, whose ClientToken is unset: if the response is lost`
	return err
}

func createStackOwner(ctx context.Context, c *cloudformation.Client, owner string) error {
	_, err := c.CreateStack(ctx, &cloudformation.CreateStackInput{OwnerName: &owner}) // want `cloudformation.Client.CreateStack called with cloudformation.CreateStackInput, whose ClientRequestToken is unset`
	return err
}

func deleteUnnamed(ctx context.Context, c *cloudformation.Client) error {
	_, err := c.DeleteStack(ctx, &cloudformation.DeleteStackInput{}) // want `cloudformation.Client.DeleteStack called with cloudformation.DeleteStackInput, whose ClientRequestToken is unset`
	return err
}
