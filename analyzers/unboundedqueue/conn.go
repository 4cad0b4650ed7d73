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

// connElem reports whether the channel type ch carries network
// connections: its element is a connection, or a struct (or a pointer to
// one) whose fields are connections and errors, at least one a
// connection (an accept's result). Such a buffer cannot hold more items
// than the process can open connections, whatever its size.
func connElem(ch types.Type) bool {
	c, ok := ch.Underlying().(*types.Chan)
	if !ok {
		return false
	}
	t := c.Elem()
	if isConn(t) {
		return true
	}
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return false
	}
	conns := 0
	errType := types.Universe.Lookup("error").Type()
	for f := range st.Fields() {
		switch {
		case types.Identical(f.Type(), errType):
		case isConn(f.Type()):
			conns++
		default:
			return false
		}
	}
	return conns > 0
}
