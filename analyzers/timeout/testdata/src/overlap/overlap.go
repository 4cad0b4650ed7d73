// Shapes that both timeout and ctxdeadline look at: one mistake, one
// finding. No want comments: the test compares the two analyzers.
package overlap

import (
	"context"
	"net"
	"net/http"
)

func defaultClientBackground() {
	req, _ := http.NewRequestWithContext(context.Background(), "GET", "https://example.com", nil)
	http.DefaultClient.Do(req)
}

func localClientBackground() *http.Client {
	c := &http.Client{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	c.Do(req)
	return c
}

func localClientParam(ctx context.Context) {
	c := &http.Client{}
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://example.com", nil)
	c.Do(req)
}

func dialer(addr string) {
	(&net.Dialer{}).DialContext(context.Background(), "tcp", addr)
	(&net.Dialer{}).Dial("tcp", addr)
}

func localClientNoContext() {
	c := &http.Client{}
	c.Get("https://example.com")
}
