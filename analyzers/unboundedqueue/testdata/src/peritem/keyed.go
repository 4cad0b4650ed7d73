package peritem

import "sync"

type Keyed struct {
	Key  string
	Data []byte
}

func work(key string, in <-chan Keyed) {}

// One goroutine per distinct key: bounded by the set of keys.
func perKey(msgs <-chan Keyed) {
	workers := make(map[string]chan Keyed)
	for m := range msgs {
		ch, ok := workers[m.Key]
		if !ok {
			ch = make(chan Keyed, 1)
			workers[m.Key] = ch
			go work(m.Key, ch)
		}
		ch <- m
	}
}

func perKeyIf(msgs <-chan Keyed) {
	started := map[string]bool{}
	for m := range msgs {
		if started[m.Key] {
			continue
		}
		started[m.Key] = true
		go work(m.Key, nil)
	}
}

func perKeySyncMap(msgs <-chan Keyed, running *sync.Map) {
	for m := range msgs {
		if _, loaded := running.LoadOrStore(m.Key, true); loaded {
			continue
		}
		go work(m.Key, nil)
	}
}

// A map checked but never written is a filter, not a key set.
func filterOnly(msgs <-chan Keyed, blocked map[string]bool) {
	for m := range msgs {
		if blocked[m.Key] {
			continue
		}
		go work(m.Key, nil) // want `goroutine started per item received from a channel`
	}
}

// A key recorded in one map and checked in another bounds nothing.
func twoMaps(msgs <-chan Keyed, seen, other map[string]bool) {
	for m := range msgs {
		if seen[m.Key] {
			continue
		}
		other[m.Key] = true
		go work(m.Key, nil) // want `goroutine started per item received from a channel`
	}
}
