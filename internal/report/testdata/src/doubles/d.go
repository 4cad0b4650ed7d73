// Package doubles holds test doubles beside real code: findings in the
// doubles are dropped unless -tests asks for test code.
package doubles

func bad() {}

// A constructor or a function whose name starts with mock or fake, after
// new, is a test double's.
func NewMockMetaData() { bad() }

func newFakeClock() { bad() }

func mockSend() { bad() }

type fakeStore struct{}

func (f *fakeStore) Put() { bad() }

func (*fakeStore) Get() { bad() }

func (f fakeStore) Len() int { bad(); return 0 }

type mockQueue[T any] struct{}

func (q mockQueue[T]) Push() { bad() }

type MockMap[K comparable, V any] struct{}

func (m *MockMap[K, V]) Load(K) V { bad(); var v V; return v }

// Look-alikes: only the leading word counts, only whole words, and stub
// names real network code (a stub resolver, nginx's stub_status).
func NewStubbornClient() { bad() } // want "call of bad"

func Mockingbird() { bad() } // want "call of bad"

func StubSender() { bad() } // want "call of bad"

func GetStubStats() { bad() } // want "call of bad"

func newStubResolver() { bad() } // want "call of bad"

func GetFakeIPs() { bad() } // want "call of bad"

func New() { bad() } // want "call of bad"

type store[T any] struct{}

func (s *store[T]) Put() { bad() } // want "call of bad"

type resolverFake struct{}

func (r resolverFake) Resolve() { bad() } // want "call of bad"

func NewClient() {
	bad() // want "call of bad"
	// A closure in real code is real code.
	_ = func() { bad() } // want "call of bad"
}
