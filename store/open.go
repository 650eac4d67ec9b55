package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options tune Open.
type Options struct {
	// Timeout is how long each operation waits for another process to
	// release the file before failing with ErrLocked; 0 means DefaultTimeout.
	Timeout time.Duration
	// ReadOnly opens for reading only (shared lock); writes fail with
	// ErrReadOnly. A missing file is then an error, not created.
	ReadOnly bool
	// Now and Location date the backups (by the day-start hour); nil means
	// time.Now and time.Local.
	Now      func() time.Time
	Location *time.Location
}

// Store is a handle on the database file. It holds no open file; it is safe
// for use by several goroutines (bbolt's file lock serialises them).
type Store struct {
	path     string
	timeout  time.Duration
	readOnly bool
	roReason string
	warnings []string
	now      func() time.Time
	loc      *time.Location

	mu        sync.Mutex
	backupErr error // the last daily backup that failed (backups.go)
}

func (s *Store) applyOptions(opts Options) {
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
	s.now, s.loc = opts.Now, opts.Location
	if s.now == nil {
		s.now = time.Now
	}
	if s.loc == nil {
		s.loc = time.Local
	}
}

// Open opens the database at path, creating it (directory 0700, file 0600)
// when it does not exist, and migrating an older schema in one
// transaction. A newer schema is refused with ErrTooNew, and a file that is
// not a cooldown database with ErrCorrupt; neither is written to.
func Open(path string, opts Options) (*Store, error) {
	if path == "" {
		return nil, errors.New("open store: no database path given")
	}
	s := &Store{path: path, timeout: opts.Timeout}
	s.applyOptions(opts)
	if opts.ReadOnly {
		s.readOnly, s.roReason = true, "it was opened read-only"
	}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if s.readOnly {
			return nil, fmt.Errorf("open store %s: no database there yet: %w", path, err)
		}
		if err := s.create(); err != nil {
			return nil, err
		}
		return s, nil
	case err != nil:
		return nil, fmt.Errorf("open store %s: %w", path, err)
	case fi.IsDir():
		return nil, &Error{Kind: ErrBadPath, Path: path, What: "it is a directory, not a database file"}
	case !fi.Mode().IsRegular():
		return nil, &Error{Kind: ErrBadPath, Path: path, What: fmt.Sprintf("not a regular file (%s)", fi.Mode().Type())}
	}
	if perm := fi.Mode().Perm(); perm&0o077 != 0 {
		s.warnings = append(s.warnings, fmt.Sprintf(
			"%s has permissions %04o: other users can read your recovery log; run `chmod 600 %s`", path, perm, path))
	}
	if !s.readOnly {
		if err := writable(path); err != nil {
			s.readOnly, s.roReason = true, fmt.Sprintf("the file is not writable (%v)", err)
		} else if err := writable(filepath.Dir(path)); err != nil {
			s.readOnly, s.roReason = true, fmt.Sprintf("its directory %s is not writable (%v)", filepath.Dir(path), err)
		}
		if s.readOnly {
			s.warnings = append(s.warnings, fmt.Sprintf("%s is read-only: changes cannot be saved (%s)", path, s.roReason))
		}
	}
	if fi.Size() == 0 {
		// A zero-length file holds nothing: bbolt itself writes its first
		// pages into such a file, and a crash between creating the file and
		// writing them leaves one. Initialising it loses no data.
		if s.readOnly {
			return nil, s.readOnlyErr(errors.New("the file is empty and cannot be initialised"))
		}
		if err := s.create(); err != nil {
			return nil, err
		}
		return s, nil
	}

	// Inspect without any write: a file that is not ours stays untouched.
	var version int
	err = s.view(func(tx *bolt.Tx) error {
		var err error
		version, err = s.layout(tx)
		return err
	}, true)
	if err != nil {
		return nil, wrap("open store "+path, err)
	}
	if version == SchemaVersion {
		return s, nil
	}
	if s.readOnly {
		// A store that does not write reads an older schema as it is, in
		// memory (readers understand every schema), and an empty bbolt
		// file as an empty history: never a migrating write.
		return s, nil
	}
	if err := s.update(func(*bolt.Tx) error { return nil }); err != nil {
		return nil, wrap("open store "+path, err)
	}
	return s, nil
}

// create makes the directory and a new database with every bucket.
func (s *Store) create() error {
	if err := s.checkLinkTarget(); err != nil {
		return err
	}
	dir := filepath.Dir(s.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			s.roReason = fmt.Sprintf("cannot create the directory %s", dir)
			return s.readOnlyErr(err)
		}
		return fmt.Errorf("open store %s: create directory: %w", s.path, err)
	}
	if err := s.update(func(*bolt.Tx) error { return nil }); err != nil {
		return wrap("open store "+s.path, err)
	}
	// Make the new directory entry durable too.
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
	return nil
}

