package shop

import (
	"bytes"
	"context"
	"encoding/json"
	"expvar"
	"io"
	"net/http"
	"sync"
	"time"
)

// Event tells the warehouse that an order changed.
type Event struct {
	OrderID string
	Status  string
}

var droppedEvents = expvar.NewInt("shop_events_dropped_total")

// MISTAKE (unboundedqueue): a goroutine per event parks on the channel
// while the warehouse is slow: under load they pile up until the process
// runs out of memory, and nothing says so.
func (s *Service) NotifyNaive(e Event) {
	go func() { s.events <- e }()
}

// ForwardEvents sends the queued events to the warehouse, one at a time:
// the queue drains at the warehouse's pace.
func (s *Service) ForwardEvents(ctx context.Context, warehouseURL string) {
	for e := range s.events {
		body, err := json.Marshal(e)
		if err != nil {
			continue
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPut, warehouseURL+"/orders/"+e.OrderID, bytes.NewReader(body))
		if err != nil {
			continue
		}
		if resp, err := s.client.Do(req); err == nil {
			resp.Body.Close()
		}
	}
}

// FIXED: when the queue is full the event is dropped and counted (the
// warehouse reconciles from the orders table).
func (s *Service) Notify(e Event) {
	select {
	case s.events <- e:
	default:
		droppedEvents.Add(1)
	}
}

// StockUpdate is a stock level reported by one of the warehouses.
type StockUpdate struct {
	SKU       string
	Level     int
	Version   int64     // the warehouse's counter for this SKU
	UpdatedAt time.Time // the warehouse's clock
}

// Stock holds the latest level of each SKU.
type Stock struct {
	mu     sync.Mutex
	levels map[string]StockUpdate
}

// DecodeUpdate reads an update as the warehouses send it.
func DecodeUpdate(r io.Reader) (StockUpdate, error) {
	var u StockUpdate
	err := json.NewDecoder(r).Decode(&u)
	return u, err
}

// MISTAKE (wallclock): the newer update is the one with the later
// timestamp, by two warehouses' clocks: a clock a few seconds fast wins
// over every real update that follows it.
func (st *Stock) ApplyNaive(in StockUpdate) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if cur, ok := st.levels[in.SKU]; ok && cur.UpdatedAt.After(in.UpdatedAt) {
		return
	}
	st.levels[in.SKU] = in
}

// FIXED: the warehouse's version counter orders its updates.
func (st *Stock) Apply(in StockUpdate) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if cur, ok := st.levels[in.SKU]; ok && cur.Version >= in.Version {
		return
	}
	st.levels[in.SKU] = in
}
