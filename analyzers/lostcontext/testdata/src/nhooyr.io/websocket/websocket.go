// Package websocket is a stub of nhooyr.io/websocket.
package websocket

import (
	"context"
	"net"
	"net/http"
)

type Conn struct{}

type AcceptOptions struct{ OriginPatterns []string }

type MessageType int

const MessageBinary MessageType = 2

func Accept(w http.ResponseWriter, r *http.Request, opts *AcceptOptions) (*Conn, error) {
	return &Conn{}, nil
}

func NetConn(ctx context.Context, c *Conn, msgType MessageType) net.Conn { return nil }

func (c *Conn) Read(ctx context.Context) (MessageType, []byte, error) { return 0, nil, nil }
