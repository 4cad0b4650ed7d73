package sendgoroutine

import (
	"errors"
	"net"
	"net/http"
	"sync"
)

// A hub whose loop never waits: every per-client send is a select with
// a default that drops the slow client, and nothing else in the loop can
// block. A goroutine that only sends to it waits one iteration at most.

type client struct {
	send chan []byte
	addr net.Addr
}

type Hub struct {
	clients    map[*client]bool
	Broadcast  chan []byte
	register   chan *client
	unregister chan *client
	count      int
}

func prepare(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, errors.New("empty")
	}
	return append([]byte("x"), b...), nil
}

func (h *Hub) Run() {
	for {
		select {
		case c := <-h.register:
			println("connected", c.addr.String())
			h.clients[c] = true
			h.count++
		case c := <-h.unregister:
			if _, ok := h.clients[c]; ok {
				delete(h.clients, c)
				close(c.send)
			}
		case m := <-h.Broadcast:
			p, err := prepare(m)
			if err != nil {
				println(err.Error())
				continue
			}
			for c := range h.clients {
				select {
				case c.send <- p:
				default:
					close(c.send)
					delete(h.clients, c)
				}
			}
		}
	}
}

var hub *Hub

func Publish(b []byte) {
	go func() { hub.Broadcast <- b }()
}

// Look-alike: the same hub, but the per-client send blocks.
type BlockingHub struct {
	clients   map[*client]bool
	Broadcast chan []byte
}

func (h *BlockingHub) Run() {
	for {
		select {
		case m := <-h.Broadcast:
			for c := range h.clients {
				c.send <- m
			}
		}
	}
}

func (h *BlockingHub) Publish(b []byte) {
	go func() { h.Broadcast <- b }() // want `goroutine started only to send on a channel`
}

// Look-alike: the consumer calls the network for each item.
type PostHub struct {
	in  chan string
	url string
}

func (h *PostHub) Run() {
	for {
		select {
		case m := <-h.in:
			if resp, err := http.Get(h.url + m); err == nil {
				resp.Body.Close()
			}
		}
	}
}

func (h *PostHub) Publish(m string) {
	go func() { h.in <- m }() // want `goroutine started only to send on a channel`
}

// Look-alike: a lock in the loop waits on whoever holds it.
type LockedHub struct {
	mu sync.Mutex
	in chan int
	n  int
}

func (h *LockedHub) Run() {
	for v := range h.in {
		h.mu.Lock()
		h.n += v
		h.mu.Unlock()
	}
}

func (h *LockedHub) Publish(v int) {
	go func() { h.in <- v }() // want `goroutine started only to send on a channel`
}

// Look-alike: a handler function value may do anything.
type FuncHub struct {
	in      chan int
	handler func(int)
}

func (h *FuncHub) Run() {
	for v := range h.in {
		h.handler(v)
	}
}

func (h *FuncHub) Publish(v int) {
	go func() { h.in <- v }() // want `goroutine started only to send on a channel`
}

// Look-alike: no receive of the channel in view.
type Outbox struct{ Out chan int }

func (o *Outbox) Publish(v int) {
	go func() { o.Out <- v }() // want `goroutine started only to send on a channel`
}

// Look-alike: the channel is also received outside any loop.
type OnceHub struct{ in chan int }

func (h *OnceHub) Run() {
	for v := range h.in {
		_ = v
	}
}

func (h *OnceHub) First() int { return <-h.in }

func (h *OnceHub) Publish(v int) {
	go func() { h.in <- v }() // want `goroutine started only to send on a channel`
}
