//go:build unix

package cli

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// fdPathsSupported: /dev/stdout, /dev/fd/N and /proc/self/fd/N name this
// process's descriptors.
const fdPathsSupported = true

// errNoReader says that no program opened a FIFO for reading in time.
var errNoReader = errors.New("no reader")

// fdOpen reports why descriptor fd is not open, or nil.
func fdOpen(fd int) error {
	var st syscall.Stat_t
	return syscall.Fstat(fd, &st)
}

// fdIsFile reports whether descriptor fd is open on the file fi (same
// device and inode).
func fdIsFile(fd int, fi os.FileInfo) bool {
	var st syscall.Stat_t
	want, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || syscall.Fstat(fd, &st) != nil {
		return false
	}
	return st.Dev == want.Dev && st.Ino == want.Ino
}

// linkCount returns how many hard links a file has.
func linkCount(fi os.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives f the owner and group of the file it replaces. Only
// root (or an owner changing the group to one of its own) may: otherwise
// the new file belongs to whoever wrote it, as with any editor's save, and
// the export goes on.
func keepOwner(f *os.File, fi os.FileInfo) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok || (int(st.Uid) == os.Geteuid() && int(st.Gid) == os.Getegid()) {
		return
	}
	f.Chown(int(st.Uid), int(st.Gid))
}

// openInPlace opens an existing FIFO or character device for writing,
// without creating or truncating anything. The open is non-blocking, so
// that a FIFO without a reader fails at once (ENXIO) instead of hanging:
// it is retried until wait has passed, then errNoReader. Once open, the
// descriptor is made blocking again, so a slow reader slows the export
// down rather than failing it. O_NOCTTY keeps a terminal from becoming
// the controlling one.
func openInPlace(path string, fifo bool, wait time.Duration) (*os.File, error) {
	deadline := time.Now().Add(wait)
	for {
		fd, err := syscall.Open(path, syscall.O_WRONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.ENXIO && fifo:
			if time.Now().After(deadline) {
				return nil, errNoReader
			}
			time.Sleep(20 * time.Millisecond)
			continue
		case err != nil:
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		if err := syscall.SetNonblock(fd, false); err != nil {
			syscall.Close(fd)
			return nil, &os.PathError{Op: "open", Path: path, Err: err}
		}
		return os.NewFile(uintptr(fd), path), nil
	}
}
