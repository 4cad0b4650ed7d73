package shop

import (
	"io"
	"net/http"
)

// MISTAKE (lostcontext): the handler asks the pricing service with a
// request that has no context: when the client hangs up or the server's
// deadline passes, the call goes on, and the trace loses it.
func (s *Service) PriceNaive(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequest(http.MethodGet, s.pricingURL+"/price/"+r.PathValue("sku"), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.forward(w, req)
}

// FIXED: the request carries the incoming request's context.
func (s *Service) Price(w http.ResponseWriter, r *http.Request) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, s.pricingURL+"/price/"+r.PathValue("sku"), nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.forward(w, req)
}

func (s *Service) forward(w http.ResponseWriter, req *http.Request) {
	resp, err := s.client.Do(req)
	if err != nil {
		http.Error(w, "pricing unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}
