// Package events is the module's own events sink: an interface whose
// implementations record in memory (the Lambda emulator's EventsAPI).
package events

import (
	_ "net/http" // the module's other code serves HTTP
)

type RuntimeDone struct {
	Status    string
	RequestID string
}

type API interface {
	SendRuntimeDone(data RuntimeDone) error
}
