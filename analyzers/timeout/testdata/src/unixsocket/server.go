package unixsocket

import (
	"net"
	"net/http"
)

// An http.Server built in a constructor and served, in another method,
// only on a Unix-domain socket: the agent's jobs are its only clients.
type jobAPI struct {
	path string
	svr  *http.Server
}

func newJobAPI(path string, h http.Handler) *jobAPI {
	return &jobAPI{path: path, svr: &http.Server{Handler: h}} // no finding: served on a Unix socket only
}

func (a *jobAPI) start() error {
	ln, err := net.Listen("unix", a.path)
	if err != nil {
		return err
	}
	go a.svr.Serve(ln)
	return nil
}

// Look-alikes: the same server also served on TCP, and one never served
// in view.
type dualAPI struct {
	path, addr string
	svr        *http.Server
}

func newDualAPI(path, addr string, h http.Handler) *dualAPI {
	return &dualAPI{path: path, addr: addr, svr: &http.Server{Handler: h}} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
}

func (a *dualAPI) start() error {
	ln, err := net.Listen("unix", a.path)
	if err != nil {
		return err
	}
	go a.svr.Serve(ln)
	return a.svr.ListenAndServe()
}

type unservedAPI struct{ svr *http.Server }

func newUnservedAPI(h http.Handler) *unservedAPI {
	return &unservedAPI{svr: &http.Server{Handler: h}} // want `http.Server has neither ReadHeaderTimeout nor ReadTimeout`
}

func (a *unservedAPI) Server() *http.Server { return a.svr }
