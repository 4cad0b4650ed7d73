// A handler that has taken over its connection (Hijack, or a WebSocket
// accept or upgrade) serves no HTTP request any more: its request's
// context has no deadline and no disconnect signal left, so a fresh
// context made after the take-over loses nothing (issue #14, services13:
// croc's webrelay).
package hijacked

import (
	"context"
	"net"
	"net/http"
	"time"

	"upgrader"

	"github.com/coder/websocket"
	gorilla "github.com/gorilla/websocket"
	nhooyr "nhooyr.io/websocket"
)

func pump(ctx context.Context, c net.Conn) error { return nil }

func dial(ctx context.Context) (net.Conn, error) { return nil, nil }

// Negatives.

// The tunnel's close switch, made after the WebSocket accept (croc).
func tunnel(w http.ResponseWriter, r *http.Request) {
	dialCtx, cancelDial := context.WithTimeout(r.Context(), time.Second)
	defer cancelDial()
	upstream, err := dial(dialCtx)
	if err != nil {
		http.Error(w, "relay is unavailable", http.StatusBadGateway)
		return
	}
	socket, err := websocket.Accept(w, r, &websocket.AcceptOptions{})
	if err != nil {
		_ = upstream
		return
	}
	streamCtx, cancelStream := context.WithCancel(context.Background())
	defer cancelStream()
	web := websocket.NetConn(streamCtx, socket, websocket.MessageBinary)
	_ = pump(streamCtx, web)
}

// nhooyr.io/websocket, the library's former path; the fresh context is
// handed straight to the connection's reads.
func echoNhooyr(w http.ResponseWriter, r *http.Request) {
	c, err := nhooyr.Accept(w, r, nil)
	if err != nil {
		return
	}
	for {
		if _, _, err := c.Read(context.Background()); err != nil {
			return
		}
	}
}

var upgraderG = gorilla.Upgrader{}

// gorilla/websocket's Upgrade, the fresh context in a goroutine the
// handler waits for.
func relayGorilla(w http.ResponseWriter, r *http.Request) {
	conn, err := upgraderG.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	done := make(chan error, 1)
	go func() {
		done <- pump(context.Background(), nil)
	}()
	conn.ReadMessage()
	<-done
}

// http.Hijacker: the connection is the handler's from here on.
func hijack(w http.ResponseWriter, r *http.Request) {
	conn, _, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	_ = pump(context.Background(), conn)
}

// http.ResponseController's Hijack.
func hijackController(w http.ResponseWriter, r *http.Request) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		return
	}
	_ = pump(context.TODO(), conn)
}

// Positives: the same shapes without a take-over before the call.

// The fresh context is made before the accept, while the request is
// still an HTTP request.
func tunnelBefore(w http.ResponseWriter, r *http.Request) {
	upstream, err := dial(context.Background()) // want `context.Background\(\) where r.Context\(\) is in scope`
	if err != nil {
		return
	}
	socket, err := websocket.Accept(w, r, nil)
	if err != nil {
		return
	}
	_ = pump(r.Context(), websocket.NetConn(r.Context(), socket, websocket.MessageBinary))
	_ = upstream
}

// The take-over is in another branch than the call.
func tunnelBranch(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("upgrade") != "" {
		socket, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		_ = socket
	}
	_ = pump(context.Background(), nil) // want `context.Background\(\) where r.Context\(\) is in scope`
}

// A handler that never takes over its connection.
func plain(w http.ResponseWriter, r *http.Request) {
	_ = pump(context.Background(), nil) // want `context.Background\(\) where r.Context\(\) is in scope`
}

// An Accept that is not a WebSocket library's: the name alone is no
// take-over.
func notWebsocket(w http.ResponseWriter, r *http.Request) {
	if err := upgrader.Accept(w, r); err != nil {
		return
	}
	_ = pump(context.Background(), nil) // want `context.Background\(\) where r.Context\(\) is in scope`
}

type fakeHijacker struct{}

func (fakeHijacker) Hijack() error { return nil }

// A Hijack method without http.Hijacker's results.
func notHijack(w http.ResponseWriter, r *http.Request) {
	if err := (fakeHijacker{}).Hijack(); err != nil {
		return
	}
	_ = pump(context.Background(), nil) // want `context.Background\(\) where r.Context\(\) is in scope`
}
