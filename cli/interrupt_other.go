//go:build !unix

package cli

import (
	"os"
	"syscall"
)

// dieBySignal ends the process with status 128 + the signal's number.
func dieBySignal(s os.Signal) {
	sig, _ := s.(syscall.Signal)
	os.Exit(128 + int(sig))
}
