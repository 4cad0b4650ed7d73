// Package clientinstance: a request with no context sent through a
// struct's client field, in a method, is evidence against the clients
// kept in the values that method is called on, not against every client
// the field is given (go-containerregistry's remote.writer).
package clientinstance

import (
	"context"
	"net/http"
	"sync"
	"time"
)

type writer struct {
	mu     sync.Mutex
	client *http.Client
}

// getClient returns the client, under the lock.
func (w *writer) getClient() *http.Client {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.client
}

// makeWriter's writers send every request with a context.
func makeWriter(t http.RoundTripper) (*writer, error) {
	if t == nil {
		return nil, nil
	}
	return &writer{client: &http.Client{Transport: t}}, nil
}

// newWriter forwards makeWriter's results.
func newWriter() (*writer, error) { return makeWriter(http.DefaultTransport) }

// refresh is called only on makeWriter's writers.
func (w *writer) refresh(t http.RoundTripper) {
	w.client = &http.Client{Transport: t}
}

func (w *writer) upload(ctx context.Context, u string) error {
	w.refresh(http.DefaultTransport)
	return w.start(ctx, u)
}

func (w *writer) start(ctx context.Context, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, nil)
	if err != nil {
		return err
	}
	resp, err := w.getClient().Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// cancel sends a request with no context: only on Check's writer.
func (w *writer) cancel(u string) {
	req, err := http.NewRequest(http.MethodDelete, u, nil)
	if err != nil {
		return
	}
	if resp, err := w.getClient().Do(req); err == nil {
		resp.Body.Close()
	}
}

type pusher struct {
	w   *writer
	err error
}

func Push(ctx context.Context, u string) error {
	p := &pusher{}
	p.w, p.err = newWriter()
	if p.err != nil {
		return p.err
	}
	return p.w.upload(ctx, u)
}

func Check(ctx context.Context, u string) error {
	w := writer{client: &http.Client{}} // want `http.Client has no Timeout and sends a request made by http.NewRequest, with no context \(Do on line \d+\)`
	err := w.start(ctx, u)
	go w.cancel(u)
	return err
}

// A method called on a parameter may be called on any value: every
// client the field is given is judged by its send.
type sender struct{ hc *http.Client }

func newSender() *sender {
	return &sender{hc: &http.Client{}} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
}

func (s *sender) ping(u string) {
	if resp, err := s.hc.Get(u); err == nil {
		resp.Body.Close()
	}
}

func pingAll(s *sender, u string) { s.ping(u) }

func Ping(u string) {
	s := newSender()
	pingAll(s, u)
}

// The context-less method is called by another method that the
// constructor's value calls.
type poller struct{ hc *http.Client }

func newPoller() *poller {
	return &poller{hc: &http.Client{}} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
}

func (p *poller) fetch(u string) {
	if resp, err := p.hc.Get(u); err == nil {
		resp.Body.Close()
	}
}

func (p *poller) run(u string) { p.fetch(u) }

func Poll(u string) {
	p := newPoller()
	p.run(u)
}

// A client stored by a method into the value that a context-less send
// goes through.
type job struct{ hc *http.Client }

func (j *job) reset() {
	j.hc = &http.Client{} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
}

func (j *job) abort(u string) {
	if resp, err := j.hc.Get(u); err == nil {
		resp.Body.Close()
	}
}

func Run(u string) {
	j := &job{hc: &http.Client{Timeout: time.Second}}
	j.reset()
	j.abort(u)
}

// An unexported method that an interface of the package may call is
// called on values out of view.
type aborter interface{ stop(u string) }

type task struct{ hc *http.Client }

func newTask() *task {
	return &task{hc: &http.Client{}} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
}

func (t *task) stop(u string) {
	if resp, err := t.hc.Get(u); err == nil {
		resp.Body.Close()
	}
}

func stopAll(ts []aborter, u string) {
	for _, t := range ts {
		t.stop(u)
	}
}

func Tasks(u string) {
	stopAll([]aborter{newTask()}, u)
	other := &task{hc: &http.Client{Timeout: time.Second}}
	other.stop(u)
}

// A client value (not a pointer) assigned to a field of the value the
// context-less send goes through.
type probe struct{ hc http.Client }

func (p *probe) arm() {
	p.hc = http.Client{} // want `http.Client has no Timeout and sends a request with no context \(Get on line \d+\)`
}

func (p *probe) fire(u string) {
	if resp, err := p.hc.Get(u); err == nil {
		resp.Body.Close()
	}
}

func Probe(u string) {
	p := &probe{}
	p.arm()
	p.fire(u)
}
