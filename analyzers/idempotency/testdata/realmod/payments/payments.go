// Package payments uses the real stripe-go and AWS SDK v2 types.
package payments

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/stripe/stripe-go/v85"
)

func charge(ctx context.Context, sc *stripe.Client, orderID string) {
	params := &stripe.ChargeCreateParams{Amount: stripe.Int64(2000), Currency: stripe.String("usd")}
	params.AddMetadata("order_id", orderID)
	sc.V1Charges.Create(ctx, params) // want `stripe.v1ChargeService.Create called with stripe.ChargeCreateParams, whose IdempotencyKey is unset`
}

func chargeKeyed(ctx context.Context, sc *stripe.Client, orderID string) {
	params := &stripe.ChargeCreateParams{Amount: stripe.Int64(2000), Currency: stripe.String("usd")}
	params.SetIdempotencyKey("charge-" + orderID)
	sc.V1Charges.Create(ctx, params)
}

func chargeRead(ctx context.Context, sc *stripe.Client, id string) {
	sc.V1Charges.Retrieve(ctx, id, &stripe.ChargeRetrieveParams{})
}

// The SDK fills RunInstances' ClientToken when it is unset
// (addIdempotencyToken_opRunInstancesMiddleware) and its own resends keep
// it: one call launches once.
func launch(ctx context.Context, c *ec2.Client) {
	c.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-1"), MinCount: aws.Int32(1), MaxCount: aws.Int32(1)})
}

// A retry of the program draws a new token per call: each attempt may
// launch another instance.
func launchRetried(ctx context.Context, c *ec2.Client) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if _, err = c.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-1"), MinCount: aws.Int32(1), MaxCount: aws.Int32(1)}); err == nil { // want `ec2.Client.RunInstances called with ec2.RunInstancesInput, whose ClientToken is unset, by this retry loop: the SDK draws a new token on each call`
			return nil
		}
		time.Sleep(time.Duration(attempt+1) * time.Second)
	}
	return err
}

func launchKeyed(ctx context.Context, c *ec2.Client, jobID string) {
	c.RunInstances(ctx, &ec2.RunInstancesInput{ImageId: aws.String("ami-1"), MinCount: aws.Int32(1), MaxCount: aws.Int32(1), ClientToken: aws.String("launch-" + jobID)})
	c.DescribeInstances(ctx, &ec2.DescribeInstancesInput{})
}
