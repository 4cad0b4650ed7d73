// Package cloudformation is a stand-in for
// github.com/aws/aws-sdk-go-v2/service/cloudformation: the generated
// client fills CreateStackSet's token itself (its
// addIdempotencyToken_op...Middleware) and leaves the others' to the
// caller.
package cloudformation

import (
	"context"
	_ "net/http" // the real SDK sends over net/http
)

type Client struct{}

type Options struct{}

type stack struct{}

// addIdempotencyToken_opCreateStackSetMiddleware stands for the SDK's
// initialize step that sets ClientRequestToken when it is nil.
func addIdempotencyToken_opCreateStackSetMiddleware(stack *stack, options Options) error {
	return nil
}

var _ = addIdempotencyToken_opCreateStackSetMiddleware

type CreateStackSetInput struct {
	StackSetName       *string
	ClientRequestToken *string
}

type CreateStackSetOutput struct{}

func (c *Client) CreateStackSet(ctx context.Context, params *CreateStackSetInput, optFns ...func(*Options)) (*CreateStackSetOutput, error) {
	return nil, nil
}

type DeleteStackInput struct {
	StackName          *string
	ClientRequestToken *string
}

type DeleteStackOutput struct{}

func (c *Client) DeleteStack(ctx context.Context, params *DeleteStackInput, optFns ...func(*Options)) (*DeleteStackOutput, error) {
	return nil, nil
}

type CreateChangeSetInput struct {
	StackName     *string
	ChangeSetName *string
	TemplateBody  *string
	ClientToken   *string
}

type CreateChangeSetOutput struct{}

func (c *Client) CreateChangeSet(ctx context.Context, params *CreateChangeSetInput, optFns ...func(*Options)) (*CreateChangeSetOutput, error) {
	return nil, nil
}

type ExecuteChangeSetInput struct {
	StackName          *string
	ChangeSetName      *string
	ClientRequestToken *string
}

type ExecuteChangeSetOutput struct{}

func (c *Client) ExecuteChangeSet(ctx context.Context, params *ExecuteChangeSetInput, optFns ...func(*Options)) (*ExecuteChangeSetOutput, error) {
	return nil, nil
}

type CreateStackInput struct {
	StackName          *string
	OwnerName          *string
	ClientRequestToken *string
}

type CreateStackOutput struct{}

func (c *Client) CreateStack(ctx context.Context, params *CreateStackInput, optFns ...func(*Options)) (*CreateStackOutput, error) {
	return nil, nil
}
