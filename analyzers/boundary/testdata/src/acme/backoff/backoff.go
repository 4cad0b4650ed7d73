// Package backoff is an in-house backoff library, unknown to distlint
// until -retrystorm.backoffpkgs names it.
package backoff

// Policy computes the delays between attempts.
type Policy struct{ n int }

// Wait sleeps for the next delay.
func (p *Policy) Wait() { p.n++ }
