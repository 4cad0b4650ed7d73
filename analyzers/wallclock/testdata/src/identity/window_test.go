package identity

import "testing"

// A test asserting the window's second reads it another way: tests do
// not count.
func TestWindow(t *testing.T) {
	r := newReservoir(1)
	if got := r.currentEpoch; got == 0 {
		t.Fatal("no epoch")
	}
	t.Log(r.currentEpoch)
}
