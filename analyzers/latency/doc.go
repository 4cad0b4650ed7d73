// Package latency defines an Analyzer that reports latency recorded as a
// single number.
//
// # Analyzer latency
//
// latency: report latency recorded as a single number that hides the tail
//
// Mental model: latency has a shape, not a number. Users feel the slow
// requests, the 99th percentile, and a distribution whose tail is long
// can have a fine average. A gauge keeps only the last value, and an
// average (a sum divided by a count) lets one slow request in a hundred
// vanish. Record latencies in a histogram and alert on its percentiles.
//
// Evidence standard: distlint reports a latency record only when it can
// see that the value is a duration measured in the program (a clock
// reading subtracted from another) and that the instrument keeps one
// number of many events: a gauge set per request or per item, a sum of
// requests' latencies divided by a count, a summary without objectives.
// Latency is a problem of requests, where tails matter: a record made
// once per run of a periodic job (a compaction, a truncation, a garbage
// collection) is left alone when distlint can see the clock drive it: a
// loop that waits on a ticker, a timer, time.After or time.Sleep,
// around the record or around the calls of its function in the package
// (followed through a function literal stored in a local variable to
// where that variable is called, or handed to a function in view that
// calls it: a maintenance loop's runMaintenance(doMaintenance) on each
// tick), with no other caller in the package that serves requests or
// receives messages. A Prometheus collector's Collect method, which the
// registry runs once per scrape at the scrapers' pace, is such a job
// too (an exporter timing its scrape of its target), unless it records
// once per item of a loop (one duration per target). Over any window
// such an instrument holds one run,
// and its sum over its count is that run's duration: no tail is hidden.
// The name of a job is not evidence; the loop is. A summary created
// with no Name (a no-op metric set used when no Registerer is given)
// cannot be registered, since Prometheus rejects an empty metric name:
// nothing exports it, and it is left alone. A value of unknown origin,
// or a gauge set once per tick or once per run, is left alone. A mean
// in a benchmark (a function taking a *testing.B, analyzed with -tests)
// is left alone too: go test reports benchmarks as means per operation
// by design, and a benchmark measures in a lab, not a service's
// requests. A mean that ranks is a profiling view, not an instrument:
// means computed once per entry in a loop over a collection (per query,
// per key, per group), stored in a field that the package sorts the
// entries by (sort.Slice, sort.SliceStable, slices.SortFunc, a Less
// method: the top queries by average duration), or compared with
// another entry's mean inside such a comparator, are left alone when no
// read of that field in the package records it into a metric or
// compares it with anything but the same field of another entry.
// Per-key histograms there would be unbounded cardinality, and the
// ranking orders keys; it measures no one's latency. A running mean
// updated per request, a series of means per time window kept in time
// order, means sorted by something else, and a ranked mean that is also
// exported or checked against a threshold stay reported. A mean shown
// beside the tail hides nothing: a mean stored in a struct whose
// percentile fields (P50, P99, Quantiles, Median) the package fills, as
// a load-test report's Mean column beside its P50 and P99, or set in
// the same composite literal as a non-zero percentile, is left alone, and
// so is a mean returned by a method of a distribution type that also
// answers its quantiles (a method of the same type named Query, Quantile
// or Percentile that takes one floating-point argument, as monkit's
// DurationDist.FullAverage beside its Query(quantile)); a
// mean with no percentile beside it, or beside one nothing fills, stays
// reported. Two means are no one's latency report and are left alone: a
// total of durations read from fields of a wire type (a field with a
// json, yaml, xml, protobuf or msgpack tag: a service's own processing
// time from its stats API), which another process measured and whose
// single values never reach this code, and a mean at once added to or
// taken from a duration that is not a constant
// (rttSum/n + replyTimeout), a wait the program derives and acts on. A
// total of an in-process record's field, of durations measured in view or handed
// in, and a mean plus a constant stay reported. A duration summed into
// a counter next to a count is left alone when, in the same block, the
// same duration is also exported on its own: observed into a histogram
// or summary, or set into a gauge that the gauge rule leaves alone (a
// prometheus.Collector timing its own Collect, once per scrape, with a
// _last gauge beside the _total pair). Every run is then visible, and
// the pair measures busy time and cadence. A gauge set per request
// beside the pair loses requests, and both stay reported.
//
// A mean or a pair of durations measured in view is reported only when
// they are requests' latencies, by the gauge rule's standard: the
// duration is added in a request handler or interceptor, or measured
// around a request (a network call between the clock reading and the
// addition, made directly or by a function the code calls). A loop
// that times each item it handles meets it when the timed handling
// makes a request; a request made after the duration is taken does not
// count. The average time of local work (compressing, hashing, running
// a job), of waits (time.Sleep), or of a Collector timing its own
// Collect is a profile of the program, not a latency its users feel,
// and is left alone, in a command as anywhere. On the corpora, no mean
// and no pair was ever a true finding (0 of 5). A total fed by some
// duration measured around a request or in a handler is reported, and
// so is one fed by durations handed in (a parameter, a field, a call's
// result), whose origin cannot be seen: those keep the decisions above.
// A mean hides a tail only from someone who reads it, so a mean is
// reported only when it reaches a reader: through conversions, unit
// methods, arithmetic, formatting and local variables, it is printed or
// logged (fmt.Print*, log, slog, a logger's Infof), recorded into a
// metric, returned by a function whose name or receiver type says
// average or report (Mean, AvgLatency, a Stats type's method, Snapshot),
// or stored in a field that says average (AvgRTT), that goes on the wire
// (a json, yaml, protobuf... tag) or that belongs to a type that says
// report (Stats, Metrics, Summary). A mean that the program uses, stored
// in a probe's result and folded into a peer ranking, compared, or
// handed to another function, is a control input and is left alone.
// -latency.strict reports every mean and pair without that evidence,
// as the analyzer did before.
//
// The analyzer reports:
//
//   - a duration measured in the function (time.Since of a reading of
//     the clock, or the difference of two readings; as a Duration, its
//     Seconds, Milliseconds, ..., or a conversion) recorded into a gauge
//     once per event: in a request handler or interceptor, in a loop that
//     times each item it handles, or around a request (a network call:
//     HTTP, gRPC, SQL, a broker, Redis, a cloud SDK, a dial, made
//     directly or by a function the code calls, in this package or
//     another, but not in a goroutine it starts). Gauges: Prometheus client_golang Gauge.Set
//     (GaugeVec members too), OpenTelemetry Float64Gauge and Int64Gauge
//     Record, expvar Float and Int Set, rcrowley/go-metrics Gauge and
//     GaugeFloat64 Update, go-kit Gauge.Set, armon/go-metrics and
//     hashicorp/go-metrics SetGauge and SetPrecisionGauge;
//   - a duration summed into a counter (Prometheus Counter.Add and
//     Gauge.Add, OpenTelemetry counters' Add, expvar Add, go-metrics
//     IncrCounter, ...) in the same block that counts the events
//     (Counter.Inc, Add(1)): the pair is a hand-made average; by
//     default, when the duration is a request's latency (summed in a
//     request handler or interceptor, or measured around a request);
//     -latency.strict any measured duration;
//   - a Prometheus summary (NewSummary, NewSummaryVec, promauto) made
//     with SummaryOpts that have no Objectives (absent, nil or empty) and
//     that observes durations (Observe of a duration, prometheus.NewTimer)
//     in the same package: it exports only a sum and a count, an average;
//   - a hand-made mean: durations added to a running total (total += d)
//     that is divided by a count (total / time.Duration(n)); by default,
//     when some duration added is a request's latency (as for the pair)
//     or is handed in from out of view, not when every one is measured
//     in view around local work or a wait; -latency.strict any total.
//
// Left alone: histograms, summaries with Objectives (or whose options
// cannot be seen), durations logged per request, gauges of things that
// are not durations (queue depth, requests in flight), gauges of a
// timestamp (lastSuccess.Set(float64(time.Now().Unix()))), gauges of a
// configured duration (Set(cfg.Timeout.Seconds())), gauges of an age or
// a remaining time (time.Since(s.lastContact), time.Until(expiry)): only
// durations measured in view are latencies. A gauge of the last run of
// a job that runs once (main itself), or once per tick (a loop that
// waits on a ticker, a timer or time.Sleep), is the usual way to export a batch job's
// duration and is left alone. A counter of seconds with no count beside
// it is a rate of busy time (the process_cpu_seconds_total convention),
// not an average, and is left alone. A ratio of two durations (busy time
// over elapsed time) is not a mean. Per-entry means used only to sort
// the entries (a top-N report) are a ranking, not a latency record.
//
// Bad:
//
//	func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
//		start := time.Now()
//		s.next.ServeHTTP(w, r)
//		requestSeconds.Set(time.Since(start).Seconds()) // the last request only
//	}
//
//	var rpcLatency = prometheus.NewSummary(prometheus.SummaryOpts{
//		Name: "rpc_duration_seconds", // no Objectives: sum and count, an average
//	})
//
// Good:
//
//	var requestSeconds = prometheus.NewHistogram(prometheus.HistogramOpts{
//		Name:    "http_request_duration_seconds",
//		Buckets: prometheus.DefBuckets,
//	})
//
//	requestSeconds.Observe(time.Since(start).Seconds())
//
// Options:
//
//	-latency.strict   report every hand-made mean of durations and every duration summed into a counter next to a count, not only those of requests' latencies (the analyzer's behaviour before the evidence standard)
package latency
