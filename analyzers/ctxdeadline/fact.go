package ctxdeadline

import (
	"fmt"
	"strings"
)

// ReachesSink is the object fact of a function whose context parameters
// reach a network call with their deadline intact: given a context with
// no deadline, the network call gets none either.
type ReachesSink struct {
	Params []ParamSink
}

// A ParamSink is one context parameter of a function and the network
// call it reaches.
type ParamSink struct {
	Index int    // position of the parameter in the signature (receiver excluded)
	Sink  string // the network call, for messages: "(*sql.DB).QueryContext"
}

// AFact marks ReachesSink as an analysis fact.
func (*ReachesSink) AFact() {}

func (f *ReachesSink) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprintf("param %d reaches %s", p.Index, p.Sink))
	}
	return "reachesSink(" + strings.Join(parts, ", ") + ")"
}

// sinkOf returns the network call that parameter index reaches.
func (f *ReachesSink) sinkOf(index int) (string, bool) {
	for _, p := range f.Params {
		if p.Index == index {
			return p.Sink, true
		}
	}
	return "", false
}
