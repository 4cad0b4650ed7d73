// Package epochnames is a code base whose epochs are fencing tokens: it
// adds epoch to -wallclock.identnames.
package epochnames

import "time"

type Lease struct {
	RaftEpoch int64
	Holder    string
}

func grant(holder string) *Lease {
	return &Lease{RaftEpoch: time.Now().Unix(), Holder: holder} // want `wall-clock time used as epoch \(RaftEpoch\)`
}

// Even with epoch added, a name that also says time is a time.
func stamp() int64 {
	epochMillis := time.Now().UnixMilli()
	return epochMillis
}
