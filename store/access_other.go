//go:build !unix

package store

import (
	"os"
	"time"
)

// writable reports why path cannot be written; without access(2) the store
// finds out when it writes.
func writable(path string) error { return nil }

// lockFile cannot lock without flock; Restore then relies on the rename
// alone.
func lockFile(f *os.File, timeout time.Duration) error { return nil }
