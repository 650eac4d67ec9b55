package cli

// Where `cooldown export -o` writes (issue 13). A destination is resolved
// and checked before the database is read, and written so that nothing is
// destroyed: a file descriptor is written as it is, the database is never
// a destination, a regular file is replaced by a rename (keeping its mode
// and the links that lead to it), a FIFO or a character device is written
// in place, and a directory or a missing directory is named in the error.

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// destKind says how an export reaches its destination.
type destKind int

const (
	// destUnknown is a destination not classified yet.
	destUnknown destKind = iota
	// destDescriptor is an open file descriptor ("-", /dev/stdout,
	// /dev/fd/N): written where it stands, with its own offset and
	// O_APPEND, never reopened or renamed over.
	destDescriptor
	// destReplace is a regular file, or none yet: a temporary file beside
	// it is renamed over it.
	destReplace
	// destInPlace is a FIFO or a character device: opened for writing
	// (never created or truncated) and written.
	destInPlace
	// destSocket is a Unix socket: connected to and written.
	destSocket
)

// maxLinkHops bounds the symbolic links followed from the path asked for
// (Linux's own limit is 40).
const maxLinkHops = 40

// fifoReaderWait is how long an export to a FIFO waits for a program to
// open it for reading before it gives up: a FIFO nobody reads must not
// hang the command forever, and the reader of `cooldown export -o fifo &
// cat fifo` may start a moment after the writer.
const fifoReaderWait = 5 * time.Second

// destOptions changes how a destination is written.
type destOptions struct {
	// besideTag, when not empty, never replaces an existing file: the
	// export goes to a new file beside it whose name carries the tag
	// ("backup.partial.json" for the tag "partial", then
	// "backup.partial-2.json", ...). For a partial export of a damaged
	// database (issue 12). Descriptors, FIFOs, devices and sockets are
	// written as always: nothing there is replaced.
	besideTag string
}

// exportDest is a checked destination of an export.
type exportDest struct {
	asked  string      // the path as given to -o; "" or "-" for stdout
	kind   destKind    //
	fd     int         // destDescriptor: the descriptor
	target string      // the final path, symbolic links followed
	info   os.FileInfo // the target as checked; nil when there is none yet
	opts   destOptions //
	// written is where the export went, once written: target, or with
	// besideTag the new file beside it.
	written string
}

// resolveDest resolves and checks the destination asked for with -o (""
// or "-" for stdout) against the database at dbPath. It reads nothing but
// file metadata and writes nothing.
func resolveDest(asked, dbPath string, o destOptions) (*exportDest, error) {
	d := &exportDest{asked: asked, opts: o}
	if asked == "" || asked == "-" {
		d.kind, d.fd = destDescriptor, 1
	} else if err := d.resolve(); err != nil {
		return nil, err
	}
	if d.kind == destDescriptor {
		if err := fdOpen(d.fd); err != nil {
			return nil, usageErr("export: cannot write to %s: file descriptor %d is not open (%v); nothing was written", d.name(), d.fd, err)
		}
	}
	if db, err := os.Stat(dbPath); err == nil {
		same := d.info != nil && os.SameFile(d.info, db)
		if d.kind == destDescriptor {
			same = fdIsFile(d.fd, db)
		}
		if same {
			return nil, usageErr("export: %s is the database itself (%s): an export written there would destroy it; pick another file; nothing was written", d.name(), msgText(dbPath))
		}
	}
	if err := d.classify(); err != nil {
		return nil, err
	}
	return d, nil
}

// name is how messages call the destination.
func (d *exportDest) name() string {
	if d.asked == "" || d.asked == "-" {
		return "stdout"
	}
	return msgText(d.asked)
}

// via says how the path asked for leads to p, for messages: "" when it is
// p itself.
func (d *exportDest) via(p string) string {
	if p == d.asked {
		return ""
	}
	return " (a symbolic link to " + msgText(p) + ")"
}

// resolve follows the path asked for, link by link, to what it names.
func (d *exportDest) resolve() error {
	p := d.asked
	for hops := 0; ; hops++ {
		if fd, ok := fdPath(p); ok {
			d.kind, d.fd = destDescriptor, fd
			return nil
		}
		if hops > maxLinkHops {
			return &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write %s: more than %d symbolic links lead from it; nothing was written", d.name(), maxLinkHops)}
		}
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return d.newFile(p)
		case err != nil:
			return d.cannot(p, err)
		case fi.Mode()&os.ModeSymlink != 0:
			t, err := os.Readlink(p)
			if err != nil {
				return d.cannot(p, err)
			}
			if !filepath.IsAbs(t) {
				t = filepath.Join(filepath.Dir(p), t)
			}
			p = t
			continue
		}
		d.target, d.info = p, fi
		return nil
	}
}

