// Package sdk is a stand-in for a cloud SDK: requests built by
// factories and sent over HTTP.
package sdk

import "net/http"

type Params struct {
	IdempotencyKey *string
	Expand         []string
}

func (p *Params) AddExpand(s string) { p.Expand = append(p.Expand, s) } // want AddExpand:`receiver sdk.Params sets Expand$`

func (p *Params) SetIdempotencyKey(k string) { p.IdempotencyKey = &k } // want SetIdempotencyKey:`receiver sdk.Params sets IdempotencyKey$`

type CreateRequest struct {
	Params
	Name  string
	Token *string
}

// NewCreateRequest is a factory that sets Name only.
func NewCreateRequest(name string) *CreateRequest { // want NewCreateRequest:`fresh sdk.CreateRequest sets Name`
	return &CreateRequest{Name: name}
}

// NewTokenRequest is a factory that sets the token.
func NewTokenRequest(tok string) *CreateRequest { // want NewTokenRequest:`fresh sdk.CreateRequest sets Token`
	r := new(CreateRequest)
	r.Token = &tok
	return r
}

type Client struct{ HTTP *http.Client }

// Create sends the request.
func (c *Client) Create(r *CreateRequest) error { // want Create:`param 0 sdk.CreateRequest$`
	_, err := c.HTTP.Get("http://x/" + r.Name)
	return err
}

// WithToken is a builder method that sets the token and returns its receiver.
func (r *CreateRequest) WithToken(t string) *CreateRequest { // want WithToken:`receiver sdk.CreateRequest sets Token returned`
	r.Token = &t
	return r
}

// CreateCreateRequest is a factory of the generated kind that fills its
// named result and returns bare.
func CreateCreateRequest() (request *CreateRequest) { // want CreateCreateRequest:`fresh sdk.CreateRequest sets Name`
	request = &CreateRequest{Name: "create"}
	return
}

// ParseCreateRequest may fail: its nil return gives no value.
func ParseCreateRequest(name string) (*CreateRequest, error) { // want ParseCreateRequest:`fresh sdk.CreateRequest sets Name`
	if name == "" {
		return nil, http.ErrNoLocation
	}
	return &CreateRequest{Name: name}, nil
}
