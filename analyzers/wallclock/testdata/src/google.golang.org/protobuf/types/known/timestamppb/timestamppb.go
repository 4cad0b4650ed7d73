// Package timestamppb stands in for google.golang.org/protobuf/types/known/timestamppb.
package timestamppb

import "time"

type Timestamp struct {
	Seconds int64 `protobuf:"varint,1,opt,name=seconds,proto3" json:"seconds,omitempty"`
	Nanos   int32 `protobuf:"varint,2,opt,name=nanos,proto3" json:"nanos,omitempty"`
}

func (x *Timestamp) AsTime() time.Time { return time.Unix(x.Seconds, int64(x.Nanos)) }

func (x *Timestamp) GetSeconds() int64 { return x.Seconds }

func Now() *Timestamp { return &Timestamp{Seconds: time.Now().Unix()} }
