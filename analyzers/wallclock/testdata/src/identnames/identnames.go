package identnames

import "time"

type Task struct {
	Ticket int64
	ID     int64
}

func withTicket(t *Task) {
	t.Ticket = time.Now().UnixNano() // want `wall-clock time used as ticket \(Ticket\)`
}

// id is not in the configured list.
func withID(t *Task) {
	t.ID = time.Now().UnixNano()
}
