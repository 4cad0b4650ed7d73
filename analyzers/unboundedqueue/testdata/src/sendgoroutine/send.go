package sendgoroutine

import (
	"context"
	"errors"
)

type Event struct{ Name string }

type Server struct {
	events chan Event
}

// The classic: never block the caller, park a goroutine instead.
func (s *Server) notify(e Event) {
	go func() { s.events <- e }() // want `goroutine started only to send on a channel: when the consumer is slower than the producer every send parks one more goroutine`
}

func publish(ch chan<- Event, e Event) {
	go func() { // want `goroutine started only to send on a channel`
		ch <- e
	}()
}

var global = make(chan int)

func toGlobal(n int) {
	go func(v int) { global <- v }(n) // want `goroutine started only to send`
}

func inLoop(events []Event) {
	done := make(chan Event)
	for _, e := range events {
		go func() { done <- e }() // want `goroutine started only to send`
	}
	for range events {
		<-done
	}
}

func selectOnlySend(s *Server, e Event) {
	go func() { // want `goroutine started only to send`
		select {
		case s.events <- e:
		}
	}()
}

func deliver(ch chan<- Event, e Event) { ch <- e }

func viaHelper(s *Server, e Event) {
	go deliver(s.events, e) // want `goroutine started only to send`
}

// Negatives.

// A select that can give up is bounded in time.
func withCancel(ctx context.Context, s *Server, e Event) { // want withCancel:"spawns an unbounded goroutine per call"
	go func() {
		select {
		case s.events <- e:
		case <-ctx.Done():
		}
	}()
}

func withDefault(s *Server, e Event) {
	go func() {
		select {
		case s.events <- e:
		default:
		}
	}()
}

// The goroutine runs work and hands its result over: not a queue.
func runAsync() error {
	errc := make(chan error, 1)
	go func() { errc <- work() }()
	return <-errc
}

func work() error { return errors.New("x") }

// A one-shot hand-off on a channel made here.
func oneShot() Event {
	done := make(chan Event)
	e := Event{Name: "x"}
	go func() { done <- e }()
	return <-done
}

// Sending in place blocks: that is backpressure.
func (s *Server) notifyBlocking(e Event) { s.events <- e }

// More than a send.
func (s *Server) notifyAndLog(e Event) { // want notifyAndLog:"spawns an unbounded goroutine per call"
	go func() {
		s.events <- e
		println("sent")
	}()
}

func forward(in <-chan Event, out chan<- Event) { // want forward:"spawns an unbounded goroutine per call"
	go func() { out <- <-in }()
}
