package ui

import (
	"os"
	"strconv"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair with the syscall package alone.
func openPTY(t *testing.T) (master, slave *os.File) {
	t.Helper()
	m, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals here: %v", err)
	}
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatal(e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, m.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatal(e)
	}
	s, err := os.OpenFile("/dev/pts/"+strconv.Itoa(int(n)), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	return m, s
}

// TestTerminalGone: a terminal whose other end closed reads as gone, and
// the program's output then writes nothing to it (and reports no error
// that would stop Bubble Tea's shutdown).
func TestTerminalGone(t *testing.T) {
	master, slave := openPTY(t)
	defer slave.Close()
	if terminalGone(slave) {
		t.Fatal("an open terminal reads as gone")
	}
	out := &ttyOut{File: slave}
	if n, err := out.Write([]byte("x")); n != 1 || err != nil {
		t.Fatalf("write to an open terminal: %d, %v", n, err)
	}
	master.Close()
	if !terminalGone(slave) {
		t.Fatal("a terminal whose other end closed does not read as gone")
	}
	if _, err := slave.Write([]byte("x")); err == nil {
		t.Fatal("a write to the hung-up terminal succeeded: the test proves nothing")
	}
	out.gone.Store(true)
	if n, err := out.Write([]byte("\x1b[?1049l")); n != 8 || err != nil {
		t.Errorf("write after the hangup: %d, %v; want it dropped quietly", n, err)
	}
}
