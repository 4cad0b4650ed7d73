// Package doubles holds test doubles beside real code: findings in the
// doubles are dropped unless -tests asks for test code.
package doubles

func bad() {}

// A constructor that names itself a mock builds a test double.
func NewMockMetaData() { bad() }

func newFakeClock() { bad() }

func StubSender() { bad() }

type fakeStore struct{}

func (f *fakeStore) Put() { bad() }

type mockQueue[T any] struct{}

func (q mockQueue[T]) Push() { bad() }

// Look-alikes: the words must be whole.
func NewStubbornClient() { bad() } // want "call of bad"

func Mockingbird() { bad() } // want "call of bad"

type store[T any] struct{}

func (s *store[T]) Put() { bad() } // want "call of bad"

func NewClient() {
	bad() // want "call of bad"
	// A closure in real code is real code.
	_ = func() { bad() } // want "call of bad"
}
