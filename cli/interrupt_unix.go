//go:build unix

package cli

import (
	"os"
	"os/signal"
	"syscall"
	"time"
)

// dieBySignal ends the process for a stop signal. SIGHUP, SIGINT and
// SIGTERM are raised again with their default action, so the process
// dies of the signal: a shell reports 128 + its number, and a shell
// script interrupted by ctrl+c stops too instead of going on to its next
// command. SIGQUIT's default would dump core (and Go's own handler dumps
// every goroutine and exits 2): it exits 131 instead.
func dieBySignal(s os.Signal) {
	sig, _ := s.(syscall.Signal)
	if sig != syscall.SIGQUIT {
		signal.Reset(sig)
		syscall.Kill(os.Getpid(), sig)
		// The signal is delivered long before this ends; the exit
		// below is only a guard should it not be.
		time.Sleep(time.Second)
	}
	os.Exit(128 + int(sig))
}
