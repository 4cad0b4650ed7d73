// Package setvalue sends set-to-value writes: POSTs whose body is built
// from constants alone, which a retry repeats harmlessly, and their
// look-alikes that carry data or name a once-only operation.
package setvalue

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"time"
)

type Env struct{ client *http.Client }

type metadataRequest struct {
	Value string `json:"value"`
}

type flagRequest struct {
	Key     string `json:"key"`
	Enabled bool   `json:"enabled"`
}

func machineID() string { return "m1" }

// setRole sets the machine's role to one of two constants.
func (e *Env) setRole(ctx context.Context, isPrimary bool) error { // want setRole:`sendsWrite\(POST by setvalue.Env.setRole, sets a constant value\)`
	role := "replica"
	if isPrimary {
		role = "primary"
	}
	body, err := json.Marshal(metadataRequest{Value: role})
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, "POST", "http://api.internal/v1/machines/"+machineID()+"/metadata/role", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := e.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// A retry of a set-to-value write sets the same value again.
func (e *Env) SetRole(ctx context.Context, isPrimary bool) { // want SetRole:`sendsWrite\(POST by setvalue.Env.setRole, sets a constant value\)`
	for i := 0; i < 5; i++ {
		if err := e.setRole(ctx, isPrimary); err == nil {
			return
		}
		time.Sleep(time.Second)
	}
}

// A retry loop around the send itself, the body a constant literal.
func (e *Env) enableFlag(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ {
		body, _ := json.Marshal(&flagRequest{Key: "maintenance", Enabled: true})
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://api.internal/v1/flags", bytes.NewReader(body))
		var resp *http.Response
		if resp, err = e.client.Do(req); err == nil {
			return resp.Body.Close()
		}
	}
	return err
}

// Look-alike: the body carries the caller's data.
func (e *Env) setLabel(ctx context.Context, label string) error { // want setLabel:`sendsWrite\(POST by setvalue.Env.setLabel\)`
	body, _ := json.Marshal(metadataRequest{Value: label})
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://api.internal/v1/labels", bytes.NewReader(body))
	resp, err := e.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (e *Env) SetLabel(ctx context.Context, label string) {
	for i := 0; i < 5; i++ {
		if err := e.setLabel(ctx, label); err == nil { // want `this retry loop retries setvalue.Env.setLabel, which sends a POST request without an Idempotency-Key header`
			return
		}
	}
}

// Look-alike: a local given a value made by a call, not a constant.
func (e *Env) stamp(ctx context.Context) error {
	var err error
	for i := 0; i < 3; i++ {
		now := time.Now().String()
		body, _ := json.Marshal(metadataRequest{Value: now})
		req, _ := http.NewRequestWithContext(ctx, "POST", "http://api.internal/v1/stamps", bytes.NewReader(body))
		var resp *http.Response
		if resp, err = e.client.Do(req); err == nil { // want `POST request retried by this retry loop without an Idempotency-Key header`
			return resp.Body.Close()
		}
	}
	return err
}

// Look-alike: constants, but the URL names a once-only operation.
func (e *Env) markPaid(ctx context.Context) error {
	body, _ := json.Marshal(metadataRequest{Value: "paid"})
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://api.internal/v1/invoices/pay", bytes.NewReader(body))
	resp, err := e.client.Do(req) // want `once-only operation`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Look-alike: constants in the body, but a parameter gives the URL.
func (e *Env) setFor(ctx context.Context, target string) error { // want setFor:`sendsWrite\(POST by setvalue.Env.setFor, path param 1\)`
	body, _ := json.Marshal(metadataRequest{Value: "on"})
	req, _ := http.NewRequestWithContext(ctx, "POST", "http://api.internal/v1/"+target, bytes.NewReader(body))
	resp, err := e.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func (e *Env) SetFor(ctx context.Context) {
	for i := 0; i < 5; i++ {
		if err := e.setFor(ctx, "x"); err == nil { // want `this retry loop retries setvalue.Env.setFor, which sends a POST request`
			return
		}
	}
}

// Look-alike: a set-to-value write called by a function named for a
// once-only operation.
func (e *Env) SubmitOrder(ctx context.Context) error {
	return e.setRole(ctx, true) // want `setvalue.Env.setRole sends a POST request without an Idempotency-Key header, for a once-only operation \(order, in setvalue.Env.SubmitOrder\)`
}
