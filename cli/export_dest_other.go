//go:build !unix

package cli

import (
	"errors"
	"os"
	"time"
)

// fdPathsSupported: elsewhere only "-" names stdout.
const fdPathsSupported = false

var errNoReader = errors.New("no reader")

func fdOpen(fd int) error { return nil }

func fdIsFile(fd int, fi os.FileInfo) bool { return false }

func linkCount(fi os.FileInfo) uint64 { return 1 }

func keepOwner(f *os.File, fi os.FileInfo) {}

func openInPlace(path string, fifo bool, wait time.Duration) (*os.File, error) {
	return os.OpenFile(path, os.O_WRONLY, 0)
}
