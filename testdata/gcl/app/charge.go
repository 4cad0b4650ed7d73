package app

import (
	"net/http"
	"strings"
)

// ChargeCard charges a card: one line, two findings (idempotency: a POST
// that cannot carry an Idempotency-Key; timeout: the default client).
func ChargeCard(body string) error {
	resp, err := http.Post("https://payments.example.com/v1/charges", "application/json", strings.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
