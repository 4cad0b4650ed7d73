// Package tagged has a finding only in a file behind a build tag.
package tagged

// Base is fine.
func Base() {}
