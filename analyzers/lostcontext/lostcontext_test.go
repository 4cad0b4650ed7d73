package lostcontext_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/lostcontext"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), lostcontext.New(lostcontext.Config{}),
		"background",  // context.Background and TODO where a context is in scope
		"newrequest",  // http.NewRequest where a context is in scope
		"contextless", // context-less calls while serving a request
	)
}

func TestTraceCarried(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), lostcontext.New(lostcontext.Config{}),
		"xpkg/store", // a context lost in another package than the handler: facts
		"xpkg/web",
		"origins",    // whose context is in scope: handlers, gRPC server methods, functions they feed
		"detach",     // deliberate detachment: cleanup and failure paths
		"tracecarry", // a fresh context that carries or links the request's trace by hand
		"timer",      // a fresh context used only as a local deadline timer
		"hijacked",   // a fresh context after the connection is taken over (Hijack, WebSocket accept)
		"ignoredctx", // a context handed only to functions of a named type that all ignore it
	)
}
