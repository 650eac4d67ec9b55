package cli

import (
	"io"
	"time"
)

// env is what a command reads from the world: arguments aside, everything
// a test may want to replace.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
	loc    *time.Location
	getenv func(string) string
	dbPath string // from --db or the default
	// catchSignals makes a subcommand catch the stop signals (main sets
	// it; a test that calls run in its own process does not), and sig
	// is what catches them while it runs (interrupt.go).
	catchSignals bool
	sig          *interrupts
}
