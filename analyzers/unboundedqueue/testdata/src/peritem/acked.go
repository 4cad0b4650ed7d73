package peritem

// Message is shaped like watermill's: its subscriber delivers the next
// message after Ack or Nack, so unacknowledged messages bound the
// goroutines in flight (service corpus: watermill's router).
type Message struct{ payload []byte }

func (m *Message) Ack() bool  { return true }
func (m *Message) Nack() bool { return true }

type handler struct{ h func(*Message) error }

// The goroutine acknowledges: bounded by the subscription.
func (h *handler) run(messages <-chan *Message) {
	for msg := range messages {
		go h.handleMessage(msg)
	}
}

func (h *handler) handleMessage(msg *Message) {
	if err := h.h(msg); err != nil {
		msg.Nack()
		return
	}
	msg.Ack()
}

func ackedInLiteral(messages <-chan *Message, h func(*Message) error) {
	for msg := range messages {
		go func(m *Message) {
			if h(m) != nil {
				m.Nack()
				return
			}
			m.Ack()
		}(msg)
	}
}

// Acknowledged before the work starts: nothing bounds the goroutines.
func ackedFirst(messages <-chan *Message, h func(*Message) error) {
	for msg := range messages {
		msg.Ack()
		go h(msg) // want `goroutine started per item received from a channel with no limit on concurrency`
	}
}
