package distinct

import (
	"context"
	"errors"
	"net"
	"net/http"
	"time"
)

// Negative: failover over distinct servers, not a retry of one.
func failover(c *http.Client, urls []string) *http.Response {
	for _, u := range urls {
		resp, err := c.Get(u)
		if err != nil {
			continue
		}
		return resp
	}
	return nil
}

// Negative: pagination advances a cursor and fails out.
func paginate(c *http.Client, next func(string) (*http.Request, string)) error {
	token := "start"
	for token != "" {
		req, tok := next(token)
		resp, err := c.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		token = tok
	}
	return nil
}

// Negative: a ticker-driven poll does not retry on error; it polls.
func poll(ctx context.Context, c *http.Client, req *http.Request) {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for range t.C {
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

func pollSelect(ctx context.Context, c *http.Client, req *http.Request) {
	t := time.NewTicker(10 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		resp, err := c.Do(req)
		if err != nil {
			continue
		}
		resp.Body.Close()
	}
}

// Negative: a worker draining a channel of requests.
func drain(c *http.Client, reqs <-chan *http.Request) {
	for req := range reqs {
		for i := 0; i < 3; i++ {
			resp, err := c.Do(req)
			if err == nil {
				resp.Body.Close()
				break
			}
			time.Sleep(time.Duration(1<<i) * time.Second)
		}
	}
}

// Negative: failover over distinct servers by index (gokrb5's KDCs).
func byIndex(kdcs map[int]string) (net.Conn, error) {
	var errs []error
	for i := 1; i <= len(kdcs); i++ {
		conn, err := net.Dial("udp", kdcs[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		return conn, nil
	}
	return nil, errors.Join(errs...)
}

func byRange(addrs []string) net.Conn {
	for i := range len(addrs) {
		if conn, err := net.Dial("tcp", addrs[i]); err == nil {
			return conn
		}
	}
	return nil
}
