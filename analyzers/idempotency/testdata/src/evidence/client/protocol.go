package client

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ACMEClient speaks a protocol whose every POST is a body signed
// together with a nonce the server issued (ACME, RFC 8555): a replay is
// rejected, and the server takes no idempotency header.
type ACMEClient struct {
	hc       *http.Client
	newNonce string
	signer   signer
}

type signer interface {
	Sign(payload []byte, nonce, url string) ([]byte, error)
}

// GetNonce asks the server for a fresh single-use nonce.
func (c *ACMEClient) GetNonce(ctx context.Context) (string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodHead, c.newNonce, nil)
	if err != nil {
		return "", err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.Header.Get("Replay-Nonce"), nil
}

func (c *ACMEClient) post(ctx context.Context, payload []byte, url string) error {
	nonce, err := c.GetNonce(ctx)
	if err != nil {
		return err
	}
	signed, err := c.signer.Sign(payload, nonce, url)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(signed)))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/jose+json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// NewOrder and FinalizeOrder name a certificate order: silent.
func (c *ACMEClient) NewOrder(ctx context.Context, payload []byte) error {
	return c.post(ctx, payload, "https://ca.example/acme/new-order")
}

func (c *ACMEClient) FinalizeOrder(ctx context.Context, url string, csr []byte) error {
	return c.post(ctx, csr, url)
}

// Exchange signs its requests with HMAC and a nonce it makes itself
// (a timestamp): nothing issued it, so a repeated call with a fresh
// nonce places a second order. Its write is left to its callers.
type Exchange struct {
	hc     *http.Client
	secret []byte
}

func (e *Exchange) signed(ctx context.Context, path, body string) error { // want signed:`sendsWrite\(POST by client.Exchange.signed, path param 1\)`
	nonce := strconv.FormatInt(time.Now().UnixNano(), 10)
	mac := hmac.New(sha256.New, e.secret)
	mac.Write([]byte(nonce + body))
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://x.example"+path, strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("API-Nonce", nonce)
	req.Header.Set("API-Sign", hex.EncodeToString(mac.Sum(nil)))
	resp, err := e.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// AddOrder places an order on the exchange: reported in its own view.
func (e *Exchange) AddOrder(ctx context.Context, body string) error {
	return e.signed(ctx, "/0/private/AddOrder", body) // want `client.Exchange.signed sends a POST request without an Idempotency-Key header, for a once-only operation \(order, in its URL path "/0/private/AddOrder"\)`
}

// NonceOnly fetches a nonce but signs nothing: the nonce is not bound
// to the body, so a charge it posts is reported.
func (c *ACMEClient) ChargeWithNonce(ctx context.Context, body string) error {
	nonce, err := c.GetNonce(ctx)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://pay.example/v1/charges", strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Nonce", nonce)
	resp, err := c.hc.Do(req) // want `POST request sent without an Idempotency-Key header, for a once-only operation \(charge`
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
