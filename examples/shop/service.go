package shop

import (
	"database/sql"
	"net/http"
	"time"
)

// Order is what a customer buys.
type Order struct {
	ID       string `json:"id"`
	Customer string `json:"customer"`
	Amount   int64  `json:"amount"` // cents
}

// Service serves the shop's HTTP API and talks to its database and to
// the payment, pricing and billing services.
type Service struct {
	db         *sql.DB
	client     *http.Client // every call to another service goes through it
	paymentURL string
	pricingURL string
	billingURL string
	events     chan Event
}

// New returns a Service. Its HTTP client gives up on a call after ten
// seconds.
func New(db *sql.DB, paymentURL, pricingURL, billingURL string) *Service {
	return &Service{
		db:         db,
		client:     &http.Client{Timeout: 10 * time.Second},
		paymentURL: paymentURL,
		pricingURL: pricingURL,
		billingURL: billingURL,
		events:     make(chan Event, 256),
	}
}

// Handler routes the API.
func (s *Service) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /price/{sku}", s.PriceNaive)
	mux.HandleFunc("GET /v2/price/{sku}", s.Price)
	return s.Timed(mux)
}

// Server returns the shop's HTTP server: ReadHeaderTimeout keeps slow or
// idle clients from holding its connections forever.
func (s *Service) Server(addr string) *http.Server {
	return &http.Server{Addr: addr, Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
}
