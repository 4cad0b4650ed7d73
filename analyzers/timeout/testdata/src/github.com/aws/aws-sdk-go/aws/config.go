// Package aws stands in for aws-sdk-go's aws package, whose Config takes
// the HTTP client every service operation is sent with.
package aws

import "net/http"

type Config struct{ HTTPClient *http.Client }

func (c *Config) WithHTTPClient(client *http.Client) *Config {
	c.HTTPClient = client
	return c
}
