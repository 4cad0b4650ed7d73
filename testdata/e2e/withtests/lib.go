// Package withtests has a finding only in its test file.
package withtests

// Nothing is fine.
func Nothing() {}