// newFile makes the destination a file that does not exist yet at p,
// when its directory does.
func (d *exportDest) newFile(p string) error {
	dir := filepath.Dir(p)
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write %s%s: its directory %s does not exist; create it or pick another file; nothing was written", d.name(), d.via(p), msgText(dir))}
	case err != nil:
		return d.cannot(dir, err)
	case !fi.IsDir():
		return &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write %s%s: %s is not a directory; nothing was written", d.name(), d.via(p), msgText(dir))}
	}
	d.kind, d.target = destReplace, p
	return nil
}

// cannot reports a failure to look at p, naming p rather than any
// temporary file.
func (d *exportDest) cannot(p string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	what := d.name()
	if p != d.asked {
		what += " (at " + msgText(p) + ")"
	}
	return &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write %s: %v; nothing was written", what, err)}
}

// classify sets the kind of an existing target, refusing what an export
// must not be written to.
func (d *exportDest) classify() error {
	if d.info == nil {
		return nil
	}
	m := d.info.Mode()
	refuse := func(why string) error {
		return usageErr("export: cannot write %s%s: %s; nothing was written", d.name(), d.via(d.target), why)
	}
	switch {
	case m.IsDir():
		return refuse("it is a directory; give the name of a file inside it, as in " + msgText(filepath.Join(d.target, "cooldown.json")))
	case m.IsRegular():
		if n := linkCount(d.info); n > 1 {
			return refuse(fmt.Sprintf("the file has %d hard links, and writing a new file over this name would leave the other names with the old contents; remove the other links or pick another file", n))
		}
		d.kind = destReplace
	case m&os.ModeNamedPipe != 0, m&os.ModeCharDevice != 0:
		d.kind = destInPlace
	case m&os.ModeSocket != 0:
		d.kind = destSocket
	case m&os.ModeDevice != 0:
		return refuse("it is a block device; an export goes to a file, a pipe or a character device, never onto a disk")
	default:
		return refuse(fmt.Sprintf("it is not a regular file (%v)", m.Type()))
	}
	return nil
}

// fdPath reports whether p names an open file descriptor of this process:
// /dev/stdout, /dev/stderr, /dev/fd/N or /proc/self/fd/N.
func fdPath(p string) (int, bool) {
	if !fdPathsSupported {
		return 0, false
	}
	p = filepath.Clean(p)
	switch p {
	case "/dev/stdout":
		return 1, true
	case "/dev/stderr":
		return 2, true
	}
	for _, dir := range []string{"/dev/fd/", "/proc/self/fd/"} {
		if rest, ok := strings.CutPrefix(p, dir); ok {
			if n, err := strconv.Atoi(rest); err == nil && n >= 0 && strconv.Itoa(n) == rest {
				return n, true
			}
		}
	}
	return 0, false
}

// write writes data to the destination. g, when not nil, removes a
// temporary file should a signal stop the command.
func (d *exportDest) write(e *env, data []byte, g *interrupts) error {
	switch d.kind {
	case destDescriptor:
		return d.writeDescriptor(e, data)
	case destInPlace:
		return d.writeInPlace(data)
	case destSocket:
		return d.writeSocket(data)
	}
	if d.info != nil && d.opts.besideTag != "" {
		return d.writeBeside(data, g)
	}
	return d.writeReplace(data, g)
}

func (d *exportDest) writeDescriptor(e *env, data []byte) error {
	var w io.Writer
	switch d.fd {
	case 1:
		w = e.stdout
	case 2:
		w = e.stderr
	default:
		f := os.NewFile(uintptr(d.fd), d.asked)
		defer runtime.KeepAlive(f)
		w = f
	}
	_, err := w.Write(data)
	if err != nil && d.asked != "" {
		return fmt.Errorf("export: writing to %s failed: %w", d.name(), err)
	}
	return err
}

