// Package resty is a stand-in for github.com/go-resty/resty/v2.
package resty

import "net/http"

type Client struct{ Header http.Header }

func New() *Client { return &Client{Header: http.Header{}} }

func (c *Client) R() *Request { return &Request{client: c, Header: http.Header{}} }

type Response struct{}

type Request struct {
	Header http.Header
	Body   any
	client *Client
}

func (r *Request) SetHeader(header, value string) *Request { r.Header.Set(header, value); return r }

func (r *Request) SetHeaders(headers map[string]string) *Request {
	for h, v := range headers {
		r.Header.Set(h, v)
	}
	return r
}

func (r *Request) SetBody(body any) *Request { r.Body = body; return r }

func (r *Request) Post(url string) (*Response, error)  { return r.Execute("POST", url) }
func (r *Request) Patch(url string) (*Response, error) { return r.Execute("PATCH", url) }
func (r *Request) Put(url string) (*Response, error)   { return r.Execute("PUT", url) }
func (r *Request) Get(url string) (*Response, error)   { return r.Execute("GET", url) }

func (r *Request) Execute(method, url string) (*Response, error) { return &Response{}, nil }