// checkLinkTarget refuses a path that is a symbolic link into a directory
// that does not exist, saying so: creating the file would fail with only
// "no such file or directory", and creating directories where a link
// points is not for cooldown to decide.
func (s *Store) checkLinkTarget() error {
	fi, err := os.Lstat(s.path)
	if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		return nil
	}
	target, err := os.Readlink(s.path)
	if err != nil {
		return nil
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(filepath.Dir(s.path), target)
	}
	if _, err := os.Stat(filepath.Dir(target)); errors.Is(err, fs.ErrNotExist) {
		return &Error{Kind: ErrBadPath, Path: s.path,
			What: fmt.Sprintf("it is a symbolic link to %s, whose directory %s does not exist", target, filepath.Dir(target))}
	}
	return nil
}

// Path returns the database file's path.
func (s *Store) Path() string { return s.path }

// ReadOnly reports whether writes are refused.
func (s *Store) ReadOnly() bool { return s.readOnly }

// Warnings returns what Open noticed that is not an error, such as a file
// other users can read.
func (s *Store) Warnings() []string { return append([]string(nil), s.warnings...) }

// errReplaced says that the path names another file than the one opened.
var errReplaced = errors.New("the file was replaced while it was opened")

// replaced reports whether path now names another file than f.
func replaced(f *os.File, path string) bool {
	if f == nil {
		return false
	}
	fi, err1 := f.Stat()
	pi, err2 := os.Stat(path)
	return err1 == nil && err2 == nil && !os.SameFile(fi, pi)
}

// openDB opens the file for one transaction, again when it was replaced
// (by Restore) while the open waited for its lock.
func (s *Store) openDB(readOnly bool) (*bolt.DB, error) {
	for range 3 {
		db, err := s.openDBOnce(readOnly)
		if !errors.Is(err, errReplaced) {
			return db, err
		}
	}
	return nil, s.locked(errReplaced)
}

func (s *Store) openDBOnce(readOnly bool) (db *bolt.DB, err error) {
	// bbolt panics on some damaged files (a freelist page that is not one,
	// say) while opening. Opening only reads the file, so such a panic is
	// about the content: report it as ErrCorrupt and close the file, which
	// bbolt leaves open when it panics.
	var file *os.File
	defer func() {
		if r := recover(); r != nil {
			if file != nil {
				_ = file.Close()
			}
			db, err = nil, s.corrupt("is damaged", fmt.Errorf("%v", r))
		}
	}()
	db, err = bolt.Open(s.path, 0o600, &bolt.Options{
		Timeout:  s.timeout,
		ReadOnly: readOnly,
		OpenFile: func(name string, flag int, perm os.FileMode) (*os.File, error) {
			f, err := os.OpenFile(name, flag, perm)
			file = f
			return f, err
		},
	})
	if err == nil {
		if replaced(file, s.path) {
			// A restore renamed another file into place while this open
			// waited for the lock: a write here would go to the old file.
			_ = db.Close()
			return nil, errReplaced
		}
		return db, nil
	}
	var pe *fs.PathError
	var errno syscall.Errno
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return nil, s.locked(err)
	case !readOnly && (errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)):
		if s.roReason == "" {
			s.roReason = "the file is not writable"
			if _, statErr := os.Stat(s.path); errors.Is(statErr, fs.ErrNotExist) {
				s.roReason = fmt.Sprintf("its directory %s is not writable, so the file cannot be created", filepath.Dir(s.path))
			}
		}
		return nil, s.readOnlyErr(err)
	case errors.As(err, &pe), errors.As(err, &errno):
		return nil, fmt.Errorf("open %s: %w", s.path, err)
	default:
		// Everything else bbolt reports on open is about the content:
		// invalid meta pages, checksum, version, too small to map.
		return nil, s.corrupt("is not a bbolt database or is damaged", err)
	}
}

// Faults. bbolt reads the file through a memory map. When another program
// truncates the file while it is mapped, touching a page past the new end
// is a SIGBUS, which kills the process unless the goroutine that touches
// it has debug.SetPanicOnFault(true) (a per-goroutine setting); and a file
// whose pages change under a reader can make bbolt panic on its own
// consistency checks. Every goroutine that touches the map (view and
// update, and decodeAll's workers) turns either into ErrCorrupt; any other
// panic is a bug and goes on.

// fileFault is a panic caused by the file: a memory fault or a panic
// raised inside bbolt.
type fileFault struct {
	what  string
	cause error
}

// asFileFault classifies the recovered value r; it must be called from
// the deferred function that recovered r, whose stack still shows where
// the panic was raised.
func asFileFault(r any) (*fileFault, bool) {
	if f, ok := r.(*fileFault); ok {
		return f, true
	}
	if re, ok := r.(runtime.Error); ok {
		if _, fault := re.(interface{ Addr() uintptr }); fault {
			return &fileFault{"could not be read (memory fault: the file changed size while it was read)", re}, true
		}
	}
	if panickedIn("go.etcd.io/bbolt") {
		return &fileFault{"could not be read (bbolt panicked on its pages: the file is damaged or changed while it was read)", fmt.Errorf("%v", r)}, true
	}
	return nil, false
}

