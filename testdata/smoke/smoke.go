// Package smoke pins the real modules the smoke test analyzes.
package smoke

import (
	_ "github.com/go-kit/kit/transport/http"
	_ "github.com/hashicorp/raft"
	_ "github.com/segmentio/kafka-go"
)
