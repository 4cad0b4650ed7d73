// Package wallclock defines an Analyzer that reports wall-clock time used
// to order, version or identify events that several machines produce.
//
// # Analyzer wallclock
//
// wallclock: report wall-clock time used to order, version or identify events across machines
//
// Mental model: clocks are broken. Two machines' clocks disagree by
// milliseconds to minutes, NTP steps a clock backwards, and one clock
// gives two events in the same tick the same reading. A timestamp says
// roughly when something happened on one machine; it does not say which
// of two events on two machines came first, which write is newer, or
// that a value is unique. Order by a sequence number or version assigned
// by one source (a database, a leader, a log offset), a logical or hybrid
// clock, and identify with random IDs.
//
// Evidence: distlint reports a wall-clock value only when it can see
// the reading (time.Now, through its conversions) and a use that needs
// order or uniqueness across machines: a sort that decides which event
// is taken, a min/max selection, a last-write-wins
// overwrite of a value that crosses a process boundary, a name or key
// that says identifier, sequence or version, or a map key. A timestamp
// whose writers it cannot see, or that has one writer, keeps it silent.
// A name is not evidence on its own: a clock reading kept in a local
// variable whose every use is in view, and only prints it (an argument
// of fmt.Print*, log, slog, a logger's Infof or testing's Logf, or
// arithmetic, conversions, String, Format and fmt.Sprintf whose results
// are in turn only printed: offset := now - days; log.Printf("from %d",
// offset)), orders, keys, versions and sends nothing, and is left alone.
// It stays reported once any use can: stored in a field or a map,
// returned, sent, compared, passed to another function (sql's Exec,
// fmt.Fprintf to a connection), captured by a returned closure, or its
// address taken. A sort alone decides nothing: events ordered for
// display, a listing or local housekeeping come out in a slightly
// different order under skew, and no one is harmed. A sort is reported
// only when, after it in the same function, the code reads the sorted
// collection's (the same variable or field path's) first or last
// element, index 0 or len(x)-1, as a value, a field of it or a result
// (return evs[0].ID): the order then picks the oldest or newest event.
// Assigning to that element (evs[0] = v) picks nothing.
// -wallclock.strict reports every sort, as the analyzer did before this
// evidence standard.
//
// The analyzer reports:
//
//   - sorting and min/max selection (sort.Slice, sort.SliceStable,
//     sort.Sort and sort.Stable through a Less method, slices.SortFunc,
//     slices.SortStableFunc, slices.MinFunc, slices.MaxFunc) whose
//     comparison reads a time.Time field (Before, After, Compare, Sub, or
//     <, > and cmp.Compare of its Unix, UnixNano, UnixMilli or UnixMicro)
//     directly or through a small helper function or method of the
//     package, when the values cross a process boundary; a min or max
//     always (it is a decision), a sort only when the code then takes
//     its first or last element (evs[0], evs[len(evs)-1]), or with
//     -wallclock.strict every sort;
//   - last-write-wins: an if comparing two timestamp fields of two
//     different values (time.Time's Before, After, Compare or Sub, or <,
//     <=, >, >= of integer fields named like a time: *At, *Time,
//     *Timestamp, *TS, Updated*, Modified*), at least one of them crossing
//     a process boundary, that guards overwriting state with one of them,
//     in its body or after it when the body only returns or continues;
//   - time.Now() turned into an integer or a string (Unix*, Format,
//     String, fmt.Sprint or strconv of it, conversions, arithmetic with
//     constants) and given a name that says identity or order: a variable,
//     field, map key, parameter (or one-argument SetX/WithX setter) or
//     the result of a function (newID) one of whose words is id, seq,
//     sequence, version, revision, rev, offset, order, lsn, counter,
//     generation or nonce (not epoch: given to a clock reading it most
//     often means Unix-epoch time, as oauth1's epoch() for the
//     oauth_timestamp it must send; a code base whose epochs are terms or
//     fencing tokens adds it with -wallclock.identnames). Words are the camelCase and snake_case parts
//     of the name, so orderID and event_seq match while provider,
//     recorder, reorder and identity do not. The name may also be the
//     constant key the value is sent under (h.Set("X-Version", v)).
//     A name with the word cursor, checkpoint, watermark or resume makes
//     it a resume cursor, whatever -wallclock.identnames says: reading
//     on from a clock reading skips what other machines wrote with
//     earlier clocks. A name that promises uniqueness (id, nonce) is
//     left alone when the value is minted at the clock's pace: in a
//     loop that waits on a ticker or a timer, seen in the function or
//     through every caller in the
//     package (a heartbeat's nonce, one per tick, matched against its
//     own echo). Two calls cannot share a tick, and no other machine's
//     values are in view. Minted once per message or request, by any
//     caller, it stays reported, and so do order names (a version per
//     tick still goes backwards when the clock is stepped). An order
//     name (version, seq) kept in an unexported field whose every
//     read in the package outside its tests is an operand of == or !=
//     (a rate limiter's current second, compared with the clock to
//     start a new window) orders nothing and no encoder sends it: left
//     alone. Compared with
//     < or >, read as a map key, passed on, or exported, it stays
//     reported;
//   - the same clock value used as a map key (m[ts] = v), whatever the
//     variable is called: two events in the same tick share the key.
//
// For last-write-wins, an integer field counts as a timestamp when its
// name says time or when the package sets it only from the wall clock
// (Mark: time.Now().UnixNano()), whatever it is called.
//
// A type crosses a process boundary when it is a struct with
// serialization tags (json, yaml, xml, protobuf, msgpack, bson, db, gorm,
// sql, avro, cbor; also through an embedded struct), a generated protobuf
// message (a protoimpl.MessageState field or a ProtoReflect method, whose
// timestamppb fields are followed through AsTime), or a type whose values
// the package decodes (json.Unmarshal, a json, xml, gob or yaml
// Decoder's Decode, proto.Unmarshal, database/sql Rows.Scan into it or
// its fields). Tags alone do not count for configuration (a type
// declared in a package named config, conf, cfg or settings, or named
// *Config, *Configuration, *Settings): they are for a local config file
// or API; such a type crosses only when the package decodes it or it is
// a protobuf message.
//
// Left alone: durations and deadlines on one machine (time.Since, Sub of
// a reading and time.Now, timers, timeouts), TTL and expiry checks
// (fields named like Expires, Deadline, TTL, NotAfter, Lease, Next),
// logging and metrics (a reading named offset or seq that is only
// printed), timestamps that are stored but never compared for
// order, a sort whose first or last element is not taken after it (an
// order for display, a listing, or a part of it kept, files[n:]; unless
// strict), sorting of types that stay in the process, comparisons of two
// timestamps of the same value (its own history), tracking the newest
// timestamp seen (only the time is copied), integer sample timestamps
// sorted by a time-series store (they are the data's coordinates, not an
// event order: integer fields are only read for last-write-wins), and
// likewise samples sorted by their time.Time: the struct holding the
// timestamp also holds a measured value (a time.Duration or number
// field named like latency, elapsed, rtt, duration, took, or a float
// value), as a load-test result or a metric point; skew shifts one
// machine's points on the axis, no order is decided from it; a table
// sorted by the column its user chose (the comparator switches, over
// three cases or more, on a value from outside the comparison: `switch
// c.sort { case "name": ...; case "uptime": ... }`), an order for
// display that decides nothing; modification times a file system or an
// object store records on write (ModTime, Mtime, LastModified) compared
// with each other, one clock, the store's, for every item it lists; a name
// that also says time (versionTime, epochMillis, seqDeadline, seed), a
// clock value mixed with another source (fmt.Sprintf("%s-%d", host,
// now)), a clock reading clamped to be monotonic
// (if ts <= last { ts = last + 1 }), a counter seeded once from the clock
// and then incremented (seq = time.Now().UnixNano(), then seq++ or
// atomic adds: its values are distinct and ordered), and a timestamp
// that only one writer ever sets: a field written once in the package,
// where the value gets a random identity (a UUID, crypto/rand), such as
// an instance's start time; comparing two of them picks the older
// instance, it does not let one machine's write replace another's.
//
// Bad:
//
//	sort.Slice(events, func(i, j int) bool {
//		return events[i].CreatedAt.Before(events[j].CreatedAt) // events carry json tags
//	})
//	first := events[0] // the order decides which event is first
//
//	if in.UpdatedAt.After(cur.UpdatedAt) {
//		store[in.Key] = in // the newer write loses to a fast clock
//	}
//
//	msg.ID = strconv.FormatInt(time.Now().UnixNano(), 10)
//
// Good:
//
//	sort.Slice(events, func(i, j int) bool { return events[i].Seq < events[j].Seq })
//	first := events[0]
//
//	if in.Version > cur.Version {
//		store[in.Key] = in
//	}
//
//	seq := time.Now().UnixNano()
//	if seq <= s.lastSeq {
//		seq = s.lastSeq + 1 // monotonic within this process
//	}
//
// Options:
//
//	-wallclock.identnames a,b,c   the words that make a name an identity or
//	                              order (default id,seq,sequence,version,
//	                              revision,rev,offset,order,lsn,counter,
//	                              generation,nonce)
//	-wallclock.strict             report every sort by a wall-clock field,
//	                              without its first or last element taken
//	                              after it (the analyzer's behaviour before
//	                              the evidence standard)
package wallclock
