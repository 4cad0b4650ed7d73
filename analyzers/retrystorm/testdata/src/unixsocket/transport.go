package unixsocket

import (
	"context"
	"net"
	"net/http"
	"strings"
	"time"
)

// An HTTP client whose transport dials a Unix-domain socket reaches a
// process on the same host, whatever the request's URL says (a node's
// local machine API): a bounded retry of its requests is left alone.

type localAPI struct {
	client *http.Client
}

func newLocalAPI() *localAPI {
	return &localAPI{client: &http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				var d net.Dialer
				return d.DialContext(ctx, "unix", "/run/agent.sock")
			},
		},
	}}
}

func (a *localAPI) setRole(ctx context.Context, role string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://localhost/role", strings.NewReader(role))
	if err != nil {
		return err
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *localAPI) announce(ctx context.Context, role string) {
	const retries = 5
	ticker := time.NewTicker(time.Second)
	defer ticker.Stop()
	for i := 0; ; i++ {
		if err := a.setRole(ctx, role); err == nil {
			return
		} else if i >= retries {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

// Retried forever, it is still reported.
func (a *localAPI) announceForever(ctx context.Context, role string) {
	for { // want `retry loop around \(\*localAPI\).setRole .*waits a fixed delay with no jitter and has no limit`
		if err := a.setRole(ctx, role); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// A transport that dials TCP, or one the package does not build in
// view, is not a local one.

type remoteAPI struct {
	client *http.Client
}

func newRemoteAPI(addr string) *remoteAPI {
	return &remoteAPI{client: &http.Client{
		Transport: &http.Transport{
			DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
				var d net.Dialer
				return d.DialContext(ctx, "tcp", addr)
			},
		},
	}}
}

func (a *remoteAPI) setRole(ctx context.Context, role string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://api/role", strings.NewReader(role))
	if err != nil {
		return err
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *remoteAPI) announce(ctx context.Context, role string) error {
	var err error
	for i := 0; i < 5; i++ { // want `retry loop around \(\*remoteAPI\).setRole .*waits a fixed delay with no jitter: clients`
		if err = a.setRole(ctx, role); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}

type givenAPI struct {
	client *http.Client
}

func newGivenAPI(c *http.Client) *givenAPI { return &givenAPI{client: c} }

func (a *givenAPI) ping(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "http://localhost/role", nil)
	if err != nil {
		return err
	}
	resp, err := a.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (a *givenAPI) announce(ctx context.Context) error {
	var err error
	for i := 0; i < 5; i++ { // want `retry loop around \(\*givenAPI\).ping .*waits a fixed delay with no jitter: clients`
		if err = a.ping(ctx); err == nil {
			return nil
		}
		time.Sleep(time.Second)
	}
	return err
}
