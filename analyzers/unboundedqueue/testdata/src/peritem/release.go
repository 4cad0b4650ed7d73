package peritem

import (
	"errors"
	"log"
)

// Goroutines that only release the item received: closing a connection
// in the background because Close can wait. They do no work with it and
// wait on no consumer.

type capableConn struct{ scope *connScope }

type connScope struct{}

func (*connScope) Release() {}

func (*capableConn) IsClosed() bool                { return false }
func (*capableConn) Close() error                  { return nil }
func (*capableConn) CloseWithError(code int) error { return nil }
func (*capableConn) Serve()                        {}
func (*capableConn) Write(p []byte) (int, error)   { return len(p), nil }

var errListenerClosed = errors.New("listener closed")

type upgradedListener struct {
	incoming chan *capableConn
}

func (l *upgradedListener) Accept() (*capableConn, error) {
	for c := range l.incoming {
		if !c.IsClosed() {
			return c, nil
		}
		go c.Close()
	}
	return nil, errListenerClosed
}

func (l *upgradedListener) drainLogged() {
	for c := range l.incoming {
		go func() {
			if err := c.Close(); err != nil {
				log.Printf("close: %v", err)
			}
		}()
	}
}

func (l *upgradedListener) drainCode() {
	for c := range l.incoming {
		go func(c *capableConn) { _ = c.CloseWithError(3) }(c)
	}
}

func (l *upgradedListener) releaseScope() {
	for c := range l.incoming {
		go c.scope.Release()
	}
}

// Look-alikes, still reported: the goroutine works with the item.

func (l *upgradedListener) serve() {
	for c := range l.incoming {
		go c.Serve() // want `goroutine started per item received from a channel`
	}
}

func (l *upgradedListener) sayGoodbye() {
	for c := range l.incoming {
		go func() { // want `goroutine started per item received from a channel`
			c.Write([]byte("bye"))
			c.Close()
		}()
	}
}

func retryConn(c *capableConn) {}

func (l *upgradedListener) closeOrRetry() {
	for c := range l.incoming {
		go func() { // want `goroutine started per item received from a channel`
			if err := c.Close(); err != nil {
				retryConn(c)
			}
		}()
	}
}

func closeCode(c *capableConn) int { return 0 }

func (l *upgradedListener) codeFromCall() {
	for c := range l.incoming {
		go c.CloseWithError(closeCode(c)) // want `goroutine started per item received from a channel`
	}
}
