package cli

import (
	"fmt"
	"os"

	"cooldown/ui"
)

// signalExit is the exit of the app stopped by a signal: 128 + its number
// (SIGHUP 129, SIGINT 130, SIGQUIT 131, SIGTERM 143), quietly when every
// change was saved. When the last save failed it says so on stderr, unless
// stderr is the terminal that hung up; the crash log records it either
// way.
func signalExit(e *env, se *ui.SignalError) error {
	if se.Lost == nil {
		return &exitError{code: se.ExitCode()}
	}
	if se.TerminalGone {
		// A hung-up terminal no longer answers as one: a character device
		// on stderr is taken to be it.
		if f, ok := e.stderr.(*os.File); ok {
			if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
				return &exitError{code: se.ExitCode()}
			}
		}
	}
	msg := fmt.Sprintf("stopped by %v before a change was saved: %v", se.Signal, se.Lost)
	if se.Log != "" {
		msg += "\nthis is recorded in " + se.Log
	}
	return &exitError{code: se.ExitCode(), msg: msg}
}
