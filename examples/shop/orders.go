package shop

import (
	"context"
	"fmt"
	"net/http"
	"strings"
)

// MISTAKE (dualwrite): the order is committed, then billing is told over
// HTTP: if the process dies or the call fails in between, the order
// exists and is never invoiced.
func (s *Service) PlaceOrderNaive(ctx context.Context, o Order) error {
	if _, err := s.db.ExecContext(ctx, `INSERT INTO orders (id, customer, amount) VALUES ($1, $2, $3)`, o.ID, o.Customer, o.Amount); err != nil {
		return err
	}
	body := fmt.Sprintf(`{"order": %q, "amount": %d}`, o.ID, o.Amount)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.billingURL+"/invoices", strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Idempotency-Key", "invoice-"+o.ID)
	resp, err := s.client.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// FIXED: the order and the message to billing are written in one
// transaction; a relay sends the outbox rows to billing and retries
// until billing has them.
func (s *Service) PlaceOrder(ctx context.Context, o Order) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO orders (id, customer, amount) VALUES ($1, $2, $3)`, o.ID, o.Customer, o.Amount); err != nil {
		return err
	}
	payload := fmt.Sprintf(`{"order": %q, "amount": %d}`, o.ID, o.Amount)
	if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (topic, payload) VALUES ('invoices', $1)`, payload); err != nil {
		return err
	}
	return tx.Commit()
}
