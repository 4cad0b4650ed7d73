// Package protojson is a stand-in for google.golang.org/protobuf/encoding/protojson.
package protojson

// Marshal writes the message m in JSON.
func Marshal(m any) ([]byte, error) { return nil, nil }

// MarshalOptions configures Marshal.
type MarshalOptions struct{ AllowPartial bool }

// Marshal writes the message m in JSON.
func (o MarshalOptions) Marshal(m any) ([]byte, error) { return nil, nil }
