package optionsset

import (
	"net/http"

	"example.com/billing"
)

// -idempotency.headers=X-Request-Key
func customHeader(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header.Set("x-request-key", key)
	http.DefaultClient.Do(req)
}

// -idempotency.operations=provision
func provisionWithDefaultHeader(u, key string) {
	req, _ := http.NewRequest(http.MethodPost, u, nil)
	req.Header.Set("Idempotency-Key", key)
	http.DefaultClient.Do(req) // want `POST request sent without an X-Request-Key header, for a once-only operation \(provision, in optionsset.provisionWithDefaultHeader\)`
}

// -idempotency.fields=OperationID -idempotency.readprefixes=Preview
func customField(c *billing.Client) {
	c.Charge(&billing.ChargeInput{Amount: 1}) // want `billing.Client.Charge called with billing.ChargeInput, whose OperationID is unset`
	c.Charge(&billing.ChargeInput{Amount: 1, OperationID: "op-1"})
	c.Preview(&billing.ChargeInput{Amount: 1})
}

func chargeNoLongerOnceOnly(u string) { // want chargeNoLongerOnceOnly:`sendsWrite\(POST by optionsset.chargeNoLongerOnceOnly, path param 0\)`
	req, _ := http.NewRequest(http.MethodPost, u+"/v1/charges", nil)
	http.DefaultClient.Do(req)
}
