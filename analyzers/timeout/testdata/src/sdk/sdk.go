// Package sdk stands in for a third-party API client that takes an
// *http.Client.
package sdk

import "net/http"

type Config struct{ HTTPClient *http.Client }

func New(c *http.Client) *Config { return &Config{HTTPClient: c} }
