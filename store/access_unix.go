//go:build unix

package store

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// writable reports why path cannot be written by this process, or "" when
// it can. It asks the kernel (access(2) with W_OK), which also answers for
// a read-only mount. Root passes every permission check, as it should.
func writable(path string) error {
	const wOK = 0x2
	err := syscall.Access(path, wOK)
	if errors.Is(err, syscall.ENOENT) {
		return nil
	}
	return err
}

// lockFile takes the exclusive lock bbolt takes on a database file
// (flock), waiting at most timeout.
func lockFile(f *os.File, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) || time.Now().After(deadline) {
			return err
		}
		time.Sleep(50 * time.Millisecond)
	}
}
