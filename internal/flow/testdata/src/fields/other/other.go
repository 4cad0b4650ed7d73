// Package other declares a struct that another package redefines.
package other

import "context"

type State struct {
	Ctx context.Context
}
