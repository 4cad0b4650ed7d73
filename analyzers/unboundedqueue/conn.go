package unboundedqueue

import "go/types"

// connMethods are the methods of net.Conn that tell a connection by what
// it does, whatever its package: reads, writes, a deadline, a peer.
var connMethods = []string{"Read", "Write", "Close", "SetDeadline", "RemoteAddr"}

// connItems reports whether an item received is a network connection (a
// net.Conn, or a type with its methods): a loop that starts a goroutine
// per connection handed over a channel is a server's accept loop behind
// a queue, one goroutine per connection as net/http does, bounded by the
// listener and the operating system, not a goroutine per message.
func connItems(items []*types.Var) bool {
	for _, v := range items {
		if isConn(v.Type()) {
			return true
		}
	}
	return false
}

func isConn(t types.Type) bool {
	ms := types.NewMethodSet(t)
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		ms = types.NewMethodSet(types.NewPointer(t))
	}
	for _, name := range connMethods {
		found := false
		for sel := range ms.Methods() {
			if sel.Obj().Name() == name {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
