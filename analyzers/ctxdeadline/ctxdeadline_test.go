package ctxdeadline_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/distlint/distlint/analyzers/ctxdeadline"
	"github.com/distlint/distlint/internal/testmod"
)

// One run: each loads net/http and database/sql and their dependencies.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), ctxdeadline.New(ctxdeadline.Config{}),
		"httpreq",    // requests made with NewRequestWithContext and sent
		"sqldb",      // database/sql *Context methods
		"dial",       // net.Dialer.DialContext
		"grpcclient", // generated clients and ClientConn.Invoke; streams and watches left alone
		"goplugin",   // a hashicorp/go-plugin client stub: calls to the plugin process
		"notplugin",  // the same shape without go-plugin
		"origin",     // following a context to where it is made
		"fieldctx",   // a context kept in a struct field at construction
		"handlerctx", // a handler dropping its request context: lostcontext's
		"lifetime",   // main, workers, loops and goroutines: contexts that are cancelled, not timed out
		"chain/a",    // a helper chain a → b → c across packages, by facts
		"chain/b",
		"chain/c", // the sink, and the facts it exports
	)
}

func TestFactString(t *testing.T) {
	f := &ctxdeadline.ReachesSink{Params: []ctxdeadline.ParamSink{
		{Index: 0, Sink: "(*sql.DB).QueryContext"},
		{Index: 2, Sink: "(*http.Client).Do"},
	}}
	if got, want := f.String(), "reachesSink(param 0 reaches (*sql.DB).QueryContext, param 2 reaches (*http.Client).Do)"; got != want {
		t.Errorf("ReachesSink.String() = %q, want %q", got, want)
	}
}

// The real google.golang.org/grpc: its generic stream client types and
// ClientConnInterface.
func TestRealGRPC(t *testing.T) {
	dir := testmod.Download(t, "testdata/realgrpc")
	analysistest.Run(t, dir, ctxdeadline.New(ctxdeadline.Config{}), "./...")
}
