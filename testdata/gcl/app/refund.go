package app

import (
	"math/rand/v2"
	"net/http"
	"time"

	"example.com/gcl/pay"
)

// Refund retries pay.Send, which sends the request in another package:
// the finding here needs that package's facts.
func Refund(c *http.Client, id string) error {
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		req, _ := http.NewRequest(http.MethodPost, "https://payments.example.com/v1/refunds/"+id, nil)
		if err = pay.Send(c, req); err == nil {
			return nil
		}
		time.Sleep(time.Duration(rand.Int64N(int64(time.Second))))
	}
	return err
}
