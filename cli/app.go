package cli

import (
	"errors"
	"math"
	"os"
	"runtime/debug"
	"time"

	tea "charm.land/bubbletea/v2"

	"cooldown/ui"
)

// runApp opens the app when stdin and stdout are terminals.
func runApp(e *env) error {
	if !isTerminal(e.stdin) || !isTerminal(e.stdout) {
		return &exitError{code: exitUsage, msg: "the app needs a terminal on stdin and stdout\n" +
			"for scripts use a command: " + commandNames() + " (see `cooldown --help`)"}
	}
	// The colour profile, from what lipgloss detected at start (no query:
	// the app asks for the background through Bubble Tea once it runs).
	t := ui.DetectTerminal()
	st, err := openStore(e)
	if err != nil {
		return err
	}
	if os.Getenv("GOGC") == "" {
		appGC()
	}
	if err := ui.Run(ui.Options{Store: st, Now: e.now, Location: e.loc, Terminal: t, Version: version(),
		Importer: &watcher{e: e, st: st, settle: watchSettle}}); err != nil {
		var se *ui.SignalError
		if errors.As(err, &se) {
			return signalExit(e, se)
		}
		if errors.Is(err, tea.ErrInterrupted) {
			// SIGINT from outside (ctrl+c is a key and quits normally):
			// every change was already saved; the terminal is restored.
			return &exitError{code: exitInterrupted}
		}
		return storeErr(e.dbPath, err)
	}
	return nil
}

// appGC sets the app's garbage collection. The app lives for minutes and
// its live heap is small (a few MB): collecting when it has grown by a
// quarter, not doubled, keeps its peak memory under 25 MB with a 10-year
// history, at a cost no key press shows. But at start, decoding the history
// allocates a few MB at once, and a collector set that tight would run
// several times before the first frame: it stays off (under a 64 MB guard)
// for the first moments, which draw the first frame, then settles at 25%.
// docs/performance.md has the figures. GOGC, when set, wins over all this.
func appGC() {
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(64 << 20)
	time.AfterFunc(startupGCDelay, func() {
		debug.SetGCPercent(25)
		debug.SetMemoryLimit(math.MaxInt64)
	})
}

// startupGCDelay is how long the collector stays off at start: far longer
// than loading a 10-year history and drawing the first frame take.
const startupGCDelay = 250 * time.Millisecond
