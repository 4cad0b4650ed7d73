package protomsg

import (
	"slices"
	"sort"

	"google.golang.org/protobuf/runtime/protoimpl"
	"google.golang.org/protobuf/types/known/timestamppb"
)

// Event looks like a generated protobuf message.
type Event struct {
	state protoimpl.MessageState

	Name      string
	CreatedAt *timestamppb.Timestamp
}

func (x *Event) GetCreatedAt() *timestamppb.Timestamp {
	if x != nil {
		return x.CreatedAt
	}
	return nil
}

// Reflected has only a ProtoReflect method (another generator).
type Reflected struct {
	Name string
	When *timestamppb.Timestamp
}

func (x *Reflected) ProtoReflect() any { return x }

// plain has a timestamppb field but is not a message.
type plain struct {
	When *timestamppb.Timestamp
}

func byCreated(evs []*Event) {
	sort.Slice(evs, func(i, j int) bool { // want `sorted by CreatedAt`
		return evs[i].GetCreatedAt().AsTime().Before(evs[j].GetCreatedAt().AsTime())
	})
}

func byField(evs []*Event) {
	slices.SortFunc(evs, func(a, b *Event) int { return a.CreatedAt.AsTime().Compare(b.CreatedAt.AsTime()) }) // want `sorted by CreatedAt`
}

func byReflected(rs []*Reflected) {
	sort.Slice(rs, func(i, j int) bool { return rs[i].When.AsTime().After(rs[j].When.AsTime()) }) // want `sorted by When`
}

func byName(evs []*Event) {
	sort.Slice(evs, func(i, j int) bool { return evs[i].Name < evs[j].Name })
}

func byPlain(ps []plain) {
	sort.Slice(ps, func(i, j int) bool { return ps[i].When.AsTime().Before(ps[j].When.AsTime()) })
}
