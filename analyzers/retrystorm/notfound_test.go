package retrystorm

import "testing"

func TestNotFoundName(t *testing.T) {
	for s, want := range map[string]bool{
		"InvalidInstanceId.NotFound": true, "Forbidden.InstanceNotFound": true, "NoSuchKey": true,
		"ErrNotExist": true, "not_found": true, "StatusNotFound": true, "Unavailable": false,
		"InternalError": false, "Throttling": false, "notice": false, "Nothing": false,
	} {
		if got := notFoundName(s); got != want {
			t.Errorf("notFoundName(%q) = %v, want %v", s, got, want)
		}
	}
}
