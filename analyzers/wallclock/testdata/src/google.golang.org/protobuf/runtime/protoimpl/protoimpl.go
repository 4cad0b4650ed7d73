// Package protoimpl stands in for google.golang.org/protobuf/runtime/protoimpl.
package protoimpl

type MessageState struct{ _ [0]func() }
