package restyuse

import "github.com/go-resty/resty/v2"

func chained(c *resty.Client, u string, order any) {
	c.R().SetBody(order).Post(u) // want `POST request sent without an Idempotency-Key header`
}

func local(c *resty.Client, u string) {
	r := c.R()
	r.SetHeader("Content-Type", "application/json")
	r.Patch(u) // want `PATCH request sent without`
}

func execute(c *resty.Client, u string) {
	c.R().Execute("POST", u) // want `POST request sent without`
}

// Negatives.

func keyedChain(c *resty.Client, u, key string, order any) {
	c.R().SetHeader("Idempotency-Key", key).SetBody(order).Post(u)
}

func keyedMap(c *resty.Client, u, key string) {
	c.R().SetHeaders(map[string]string{"Idempotency-Key": key}).Post(u)
}

func keyedField(c *resty.Client, u, key string) {
	r := c.R()
	r.Header.Set("Idempotency-Key", key)
	r.Post(u)
}

func reads(c *resty.Client, u, method string) {
	c.R().Get(u)
	c.R().Put(u)
	c.R().Execute(method, u)
}
