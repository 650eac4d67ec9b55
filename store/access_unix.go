//go:build unix

package store

import (
	"errors"
	"syscall"
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
