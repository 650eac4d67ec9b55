package cli

import (
	"errors"
	"fmt"
	"io"

	"cooldown/coach/safetext"
)

// Exit codes; scripts rely on them.
const (
	exitOK       = 0 // done
	exitFailure  = 1 // I/O and other failures
	exitUsage    = 2 // usage error, no terminal, unknown section, invalid value
	exitLocked   = 3 // the database is held by another process
	exitDatabase = 4 // not a cooldown database, truncated, corrupt or too new
	// exitInterrupted is the shell's code for a program stopped by SIGINT
	// (128 + 2); the app quits quietly with it when interrupted from outside.
	exitInterrupted = 130
)

// exitError is an error that carries its exit code. Its message is printed
// as it is, after "cooldown: ".
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func usageErr(format string, args ...any) error {
	return &exitError{code: exitUsage, msg: fmt.Sprintf(format, args...)}
}

// report prints err to w and returns its exit code. Every error message
// the command line prints passes here, so this is where text from outside
// that a message quotes (a path, a key, a value from a file) is made
// harmless: safetext.Block shows its control characters, which a terminal
// would otherwise obey. The messages' own line breaks stay; the places
// that quote a value use safetext.Line, so a value cannot start a line.
func report(w io.Writer, err error) int {
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintf(w, "cooldown: %s\n", safetext.Block(ee.msg))
		}
		return ee.code
	}
	fmt.Fprintf(w, "cooldown: %s\n", safetext.Block(err.Error()))
	return exitFailure
}
