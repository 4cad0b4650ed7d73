package lww

import (
	"log"
	"time"
)

// Record is replicated between nodes (json tags).
type Record struct {
	Key       string    `json:"key"`
	Value     string    `json:"value"`
	Version   int64     `json:"version"`
	Count     int64     `json:"count"`
	UpdatedAt time.Time `json:"updated_at"`
	ExpiresAt time.Time `json:"expires_at"`
	Token     string    `json:"token"`
}

// Doc stores integer timestamps.
type Doc struct {
	ID           string `bson:"_id"`
	Body         string `bson:"body"`
	UpdatedAt    int64  `bson:"updated_at"`
	ModifiedTime int64  `bson:"mtime"`
}

type Store struct {
	items  map[string]*Record
	docs   map[string]Doc
	newest Record
}

func (s *Store) apply(in *Record) {
	cur := s.items[in.Key]
	if in.UpdatedAt.After(cur.UpdatedAt) { // want `last write wins by UpdatedAt \(wall clock\) across machines: clock skew lets an older write overwrite a newer one; compare a version or sequence number from one source, or a logical clock`
		s.items[in.Key] = in
	}
}

func (s *Store) applyEarlyReturn(in *Record) {
	cur, ok := s.items[in.Key]
	if ok && !in.UpdatedAt.After(cur.UpdatedAt) { // want `last write wins by UpdatedAt`
		return
	}
	s.items[in.Key] = in
}

func overwrite(cur, in *Record) {
	if cur.UpdatedAt.Before(in.UpdatedAt) { // want `last write wins by UpdatedAt`
		*cur = *in
	}
}

func (s *Store) applyDoc(in Doc) {
	cur := s.docs[in.ID]
	if in.UpdatedAt > cur.UpdatedAt { // want `last write wins by UpdatedAt`
		cur.Body = in.Body
		s.docs[in.ID] = cur
	}
}

func mergeDoc(cur *Doc, in Doc) {
	if in.ModifiedTime >= cur.ModifiedTime { // want `last write wins by ModifiedTime`
		cur.Body = in.Body
	}
}

func mergeSub(cur *Record, in Record) {
	if in.UpdatedAt.Sub(cur.UpdatedAt) > 0 { // want `last write wins by UpdatedAt`
		cur.Value = in.Value
	}
}

func mergeCompare(cur *Record, in Record) {
	if in.UpdatedAt.Compare(cur.UpdatedAt) > 0 { // want `last write wins by UpdatedAt`
		cur.Value = in.Value
	}
}

func newestOf(rs []Record) Record {
	var best Record
	for _, r := range rs {
		if r.UpdatedAt.After(best.UpdatedAt) { // want `last write wins by UpdatedAt`
			best = r
		}
	}
	return best
}

func applyBatch(m map[string]Record, batch []Record) {
	for _, in := range batch {
		if cur, ok := m[in.Key]; ok && cur.UpdatedAt.After(in.UpdatedAt) { // want `last write wins by UpdatedAt`
			continue
		}
		m[in.Key] = in
	}
}

// --- left alone ---

func expire(m map[string]*Record) {
	now := time.Now()
	for k, e := range m {
		if now.After(e.ExpiresAt) {
			delete(m, k)
		}
	}
}

func stale(e *Record, ttl time.Duration, fresh *Record) {
	if time.Since(e.UpdatedAt) > ttl {
		*e = *fresh
	}
}

// peer stays in this process.
type peer struct {
	seen time.Time
	addr string
}

func mergePeer(a, b *peer) {
	if b.seen.After(a.seen) {
		a.addr = b.addr
	}
}

// Alert keeps its own history: two timestamps of one value.
type Alert struct {
	State      string    `json:"state"`
	ResolvedAt time.Time `json:"resolved_at"`
	LastSentAt time.Time `json:"last_sent_at"`
}

func resend(a *Alert, state string) {
	if a.ResolvedAt.After(a.LastSentAt) {
		a.State = state
	}
}

func (s *Store) trackNewest(in Record) {
	if in.UpdatedAt.After(s.newest.UpdatedAt) {
		s.newest.UpdatedAt = in.UpdatedAt
	}
}

func (s *Store) applyVersion(in *Record) {
	cur := s.items[in.Key]
	if in.Version > cur.Version {
		s.items[in.Key] = in
	}
}

func extendLease(cur, in *Record) {
	if in.ExpiresAt.After(cur.ExpiresAt) {
		cur.Token = in.Token
	}
}

func warnStale(cur, in *Record) {
	if in.UpdatedAt.Before(cur.UpdatedAt) {
		log.Printf("stale update for %s", in.Key)
	}
}

func byCount(cur *Record, in Record) {
	if in.Count > cur.Count {
		*cur = in
	}
}

func sameTime(cur *Record, in Record) {
	if in.UpdatedAt.Equal(cur.UpdatedAt) {
		cur.Value = in.Value
	}
}

func localCopy(cur, in *Record) string {
	if in.UpdatedAt.After(cur.UpdatedAt) {
		v := in.Value
		return v
	}
	return cur.Value
}

// monotonic clamps an incoming timestamp: no overwrite of other state.
func monotonic(last *Doc, in *Doc) {
	if in.UpdatedAt <= last.UpdatedAt {
		in.UpdatedAt = last.UpdatedAt + 1
	}
}

// put stamps records locally; apply still merges remote ones by that
// stamp (the classic replication bug), so stamping does not excuse it.
func (s *Store) put(k, v string) {
	s.items[k] = &Record{Key: k, Value: v, UpdatedAt: time.Now()}
}

// Exemplar carries an integer timestamp.
type Exemplar struct {
	Value float64 `json:"value"`
	Ts    int64   `json:"timestamp"`
}

type entry struct {
	ex   Exemplar
	prev int
}

// insertionIndex searches by timestamp: nothing is overwritten.
func insertionIndex(es []entry, e Exemplar, newest int) int {
	for i := newest; i >= 0; {
		current := es[i]
		if current.ex.Ts <= e.Ts {
			return i
		}
		i = current.prev
	}
	return 0
}

type limiter struct{ maxTime int64 }

// limit drops exemplars too far in the future: a bound, not an order.
func (l *limiter) limit(es []Exemplar) []Exemplar {
	var valid []Exemplar
	for _, e := range es {
		if e.Ts > l.maxTime {
			continue
		}
		valid = append(valid, e)
	}
	return valid
}