// panickedIn reports whether the panic being recovered was raised by a
// function of the package with path prefix pkg: the first frame below
// runtime.gopanic that is not the runtime's own.
func panickedIn(pkg string) bool {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(2, pcs)])
	below := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			below = true
		case below && !strings.HasPrefix(f.Function, "runtime."):
			return strings.HasPrefix(f.Function, pkg)
		}
		if !more {
			return false
		}
	}
}

// recoverFault turns a panic caused by the file into ErrCorrupt; it must
// be deferred directly.
func (s *Store) recoverFault(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if f, ok := asFileFault(r); ok {
		*err = s.corrupt(f.what, f.cause)
		return
	}
	panic(r)
}

// guardWorker runs fn, a goroutine's work on the memory map, with faults
// turned into panics, and returns what it panicked with: a *fileFault for
// the file's faults, the value as it was otherwise (with the worker's
// stack, so that a bug stays traceable when the caller panics again).
func guardWorker(fn func()) (panicked any) {
	defer func() {
		if r := recover(); r != nil {
			if f, ok := asFileFault(r); ok {
				panicked = f
				return
			}
			panicked = fmt.Sprintf("%v\n\nworker goroutine stack:\n%s", r, debug.Stack())
		}
	}()
	debug.SetPanicOnFault(true) // this goroutine's own setting; it ends with it
	fn()
	return nil
}

// view runs fn in one read transaction on a fresh read-only open: it never
// writes, whatever the schema. fn runs on the current layout, an empty
// bbolt file or schema 0 (readers use isV0 to read it as it is); with raw,
// on any layout (Open's inspection and Check).
func (s *Store) view(fn func(*bolt.Tx) error, raw bool) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverFault(&err)
	db, err := s.openDB(true)
	if err != nil {
		return err
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		if err := s.checkSize(tx); err != nil {
			return err
		}
		if !raw {
			v, err := s.layout(tx)
			if err != nil {
				return err
			}
			if v != SchemaVersion && v != layoutEmpty && v != 0 {
				return s.corrupt(fmt.Sprintf("has schema version %d, which no cooldown wrote", v), nil)
			}
		}
		return fn(tx)
	})
}

// update runs fn in one write transaction, upgrading an older layout in
// the same transaction first.
func (s *Store) update(fn func(*bolt.Tx) error) (err error) {
	if s.readOnly {
		return s.readOnlyErr(nil)
	}
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer s.recoverFault(&err)
	db, err := s.openDB(false)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := db.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("close %s: %w", s.path, cerr)
		}
	}()
	if err := s.backupBeforeWrite(db); err != nil {
		return err
	}
	return db.Update(func(tx *bolt.Tx) error {
		if err := s.checkSize(tx); err != nil {
			return err
		}
		v, err := s.layout(tx)
		if err != nil {
			return err
		}
		if v != SchemaVersion {
			if err := s.migrate(tx, v); err != nil {
				return err
			}
		}
		return fn(tx)
	})
}

// checkSize refuses a truncated file before any page beyond its end is
// touched: bbolt's high-water mark (tx.Size) must lie inside the file.
func (s *Store) checkSize(tx *bolt.Tx) error {
	fi, err := os.Stat(s.path)
	if err != nil {
		return fmt.Errorf("stat %s: %w", s.path, err)
	}
	if fi.Size() < tx.Size() {
		return s.corrupt(fmt.Sprintf("is truncated: it has %d bytes but its pages reach %d", fi.Size(), tx.Size()), nil)
	}
	return nil
}

// layoutEmpty is the layout of a bbolt file with no buckets at all.
const layoutEmpty = -1

// layout returns the schema version of the file: SchemaVersion and older
// numbers, layoutEmpty, or an error for a file that is not ours or too new.
func (s *Store) layout(tx *bolt.Tx) (int, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		names := rootBuckets(tx)
		switch {
		case len(names) == 0:
			return layoutEmpty, nil
		case isV0Layout(names):
			return 0, nil
		}
		return 0, s.corrupt(fmt.Sprintf("is a bbolt database but not cooldown's (it holds buckets %q)", names), nil)
	}
	raw := meta.Get(keySchema)
	v, err := strconv.ParseUint(string(raw), 10, 32)
	if err != nil {
		return 0, s.corrupt(fmt.Sprintf("has no readable schema version (%q)", raw), nil)
	}
	if v > SchemaVersion {
		return 0, s.tooNew(v)
	}
	if v == SchemaVersion {
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil {
				return 0, s.corrupt(fmt.Sprintf("lacks its %q bucket", b), nil)
			}
		}
	}
	return int(v), nil
}

func rootBuckets(tx *bolt.Tx) []string {
	var names []string
	_ = tx.ForEach(func(name []byte, _ *bolt.Bucket) error {
		names = append(names, string(name))
		return nil
	})
	return names
}
