// Package cloudsdk hands clients to SDKs whose every operation carries
// its context (held-out round 3: distribution's S3 and Azure drivers,
// OPA's OCI downloader).
package cloudsdk

import (
	"crypto/tls"
	"net/http"

	"github.com/Azure/azure-sdk-for-go/sdk/azcore/policy"
	extra "github.com/aws/aws-sdk-go-extra/aws"
	"github.com/aws/aws-sdk-go/aws"
	"oras.land/oras-go/v2/registry/remote/auth"
)

func insecure() *http.Transport {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{InsecureSkipVerify: true}
	return t
}

// Negatives: the SDK's transport, replacing its default client.

func s3Config(skipVerify bool) *aws.Config {
	cfg := &aws.Config{}
	if skipVerify {
		cfg.WithHTTPClient(&http.Client{Transport: insecure()})
	}
	return cfg
}

func s3Default() *aws.Config {
	return (&aws.Config{}).WithHTTPClient(http.DefaultClient)
}

func azureOptions() *policy.ClientOptions {
	opts := &policy.ClientOptions{}
	opts.Transport = &http.Client{Transport: insecure()}
	return opts
}

func azureLiteral() policy.ClientOptions {
	return policy.ClientOptions{Transport: &http.Client{Transport: insecure()}}
}

func orasClient(base http.RoundTripper) *auth.Client {
	return &auth.Client{Client: &http.Client{Transport: base}}
}

// Look-alikes.

// A package whose path only starts like the SDK's: not silenced as an
// SDK, but with no request in view, no finding either.
func extraConfig() *extra.Config {
	return (&extra.Config{}).WithHTTPClient(&http.Client{}) // no finding: no request with no context in view
}

// Handed to the SDK, and also sending a context-less request here.
func s3AndGet(url string) *aws.Config {
	c := &http.Client{} // want `http.Client has no Timeout and sends a request with no context`
	c.Get(url)
	return (&aws.Config{}).WithHTTPClient(c)
}