func (d *exportDest) writeInPlace(data []byte) error {
	f, err := openInPlace(d.target, d.info.Mode()&os.ModeNamedPipe != 0, fifoReaderWait)
	if errors.Is(err, errNoReader) {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write %s%s: no program opened the FIFO for reading within %v; nothing was written", d.name(), d.via(d.target), fifoReaderWait)}
	}
	if err != nil {
		return d.cannot(d.target, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !os.SameFile(fi, d.info) {
		return &exitError{code: exitFailure, msg: fmt.Sprintf("export: %s%s changed while it was being opened; nothing was written", d.name(), d.via(d.target))}
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("export: writing to %s%s failed: %w; what it received is incomplete", d.name(), d.via(d.target), unwrapPath(err))
	}
	return f.Close()
}

func (d *exportDest) writeSocket(data []byte) error {
	c, err := net.DialTimeout("unix", d.target, fifoReaderWait)
	if err != nil {
		return fmt.Errorf("export: cannot write %s%s: connecting to the socket failed: %w; nothing was written", d.name(), d.via(d.target), err)
	}
	defer c.Close()
	if _, err := c.Write(data); err != nil {
		return fmt.Errorf("export: writing to %s%s failed: %w; what it received is incomplete", d.name(), d.via(d.target), err)
	}
	return c.Close()
}

// writeReplace writes data to a temporary file beside the target and
// renames it over the target, so that a reader sees the old file or the
// new one, and a symbolic link that led there still does.
func (d *exportDest) writeReplace(data []byte, g *interrupts) error {
	tmp, err := d.writeTemp(data, g)
	if err != nil {
		return err
	}
	defer os.Remove(tmp) // a no-op once renamed
	if err := d.unchanged(); err != nil {
		return err
	}
	if err := os.Rename(tmp, d.target); err != nil {
		return d.failed(err)
	}
	syncDir(filepath.Dir(d.target))
	d.written = d.target
	return nil
}

// writeBeside writes data to a new file beside the target, whose name
// carries opts.besideTag, and leaves the target alone.
func (d *exportDest) writeBeside(data []byte, g *interrupts) error {
	tmp, err := d.writeTemp(data, g)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	dir, base := filepath.Split(d.target)
	ext := filepath.Ext(base)
	stem := strings.TrimSuffix(base, ext)
	for i := 1; i <= 100; i++ {
		name := stem + "." + d.opts.besideTag
		if i > 1 {
			name += "-" + strconv.Itoa(i)
		}
		p := filepath.Join(dir, name+ext)
		// A hard link never replaces what is there: the first free
		// name wins, and a reader sees the whole file or none.
		err := os.Link(tmp, p)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return d.failed(err)
		}
		syncDir(dir)
		d.written = p
		return nil
	}
	return &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write beside %s: 100 files named %s.%s*%s are there already; nothing was written", d.name(), msgText(stem), d.opts.besideTag, ext)}
}

// writeTemp writes data to a new temporary file in the target's
// directory, with the target's mode (0600 for a new file), synced, and
// returns its name.
func (d *exportDest) writeTemp(data []byte, g *interrupts) (string, error) {
	dir, base := filepath.Split(d.target)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return "", &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write %s%s: cannot create a file in its directory %s: %v; nothing was written", d.name(), d.via(d.target), msgText(filepath.Clean(dir)), unwrapPath(err))}
	}
	tmp := f.Name()
	release := g.onInterrupt(func() { os.Remove(tmp) })
	defer release()
	mode := os.FileMode(0o600)
	if d.info != nil {
		mode = d.info.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)
		keepOwner(f, d.info)
	}
	err = f.Chmod(mode)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return "", d.failed(err)
	}
	return tmp, nil
}

// unchanged checks that the target is still what was checked, just before
// it is replaced: another program may have put a file there meanwhile.
func (d *exportDest) unchanged() error {
	fi, err := os.Lstat(d.target)
	switch {
	case d.info == nil && errors.Is(err, fs.ErrNotExist):
		return nil
	case d.info == nil && err == nil:
		return &exitError{code: exitFailure, msg: fmt.Sprintf("export: %s%s was created by another program while the export was being written; it was not replaced", d.name(), d.via(d.target))}
	case err != nil || !os.SameFile(fi, d.info):
		return &exitError{code: exitFailure, msg: fmt.Sprintf("export: %s%s changed while the export was being written; it was not replaced", d.name(), d.via(d.target))}
	}
	return nil
}

// failed reports a failed write of the target, naming the path asked for
// and never the temporary file.
func (d *exportDest) failed(err error) error {
	return &exitError{code: exitFailure, msg: fmt.Sprintf("export: cannot write %s%s: %v; it was not changed", d.name(), d.via(d.target), unwrapPath(err))}
}

// unwrapPath drops the path of an *os.PathError or *os.LinkError (a
// temporary file's, or a path already named), keeping the cause.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// syncDir makes a rename in dir durable. Some file systems cannot sync a
// directory; the rename is done either way, so a failure here is not an
// error of the export.
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
