package requestmean

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"net/http"
	"time"
)

// Means of durations that are no request's latency: local computation,
// waits, a loop that makes no request. Their average is a profile of the
// program, not of a service.

func compressAll(items [][]byte) time.Duration {
	var total time.Duration
	for _, item := range items {
		start := time.Now()
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(item)
		zw.Close()
		total += time.Since(start)
	}
	return total / time.Duration(len(items))
}

// The waits of a backoff: time.Sleep's durations, averaged.
func averageWait(backoffs []time.Duration) float64 {
	var slept float64
	for _, b := range backoffs {
		start := time.Now()
		time.Sleep(b)
		slept += time.Since(start).Seconds()
	}
	return slept / float64(len(backoffs))
}

type job struct{ steps int }

func (j job) run() int {
	n := 0
	for i := range j.steps {
		n += i
	}
	return n
}

// A loop that times each item it handles, none of them a request.
func runJobs(jobs []job) time.Duration {
	var total time.Duration
	for _, j := range jobs {
		start := time.Now()
		j.run()
		total = total + time.Since(start)
	}
	return total / time.Duration(len(jobs))
}

// A command-line tool printing the mean time to hash its input.
func hashBench(data []byte, rounds int) {
	var total time.Duration
	for range rounds {
		start := time.Now()
		sha256.Sum256(data)
		total += time.Since(start)
	}
	fmt.Println("mean hash time", total/time.Duration(rounds))
}

// A request made after the duration is taken: the duration is the
// encoding's, not the request's.
func encodeThenSend(c *http.Client, url string, items [][]byte) time.Duration {
	var total time.Duration
	for _, item := range items {
		start := time.Now()
		body := bytes.ToUpper(item)
		total += time.Since(start)
		c.Post(url, "text/plain", bytes.NewReader(body))
	}
	return total / time.Duration(len(items))
}

// The counter pair of local work outside any handler.
func compactLocal(items [][]byte) {
	for _, item := range items {
		start := time.Now()
		bytes.TrimSpace(item)
		busyMillis.Add(time.Since(start).Milliseconds())
		served.Add(1)
	}
}

// Look-alikes that stay reported.

// A command-line tool printing the mean time of HTTP calls: requests'
// latencies, wherever they are averaged.
func pingAll(c *http.Client, url string, rounds int) {
	var total time.Duration
	for range rounds {
		start := time.Now()
		if resp, err := c.Get(url); err == nil {
			resp.Body.Close()
		}
		total += time.Since(start)
	}
	fmt.Println("mean latency", total/time.Duration(rounds)) // want `average latency computed by hand`
}

// Durations handed in: their origin is out of view, and the mean keeps
// the rule's other decisions (reported, as before).
type stats struct {
	total time.Duration
	n     int
}

func (s *stats) observe(d time.Duration) {
	s.total += d
	s.n++
}

func (s *stats) mean() time.Duration {
	return s.total / time.Duration(s.n) // want `average latency computed by hand`
}

// One total fed by local work and by requests: some of its durations are
// requests' latencies.
type mixed struct {
	total time.Duration
	n     int
}

func (m *mixed) local(item []byte) {
	start := time.Now()
	bytes.ToLower(item)
	m.total += time.Since(start)
	m.n++
}

func (m *mixed) remote(c *http.Client, url string) {
	start := time.Now()
	c.Get(url)
	m.total += time.Since(start)
	m.n++
}

func (m *mixed) mean() time.Duration {
	return m.total / time.Duration(m.n) // want `average latency computed by hand`
}
