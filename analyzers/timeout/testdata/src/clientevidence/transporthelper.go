package clientevidence

import (
	"net"
	"net/http"
	"time"
)

// A Transport made by a helper of the package that returns it with
// ResponseHeaderTimeout set (obs's getInternalTransport): the wait is
// bounded as for a literal in view.
func internalTransport() *http.Transport {
	timeout := 10
	transport := &http.Transport{
		Dial: func(network, addr string) (net.Conn, error) {
			return (&net.Dialer{Timeout: time.Duration(timeout) * time.Second}).Dial(network, addr)
		},
		ResponseHeaderTimeout: time.Duration(timeout) * time.Second,
	}
	return transport
}

func boundedDirect() *http.Transport {
	return &http.Transport{ResponseHeaderTimeout: 5 * time.Second}
}

type metadataProvider struct{ hc *http.Client }

func newMetadataProvider() *metadataProvider {
	return &metadataProvider{hc: &http.Client{Transport: internalTransport()}}
}

func newDirectProvider() *metadataProvider {
	return &metadataProvider{hc: &http.Client{Transport: boundedDirect()}}
}

func (p *metadataProvider) token(u string) { p.hc.Get(u) }

// Look-alikes that stay reported: a helper whose transport bounds no
// wait, and one that returns a bounded transport on one way only.
func idleTransport() *http.Transport {
	return &http.Transport{IdleConnTimeout: time.Minute}
}

func maybeBounded(fast bool) *http.Transport {
	if fast {
		return &http.Transport{ResponseHeaderTimeout: time.Second}
	}
	return &http.Transport{}
}

type plainProvider struct{ hc *http.Client }

func newPlainProvider() *plainProvider {
	return &plainProvider{hc: &http.Client{Transport: idleTransport()}} // want `http.Client has no Timeout and sends a request with no context`
}

func newMaybeProvider(fast bool) *plainProvider {
	return &plainProvider{hc: &http.Client{Transport: maybeBounded(fast)}} // want `http.Client has no Timeout and sends a request with no context`
}

func (p *plainProvider) token(u string) { p.hc.Get(u) }
