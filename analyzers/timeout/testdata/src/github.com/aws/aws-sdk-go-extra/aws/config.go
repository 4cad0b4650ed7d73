// Package aws is a look-alike of aws-sdk-go's path that is not the SDK.
package aws

import "net/http"

type Config struct{ HTTPClient *http.Client }

func (c *Config) WithHTTPClient(client *http.Client) *Config {
	c.HTTPClient = client
	return c
}
