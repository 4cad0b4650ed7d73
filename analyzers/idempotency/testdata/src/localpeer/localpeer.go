// Package localpeer holds retried POSTs to a server on this machine,
// often a worker process the program started itself: no network between
// the parties loses a response, so a retry replays nothing that was
// done. The look-alikes send the same requests to a host out of view.
package localpeer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"time"
)

var client = &http.Client{}

func retry(op func() error) error {
	for i := 0; i < 3; i++ {
		if err := op(); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return errors.New("gave up")
}

// A worker process listening on a port the parent picked on 127.0.0.1
// (relic's token worker): its address kept in an unexported field.
type worker struct {
	addr string
}

func startWorker() (*worker, error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	w := &worker{addr: lis.Addr().String()}
	lis.Close()
	return w, nil
}

func (w *worker) call(ctx context.Context, path string) error {
	req := &http.Request{
		Method: http.MethodPost,
		URL:    &url.URL{Scheme: "http", Host: w.addr, Path: path},
	}
	return retry(func() error {
		_, err := client.Do(req.WithContext(ctx))
		return err
	})
}

// A readiness or admin endpoint of a child on a constant local port.
func poke(ctx context.Context, port int) error {
	return retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("http://127.0.0.1:%d/reload", port), nil)
		_, err := client.Do(req)
		return err
	})
}

func pokeLocalhost(ctx context.Context, port string) error {
	return retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://localhost:"+port+"/reload", nil)
		_, err := client.Do(req)
		return err
	})
}

func postLocal(body []byte) error {
	return retry(func() error {
		_, err := http.Post("http://[::1]:8500/v1/agent/check/pass", "application/json", bytes.NewReader(body))
		return err
	})
}

// Look-alike: the same worker, but its address may come from the
// configuration, across the network.
type remoteWorker struct {
	addr string
}

func dialWorker(addr string) *remoteWorker {
	return &remoteWorker{addr: addr}
}

func localWorker() *remoteWorker {
	return &remoteWorker{addr: "127.0.0.1:7000"}
}

func (w *remoteWorker) call(ctx context.Context, path string) error {
	req := &http.Request{
		Method: http.MethodPost,
		URL:    &url.URL{Scheme: "http", Host: w.addr, Path: path},
	}
	return retry(func() error {
		_, err := client.Do(req.WithContext(ctx)) // want `POST request retried by localpeer.retry without an Idempotency-Key header`
		return err
	})
}

// Look-alike: a host from a parameter, and a remote constant host.
func pokeRemote(ctx context.Context, host string, port int) error {
	return retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, fmt.Sprintf("http://%s:%d/reload", host, port), nil)
		_, err := client.Do(req) // want `POST request retried by localpeer.retry without an Idempotency-Key header`
		return err
	})
}

func postRemote(body []byte) error {
	return retry(func() error {
		_, err := http.Post("http://consul.internal:8500/v1/agent/check/pass", "application/json", bytes.NewReader(body)) // want `http.Post`
		return err
	})
}

// Look-alike: a host prefix that goes on out of view
// ("http://local" + suffix is not this machine).
func pokeSuffix(ctx context.Context, suffix string) error {
	return retry(func() error {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://localhost"+suffix+"/reload", nil)
		_, err := client.Do(req) // want `POST request retried by localpeer.retry without an Idempotency-Key header`
		return err
	})
}
