// Package resty is a stand-in for github.com/go-resty/resty/v2.
package resty

type Request struct{}
type Response struct{}

func (r *Request) Post(url string) (*Response, error) { return nil, nil }
func (r *Request) SetBody(body any) *Request          { return r }
