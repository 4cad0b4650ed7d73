// Package rapid records through the module's own events interface: no
// SDK, no network write, no finding.
package rapid

import "realmod/events"

func done(api events.API) error {
	return api.SendRuntimeDone(events.RuntimeDone{Status: "timeout"})
}
