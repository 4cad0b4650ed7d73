// Package retryablehttp is a stand-in for github.com/hashicorp/go-retryablehttp.
package retryablehttp

import (
	"context"
	"io"
	"net/http"
	"net/url"
)

type Request struct {
	*http.Request
	body []byte
}

func NewRequest(method, url string, rawBody any) (*Request, error) {
	return NewRequestWithContext(context.Background(), method, url, rawBody)
}

func NewRequestWithContext(ctx context.Context, method, url string, rawBody any) (*Request, error) {
	r, err := http.NewRequestWithContext(ctx, method, url, nil)
	return &Request{Request: r}, err
}

func FromRequest(r *http.Request) (*Request, error) { return &Request{Request: r}, nil }

func (r *Request) WithContext(ctx context.Context) *Request {
	return &Request{Request: r.Request.WithContext(ctx), body: r.body}
}

type Client struct {
	HTTPClient *http.Client
	RetryMax   int
}

func NewClient() *Client { return &Client{HTTPClient: &http.Client{}, RetryMax: 4} }

func (c *Client) Do(req *Request) (*http.Response, error) {
	var resp *http.Response
	var err error
	for i := 0; i <= c.RetryMax; i++ {
		resp, err = c.HTTPClient.Do(req.Request)
		if err == nil {
			return resp, nil
		}
	}
	return resp, err
}

func (c *Client) Post(url, bodyType string, body any) (*http.Response, error) {
	req, err := NewRequest("POST", url, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", bodyType)
	return c.Do(req)
}

func (c *Client) PostForm(url string, data url.Values) (*http.Response, error) {
	return c.Post(url, "application/x-www-form-urlencoded", data.Encode())
}

func Post(url, bodyType string, body any) (*http.Response, error) {
	return NewClient().Post(url, bodyType, body)
}

var _ io.Reader
