package netreach

import (
	"go/types"

	"github.com/distlint/distlint/internal/match"
)

// RequestArgs returns, for a request constructor (net/http's NewRequest
// and NewRequestWithContext, and go-retryablehttp's), the indexes of its
// method and URL arguments, and of its context argument (-1 for
// NewRequest, whose context is context.Background()).
func RequestArgs(fn *types.Func) (method, url, ctx int, ok bool) {
	for _, path := range []string{"net/http", "github.com/hashicorp/go-retryablehttp"} {
		switch {
		case match.IsFunc(fn, path, "NewRequest"):
			return 0, 1, -1, true
		case match.IsFunc(fn, path, "NewRequestWithContext"):
			return 1, 2, 0, true
		}
	}
	return -1, -1, -1, false
}
