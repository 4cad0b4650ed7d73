package sdkflow

import (
	"context"

	"example.com/cloudsdk/ecs"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"sdkflow/launcher"
)

// Factory functions.

func factory(c *ecs.Client) {
	request := ecs.CreateRunInstancesRequest()
	request.ImageId = "img-1"
	c.RunInstances(request) // want `ecs.Client.RunInstances called with ecs.RunInstancesRequest, whose ClientToken is unset`
}

func factoryInline(c *ecs.Client) {
	c.RunInstances(ecs.CreateRunInstancesRequest()) // want `ecs.Client.RunInstances called with ecs.RunInstancesRequest, whose ClientToken is unset`
}

func factoryWithError(c *ecs.Client) error {
	request, err := ecs.NewRunInstancesRequest("img-1")
	if err != nil {
		return err
	}
	_, err = c.RunInstances(request) // want `ecs.Client.RunInstances called with`
	return err
}

func factoryKeyed(c *ecs.Client, jobID string) {
	request := ecs.CreateRunInstancesRequest()
	request.ClientToken = "launch-" + jobID
	c.RunInstances(request)
}

func factoryKeyedBySDK(c *ecs.Client, jobID string) {
	c.RunInstances(ecs.CreateKeyedRequest(jobID))
}

func sharedRequest(c *ecs.Client) {
	c.RunInstances(ecs.CachedRequest())
}

// A local factory (internal/flow summarizes it: "fresh ec2.RunInstancesInput").
func newInput() *ec2.RunInstancesInput {
	return &ec2.RunInstancesInput{}
}

func localFactory(ctx context.Context, c *ec2.Client) {
	c.RunInstances(ctx, newInput()) // want `ec2.Client.RunInstances called with ec2.RunInstancesInput, whose ClientToken is unset`
}

// Built here, sent by a helper (in another package) inside a retry closure.

func viaHelper(ctx context.Context, cl *launcher.Cloud) {
	input := &ec2.RunInstancesInput{}
	cl.Launch(ctx, input) // want `launcher.Cloud.Launch sends its ec2.RunInstancesInput to \(\*ec2.Client\).RunInstances, and its ClientToken is unset`
}

func viaTwoHelpers(ctx context.Context, cl *launcher.Cloud) {
	cl.LaunchAll(ctx, &ec2.RunInstancesInput{}, 2) // want `launcher.Cloud.LaunchAll sends its ec2.RunInstancesInput to \(\*ec2.Client\).RunInstances`
}

// A helper of this package.
func send(ctx context.Context, c *ec2.Client, in *ec2.RunInstancesInput) error {
	_, err := c.RunInstances(ctx, in)
	return err
}

func viaLocalHelper(ctx context.Context, c *ec2.Client) {
	send(ctx, c, &ec2.RunInstancesInput{}) // want `sdkflow.send sends its ec2.RunInstancesInput to \(\*ec2.Client\).RunInstances`
}

// Negatives.

func helperKeyed(ctx context.Context, cl *launcher.Cloud, token string) {
	cl.Launch(ctx, &ec2.RunInstancesInput{ClientToken: &token})
	cl.LaunchKeyed(ctx, &ec2.RunInstancesInput{}, token)
}

func helperFromCaller(ctx context.Context, cl *launcher.Cloud, in *ec2.RunInstancesInput) {
	cl.Launch(ctx, in) // built out of view: the caller's caller is told
}

func helperKeyedAfter(ctx context.Context, cl *launcher.Cloud, token string) {
	in := &ec2.RunInstancesInput{}
	in.ClientToken = &token
	cl.Launch(ctx, in)
}
