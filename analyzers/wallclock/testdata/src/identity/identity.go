package identity

import (
	"fmt"
	"log"
	"math/rand"
	"strconv"
	"sync/atomic"
	"time"
)

type Message struct {
	ID      string
	Seq     int64
	Version string
	Body    string
}

type Request struct{ version int64 }

func (r *Request) SetVersion(v int64) { r.version = v }

func send(seq int64, body string) {}

func localID() {
	id := time.Now().UnixNano() // want `wall-clock time used as identifier \(id\): two machines, or two calls within the clock's resolution, get the same value; use a random ID \(UUID\) or a counter`
	_ = id
}

func fieldID(msg *Message) {
	msg.ID = strconv.FormatInt(time.Now().UnixNano(), 10) // want `wall-clock time used as identifier \(ID\)`
}

func literalSeq() Message {
	return Message{Seq: time.Now().Unix(), Body: "x"} // want `wall-clock time used as seq \(Seq\): clock skew and clock steps give a later event a smaller value; use a counter or a sequence number from one source, or a logical clock`
}

func declVersion() string {
	var version = time.Now().Format("20060102150405") // want `wall-clock time used as version \(version\)`
	return version
}

func param() {
	send(time.Now().UnixNano(), "hello") // want `wall-clock time used as seq \(seq\)`
}

func setter(r *Request) {
	r.SetVersion(time.Now().Unix()) // want `wall-clock time used as version \(Version\)`
}

func newRequestID() string {
	return fmt.Sprintf("%d", time.Now().UnixNano()) // want `identifier \(newRequestID\)`
}

func mapKey(headers map[string]string) {
	headers["X-Request-ID"] = fmt.Sprint(time.Now().UnixNano()) // want `identifier \(X-Request-ID\)`
}

func viaLocal() int64 {
	now := time.Now()
	orderID := now.Unix() // want `identifier \(orderID\)`
	return orderID
}

func converted() uint64 {
	rev := uint64(time.Now().UnixNano() / 1000) // want `wall-clock time used as rev \(rev\)`
	return rev
}

func nonce() int64 {
	n := struct{ Nonce int64 }{Nonce: time.Now().UnixMilli()} // want `identifier \(Nonce\)`
	return n.Nonce
}

func stringVersion() string {
	eventVersion := time.Now().UTC().String() // want `wall-clock time used as version \(eventVersion\)`
	return eventVersion
}

func mapLiteral() map[string]any {
	return map[string]any{"revision": time.Now().Unix()} // want `wall-clock time used as revision \(revision\)`
}

func prefixed() string {
	jobID := "job-" + strconv.FormatInt(time.Now().Unix(), 10) // want `identifier \(jobID\)`
	return jobID
}

func next() (seq int64) {
	return time.Now().UnixNano() // want `wall-clock time used as seq \(seq\)`
}

func copied(msg *Message) {
	ts := time.Now().UnixNano()
	msg.Seq = ts // want `wall-clock time used as seq \(Seq\)`
}

type Clock struct {
	seq     atomic.Int64
	version int64
	last    atomic.Int64
}

func (c *Clock) stamp() {
	c.seq.Store(time.Now().UnixNano())                   // want `wall-clock time used as seq \(seq\)`
	atomic.StoreInt64(&c.version, time.Now().UnixNano()) // want `wall-clock time used as version \(version\)`
	c.last.Store(time.Now().UnixNano())
}

// --- left alone ---

func seeds() *rand.Rand {
	seed := time.Now().UnixNano()
	_ = seed
	return rand.New(rand.NewSource(time.Now().UnixNano()))
}

func timestamps() (int64, int64, int64, string) {
	createdAt := time.Now().Unix()
	ts := time.Now().UnixNano()
	epochMillis := time.Now().UnixMilli()
	versionTime := time.Now().Format(time.RFC3339)
	return createdAt, ts, epochMillis, versionTime
}

func logging(id string) {
	log.Printf("request %s at %d", id, time.Now().Unix())
}

func hostScoped(host string) string {
	id := fmt.Sprintf("%s-%d", host, time.Now().UnixNano())
	return id
}

type Gen struct {
	lastSeq int64
	version int64
}

func (g *Gen) nextSeq() int64 {
	seq := time.Now().UnixNano()
	if seq <= g.lastSeq {
		seq = g.lastSeq + 1
	}
	g.lastSeq = seq
	return seq
}

func (g *Gen) bump(prev int64) {
	g.version = time.Now().UnixNano()
	if g.version <= prev {
		g.version = prev + 1
	}
}

func lookAlikes() (string, string, int64) {
	identity := time.Now().String()
	recorder := time.Now().Format(time.Kitchen)
	orderedAt := time.Now().Unix()
	return identity, recorder, orderedAt
}

func phase(period time.Duration, start int64) (int64, int64) {
	offset := time.Now().UnixNano() % int64(period)
	sinceStart := time.Now().Unix() - start
	return offset, sinceStart
}

func timeValue(msg *Message) time.Time {
	id := time.Now()
	return id
}

func elapsed(start time.Time) string {
	version := time.Since(start).String()
	return version
}

func zone() int {
	_, offset := time.Now().Zone()
	return offset
}

func fromCounter(g *Gen, msg *Message) {
	g.lastSeq++
	msg.Seq = g.lastSeq
	msg.ID = strconv.FormatInt(g.lastSeq, 10)
}

func (g *Gen) NextSeq() int64 {
	ts := time.Now().UnixNano()
	if ts <= g.lastSeq {
		ts = g.lastSeq + 1
	}
	g.lastSeq = ts
	return ts
}

func randomSuffix() string { return "x" }

func newID() string {
	return fmt.Sprint(time.Now().UnixNano()) + "-" + randomSuffix()
}

func lookupByTime(getOffset func(topic string, time int64) int64) int64 {
	return getOffset("events", time.Now().Add(-time.Hour).UnixMilli())
}
