// Package retryablehttp is a stand-in for github.com/hashicorp/go-retryablehttp.
package retryablehttp

import "net/http"

type Client struct{}
type Request struct{}

func (c *Client) Do(req *Request) (*http.Response, error)       { return nil, nil }
func (c *Client) Get(url string) (*http.Response, error)        { return nil, nil }
func NewRequest(method, url string, body any) (*Request, error) { return nil, nil }
