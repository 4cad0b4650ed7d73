// Package auth stands in for oras-go's auth package.
package auth

import "net/http"

type Client struct{ Client *http.Client }
