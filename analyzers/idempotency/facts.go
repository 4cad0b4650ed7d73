package idempotency

import (
	"fmt"
	"strings"
)

// SetsKey is the fact that a function sets an idempotency header on some
// of its *http.Request or http.Header parameters (or may: it hands them
// to code out of view, or sets a header whose name is not a constant).
// A call of the function counts as setting the key on those arguments.
type SetsKey struct {
	Params []ParamKey
}

// ParamKey is one parameter of a SetsKey fact.
type ParamKey struct {
	Index int  // parameter index, receiver excluded
	Maybe bool // the key may be set out of view, not certainly
}

func (*SetsKey) AFact() {}

func (f *SetsKey) String() string {
	var parts []string
	for _, p := range f.Params {
		s := fmt.Sprintf("param %d", p.Index)
		if p.Maybe {
			s += " (maybe)"
		}
		parts = append(parts, s)
	}
	return "setsKey(" + strings.Join(parts, ", ") + ")"
}

// SendsRequest is the fact that a function sends the requests it is given
// as the listed parameters without setting an idempotency key on them
// (possibly after retries: Retried). A call of the function is a send.
type SendsRequest struct {
	Params  []int
	Retried bool
}

func (*SendsRequest) AFact() {}

func (f *SendsRequest) String() string {
	var parts []string
	for _, p := range f.Params {
		parts = append(parts, fmt.Sprintf("param %d", p))
	}
	s := "sendsRequest(" + strings.Join(parts, ", ") + ")"
	if f.Retried {
		s += " retried"
	}
	return s
}

// ReturnsRequest is the fact that a function returns a request it built:
// with which method (a constant, or the value of a string parameter) and
// whether it set an idempotency key on it.
type ReturnsRequest struct {
	Methods []Method
	Key     KeyState
	// Paths are the constant parts of the request's URL; PathParams the
	// parameters that give parts of it.
	Paths      []string
	PathParams []int
}

// Method is the method of a request a function builds: Name if constant,
// otherwise the value of parameter Param.
type Method struct {
	Name  string
	Param int // -1 when Name is set
}

func (m Method) String() string {
	if m.Param >= 0 {
		return fmt.Sprintf("param %d", m.Param)
	}
	return m.Name
}

// KeyState says what is known of the idempotency key on a request.
type KeyState int

const (
	KeyUnset KeyState = iota // certainly not set in view
	KeyMaybe                 // may be set out of view
	KeySet                   // set
)

func (k KeyState) String() string {
	switch k {
	case KeyUnset:
		return "key unset"
	case KeyMaybe:
		return "key maybe set"
	case KeySet:
		return "key set"
	}
	return fmt.Sprintf("KeyState(%d)", int(k))
}

func (*ReturnsRequest) AFact() {}

func (f *ReturnsRequest) String() string {
	var ms []string
	for _, m := range f.Methods {
		ms = append(ms, m.String())
	}
	return fmt.Sprintf("returnsRequest(%s; %s)", strings.Join(ms, "|"), f.Key)
}

// SendsWrite is the fact that a function sends a write it makes itself
// (Method, a POST or PATCH) without an idempotency key, and that nothing
// in its own view says the write is replayed or once-only. Its callers
// decide: one that retries the call, or is named for a once-only
// operation, is reported. Sender names the function whose call sends the
// write; PathParams are the parameters that give its URL.
type SendsWrite struct {
	Method     string
	Sender     string
	PathParams []int
	// Depth counts the calls between the function and the send: 0 when
	// it sends the write itself. Facts stop at maxWriteDepth, so that a
	// widely used client does not give a fact to every function above it.
	Depth int
	// SetsValue: every body of the write is built from constants alone
	// and no parameter gives its URL (a set-to-value write): a retry
	// sets the same value again, so only a once-only name reports it.
	SetsValue bool
}

// maxWriteDepth is the deepest call chain a SendsWrite fact travels up.
const maxWriteDepth = 3

func (*SendsWrite) AFact() {}

func (f *SendsWrite) String() string {
	s := fmt.Sprintf("sendsWrite(%s by %s", f.Method, f.Sender)
	for _, p := range f.PathParams {
		s += fmt.Sprintf(", path param %d", p)
	}
	if f.SetsValue {
		s += ", sets a constant value"
	}
	return s + ")"
}
