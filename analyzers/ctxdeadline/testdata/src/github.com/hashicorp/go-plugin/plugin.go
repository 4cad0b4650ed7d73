// Package plugin stands in for hashicorp/go-plugin.
package plugin

type GRPCBroker struct{}
