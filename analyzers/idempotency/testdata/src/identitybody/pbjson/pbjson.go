// Package pbjson wraps protojson with the program's options, as
// livekit's utils/protojson does.
package pbjson

import (
	"time"

	"google.golang.org/protobuf/encoding/protojson"
)

type MarshalOptions = protojson.MarshalOptions

// Marshal only encodes m: its result identifies what m identifies.
func Marshal(m any) ([]byte, error) { // want Marshal:`encodesParam\(param 0\)`
	return MarshalOptions{AllowPartial: true}.Marshal(m)
}

// Stamped is a stamped message.
type Stamped struct {
	ID string
}

// MarshalStamped gives m a new id before encoding it: not an encoder
// of the caller's value.
func MarshalStamped(m *Stamped) ([]byte, error) {
	m.ID = time.Now().String()
	return protojson.Marshal(m)
}
