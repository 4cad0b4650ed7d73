package evidence

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// A write addressed by its content: the upload names the blob by its
// digest, so a repeat after a lost response stores the same blob under
// the same name (an OCI registry's blob upload).

type blob struct {
	Digest string
	Size   int64
}

func startUpload(ctx context.Context, c *http.Client, base string, b blob) error {
	endpoint, _ := url.Parse(fmt.Sprintf("%s/v2/app/blobs/uploads/", base))
	q := endpoint.Query()
	q.Set("digest", b.Digest)
	endpoint.RawQuery = q.Encode()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, endpoint.String(), nil)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func uploadWithRetries(ctx context.Context, c *http.Client, base string, b blob) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = startUpload(ctx, c, base, b); err == nil {
			return nil
		}
	}
	return err
}

// Look-alike: a query parameter that names something else keeps the
// finding.
func startNamed(ctx context.Context, c *http.Client, base, name string) error { // want startNamed:`sendsWrite\(POST by evidence.startNamed\)`
	endpoint, _ := url.Parse(base + "/v2/app/tags/")
	q := endpoint.Query()
	q.Set("name", name)
	endpoint.RawQuery = q.Encode()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, endpoint.String(), nil)
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func tagWithRetries(ctx context.Context, c *http.Client, base, name string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		if err = startNamed(ctx, c, base, name); err == nil { // want `this retry loop retries evidence.startNamed, which sends a POST request without an Idempotency-Key header`
			return nil
		}
	}
	return err
}
