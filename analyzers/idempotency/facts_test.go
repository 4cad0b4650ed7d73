package idempotency

import "testing"

func TestFactStrings(t *testing.T) {
	for _, tc := range []struct {
		fact interface{ String() string }
		want string
	}{
		{&SetsKey{Params: []ParamKey{{Index: 0}}}, "setsKey(param 0)"},
		{&SetsKey{Params: []ParamKey{{Index: 0}, {Index: 2, Maybe: true}}}, "setsKey(param 0, param 2 (maybe))"},
		{&SendsRequest{Params: []int{1}}, "sendsRequest(param 1)"},
		{&SendsRequest{Params: []int{0, 1}, Retried: true}, "sendsRequest(param 0, param 1) retried"},
		{&ReturnsRequest{Methods: []Method{{Name: "POST", Param: -1}}}, "returnsRequest(POST; key unset)"},
		{&ReturnsRequest{Methods: []Method{{Param: 1}}, Key: KeySet}, "returnsRequest(param 1; key set)"},
		{&ReturnsRequest{Methods: []Method{{Name: "POST", Param: -1}, {Name: "GET", Param: -1}}, Key: KeyMaybe}, "returnsRequest(POST|GET; key maybe set)"},
		{KeyState(7), "KeyState(7)"},
		{&EncodesParam{Index: 1}, "encodesParam(param 1)"},
		{&SendsWrite{Method: "POST", Sender: "billing.Client.post"}, "sendsWrite(POST by billing.Client.post)"},
		{&SendsWrite{Method: "PATCH", Sender: "api.send", PathParams: []int{1, 2}, Depth: 2}, "sendsWrite(PATCH by api.send, path param 1, path param 2)"},
	} {
		if got := tc.fact.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
