package cli

import (
	"fmt"
	"io"
	"os/signal"
	"syscall"
)

// confirmCommitted prints line, the confirmation of a change that is
// already committed to the database. The change is stored whatever
// happens here, so a failure to print (stdout closed or full, a reader
// that has gone) is a note on stderr and the command still exits 0: a
// script that saw a failure would run the command again and record the
// change twice. SIGPIPE is ignored from here on, so that a broken pipe is
// an error of this write (EPIPE) rather than the end of the process.
func confirmCommitted(e *env, line string) {
	signal.Ignore(syscall.SIGPIPE)
	if _, err := io.WriteString(e.stdout, line); err != nil {
		fmt.Fprintf(e.stderr, "cooldown: the change was saved in %s, but printing its confirmation failed (%v): it is stored, so the exit status is 0; do not run the command again\n", msgText(e.dbPath), err)
	}
}
