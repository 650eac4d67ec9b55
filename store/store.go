// Package store keeps cooldown's data in one bbolt file. It is the only
// package that imports bbolt.
//
// No file handle is kept between operations: every method opens the file
// with a timeout, runs exactly one transaction and closes it, so the app,
// `cooldown status` run by a shell prompt every second, and a second copy of
// the app can share the file. Reads take bbolt's shared lock (ReadOnly);
// writes take the exclusive lock and are read-modify-writes of the stored
// record inside one transaction, so two processes ticking different items
// of the same day both keep their change.
//
// A file that is not ours (not a bbolt file, truncated, holding buckets we
// do not know, or written by a newer schema) is never written to: it is
// inspected with a read-only open first and refused with ErrCorrupt or
// ErrTooNew.
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
	"syscall"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the layout of the file this program writes. Version 0 is
// the layout before the meta bucket existed (see migrate.go).
const SchemaVersion = 1

// DefaultTimeout is how long an operation waits for another process to
// release the file.
const DefaultTimeout = time.Second

// Bucket and key names.
var (
	bucketMeta     = []byte("meta")     // schema version, data generation
	bucketDays     = []byte("days")     // "YYYY-MM-DD" -> day record (record.go)
	bucketSettings = []byte("settings") // "settings" -> settings record
	bucketState    = []byte("state")    // opaque UI state: key -> value

	allBuckets = [][]byte{bucketMeta, bucketDays, bucketSettings, bucketState}

	keySchema     = []byte("schema")
	keyGeneration = []byte("generation")
	keySettings   = []byte("settings")
)

// Errors for errors.Is. The errors the store returns carry a full message
// naming the path and what to do; these are their kinds.
var (
	// ErrLocked: another process held the file longer than the timeout.
	ErrLocked = errors.New("database is in use by another process")
	// ErrCorrupt: not a bbolt file, truncated, failing the check, holding
	// buckets that are not ours, or an undecodable record.
	ErrCorrupt = errors.New("database is not a readable cooldown database")
	// ErrTooNew: the file was written by a newer schema than this program's.
	ErrTooNew = errors.New("database was written by a newer cooldown")
	// ErrNotFound: no such record.
	ErrNotFound = errors.New("not found")
	// ErrReadOnly: the file or its directory is not writable, or the store
	// was opened read-only; reads work, writes fail with this.
	ErrReadOnly = errors.New("database is read-only")
)

// storeError is an error of one of the kinds above with its whole message.
// It is returned unwrapped so that commands can print it as it stands.
type storeError struct {
	kind  error
	msg   string
	cause error
}

func (e *storeError) Error() string        { return e.msg }
func (e *storeError) Is(target error) bool { return target == e.kind }
func (e *storeError) Unwrap() error        { return e.cause }

// RestoreHint ends the message of every ErrCorrupt error; a caller that
// gives its own, longer advice can trim it.
const RestoreHint = "run `cooldown check` and restore from an export"

func (s *Store) corrupt(what string, cause error) error {
	msg := fmt.Sprintf("database %s %s: %s", s.path, what, RestoreHint)
	if cause != nil {
		msg = fmt.Sprintf("database %s %s (%v): %s", s.path, what, cause, RestoreHint)
	}
	return &storeError{kind: ErrCorrupt, msg: msg, cause: cause}
}

func (s *Store) locked(cause error) error {
	return &storeError{kind: ErrLocked, msg: fmt.Sprintf("database is in use by another process (%s)", s.path), cause: cause}
}

func (s *Store) tooNew(v uint64) error {
	return &storeError{kind: ErrTooNew, msg: fmt.Sprintf(
		"database %s has schema version %d, newer than this cooldown understands (%d): update cooldown; the file was not changed",
		s.path, v, SchemaVersion)}
}

func (s *Store) readOnlyErr(cause error) error {
	return &storeError{kind: ErrReadOnly, msg: fmt.Sprintf("cannot save to %s: %s", s.path, s.roReason), cause: cause}
}

// wrap adds context to an error that is not already one of the store's own
// complete messages.
func wrap(op string, err error) error {
	var se *storeError
	if err == nil || errors.As(err, &se) {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}

// Options tune Open.
type Options struct {
	// Timeout is how long each operation waits for another process to
	// release the file before failing with ErrLocked; 0 means DefaultTimeout.
	Timeout time.Duration
	// ReadOnly opens for reading only (shared lock); writes fail with
	// ErrReadOnly. A missing file is then an error, not created.
	ReadOnly bool
}

// Store is a handle on the database file. It holds no open file; it is safe
// for use by several goroutines (bbolt's file lock serialises them).
type Store struct {
	path     string
	timeout  time.Duration
	readOnly bool
	roReason string
	warnings []string
}

// Problem is one finding of Check: the key it concerns ("" for the file as
// a whole) and what is wrong.
type Problem struct {
	Key string
	Msg string
}

func (p Problem) String() string {
	if p.Key == "" {
		return p.Msg
	}
	return p.Key + ": " + p.Msg
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
	if s.timeout <= 0 {
		s.timeout = DefaultTimeout
	}
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
		return nil, fmt.Errorf("open store %s: it is a directory, not a database file; give the path of a file inside it (for example %s)",
			path, filepath.Join(path, "cooldown.db"))
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("open store %s: not a regular file (%s)", path, fi.Mode().Type())
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
	if version == layoutEmpty && s.readOnly {
		return s, nil // an empty bbolt file reads as an empty history
	}
	if s.readOnly {
		return nil, s.readOnlyErr(fmt.Errorf("schema version %d must be upgraded to %d first", version, SchemaVersion))
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
		return fmt.Errorf("open store %s: it is a symbolic link to %s, whose directory %s does not exist; create that directory, or give another path with --db",
			s.path, target, filepath.Dir(target))
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

// openDB opens the file for one transaction.
func (s *Store) openDB(readOnly bool) (db *bolt.DB, err error) {
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

// recoverFault turns a fault on the memory-mapped file (a file truncated
// under us) into ErrCorrupt instead of a crash.
func (s *Store) recoverFault(err *error) {
	r := recover()
	if r == nil {
		return
	}
	if re, ok := r.(runtime.Error); ok {
		if _, fault := re.(interface{ Addr() uintptr }); fault {
			*err = s.corrupt("could not be read (memory fault: the file changed size under us)", re)
			return
		}
	}
	panic(r)
}

// view runs fn in one read transaction on a fresh read-only open. With raw,
// fn also runs on a file whose layout is not the current one (Open's
// inspection and Check).
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
			if v != SchemaVersion && v != layoutEmpty {
				return fmt.Errorf("database %s has schema version %d; open it for writing to upgrade it", s.path, v)
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
		case isV0(names):
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

// encodeValid validates d with the coach and the store's own limits and
// returns its record.
func encodeValid(d coach.Day) ([]byte, error) {
	if _, err := dayKey(d.Date); err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return encodeDay(nil, d)
}

func (s *Store) decode(key, v []byte) (coach.Day, error) {
	return s.decodeWith(nil, key, v)
}

// decodeWith is decode taking the day's small parts from sl.
func (s *Store) decodeWith(sl *slabs, key, v []byte) (coach.Day, error) {
	date, err := parseKey(key)
	if err == nil {
		var d coach.Day
		if d, err = decodeDayInto(sl, date, v); err == nil {
			return d, nil
		}
	}
	return coach.Day{}, s.corrupt(fmt.Sprintf("has an unreadable day %q", key), err)
}

// Day returns the stored day of date, or an error wrapping ErrNotFound.
func (s *Store) Day(date coach.Date) (coach.Day, error) {
	key, err := dayKey(date)
	if err != nil {
		return coach.Day{}, err
	}
	var d coach.Day
	err = s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		var v []byte
		if b != nil {
			v = b.Get(key)
		}
		if v == nil {
			return &storeError{kind: ErrNotFound, msg: fmt.Sprintf("no day %s in %s", date, s.path)}
		}
		d, err = s.decode(key, v)
		return err
	}, false)
	return d, wrap("read day "+date.String(), err)
}

// Days returns every stored day, oldest first.
func (s *Store) Days() ([]coach.Day, error) {
	var days []coach.Day
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		days, err = s.readDays(tx, nil, nil)
		return err
	}, false)
	return days, wrap("read days", err)
}

// DaysBetween returns the stored days from from to to, both included,
// oldest first.
func (s *Store) DaysBetween(from, to coach.Date) ([]coach.Day, error) {
	lo, err := dayKey(from)
	if err != nil {
		return nil, err
	}
	hi, err := dayKey(to)
	if err != nil {
		return nil, err
	}
	if from.After(to) {
		return nil, nil
	}
	var days []coach.Day
	err = s.view(func(tx *bolt.Tx) error {
		var err error
		days, err = s.readDays(tx, lo, hi)
		return err
	}, false)
	return days, wrap("read days", err)
}

func (s *Store) readDays(tx *bolt.Tx, lo, hi []byte) ([]coach.Day, error) {
	b := tx.Bucket(bucketDays)
	if b == nil {
		return nil, nil
	}
	c := b.Cursor()
	var k, v []byte
	if lo == nil {
		k, v = c.First()
	} else {
		k, v = c.Seek(lo)
	}
	var records []record
	if lo == nil {
		records = make([]record, 0, b.Stats().KeyN)
	}
	for ; k != nil; k, v = c.Next() {
		if hi != nil && string(k) > string(hi) {
			break
		}
		records = append(records, record{k, v})
	}
	return s.decodeAll(records)
}

// Snapshot is everything the app shows, read in one transaction.
type Snapshot struct {
	Settings   coach.Settings
	Days       []coach.Day       // oldest first
	State      map[string]string // the UI state (see State)
	Generation uint64            // the data generation (see Generation)
}

// Snapshot reads the settings, every day and the UI state in one read
// transaction.
func (s *Store) Snapshot() (Snapshot, error) {
	var snap Snapshot
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if snap.Settings, err = s.readSettings(tx); err != nil {
			return err
		}
		if snap.Days, err = s.readDays(tx, nil, nil); err != nil {
			return err
		}
		snap.Generation = readGeneration(tx)
		snap.State = map[string]string{}
		if b := tx.Bucket(bucketState); b != nil {
			return b.ForEach(func(k, v []byte) error {
				snap.State[string(k)] = string(v)
				return nil
			})
		}
		return nil
	}, false)
	return snap, wrap("read snapshot", err)
}

// Update reads the stored day of date (a new empty day when there is none),
// passes it to fn, validates the result with the coach and stores it, all
// in one write transaction, so fn always sees the fresh stored copy and
// changes another process made meanwhile are kept. It returns the day as
// stored. An error from fn or from validation writes nothing and is
// returned (a *coach.FieldError stays reachable with errors.As).
func (s *Store) Update(date coach.Date, fn func(*coach.Day) error) (coach.Day, error) {
	key, err := dayKey(date)
	if err != nil {
		return coach.Day{}, fmt.Errorf("save day %s: %w", date, err)
	}
	var out coach.Day
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		d := coach.Day{Date: date}
		if v := b.Get(key); v != nil {
			var err error
			if d, err = s.decode(key, v); err != nil {
				return err
			}
		}
		if err := fn(&d); err != nil {
			return err
		}
		if d.Date != date {
			return fmt.Errorf("the update changed the date to %s; a day cannot move", d.Date)
		}
		v, err := encodeValid(d)
		if err != nil {
			return err
		}
		if err := b.Put(key, v); err != nil {
			return err
		}
		if err := bumpGeneration(tx); err != nil {
			return err
		}
		out, err = decodeDay(date, v) // exactly what is stored
		return err
	})
	if err != nil {
		return coach.Day{}, wrap("save day "+date.String(), err)
	}
	return out, nil
}

// ToggleItem ticks item on date at the instant at (kept to the second, in
// UTC), or unticks it when it is ticked.
func (s *Store) ToggleItem(date coach.Date, item coach.Item, at time.Time) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		d.SetDone(item, !d.IsDone(item), at)
		return nil
	})
}

// SetMorning sets the morning check of date; nil clears it.
func (s *Store) SetMorning(date coach.Date, m *coach.Morning) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		d.Morning = nil
		if m != nil {
			c := *m
			d.Morning = &c
		}
		return nil
	})
}

// SetWorkout sets workout index of date; index equal to the number of
// workouts appends one.
func (s *Store) SetWorkout(date coach.Date, index int, w coach.Workout) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		switch {
		case index == len(d.Workouts):
			d.Workouts = append(d.Workouts, w)
		case index >= 0 && index < len(d.Workouts):
			d.Workouts[index] = w
		default:
			return noWorkout(index, len(d.Workouts))
		}
		return nil
	})
}

// RemoveWorkout removes workout index of date.
func (s *Store) RemoveWorkout(date coach.Date, index int) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		if index < 0 || index >= len(d.Workouts) {
			return noWorkout(index, len(d.Workouts))
		}
		d.Workouts = append(d.Workouts[:index], d.Workouts[index+1:]...)
		if len(d.Workouts) == 0 {
			d.Workouts = nil
		}
		return nil
	})
}

func noWorkout(index, n int) error {
	return &coach.FieldError{Field: fmt.Sprintf("workouts[%d]", index), Msg: fmt.Sprintf("no such workout; the day has %d", n)}
}

// SetBedtime sets the planned bedtime of date; nil clears it.
func (s *Store) SetBedtime(date coach.Date, c *coach.Clock) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		d.Bedtime = nil
		if c != nil {
			v := *c
			d.Bedtime = &v
		}
		return nil
	})
}

// SetNote sets the note of date; "" clears it.
func (s *Store) SetNote(date coach.Date, note string) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		d.Note = note
		return nil
	})
}

// DeleteDay removes the day of date; an error wrapping ErrNotFound when
// there is none.
func (s *Store) DeleteDay(date coach.Date) error {
	key, err := dayKey(date)
	if err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		if b.Get(key) == nil {
			return &storeError{kind: ErrNotFound, msg: fmt.Sprintf("no day %s in %s", date, s.path)}
		}
		if err := b.Delete(key); err != nil {
			return err
		}
		return bumpGeneration(tx)
	})
	return wrap("delete day "+date.String(), err)
}

func (s *Store) readSettings(tx *bolt.Tx) (coach.Settings, error) {
	b := tx.Bucket(bucketSettings)
	if b == nil {
		return coach.DefaultSettings(), nil
	}
	v := b.Get(keySettings)
	if v == nil {
		return coach.DefaultSettings(), nil
	}
	st, err := decodeSettings(v)
	if err == nil {
		err = st.Validate()
	}
	if err != nil {
		return coach.Settings{}, s.corrupt("has unreadable settings", err)
	}
	return st, nil
}

// Settings returns the stored settings, or coach.DefaultSettings when none
// are stored.
func (s *Store) Settings() (coach.Settings, error) {
	var st coach.Settings
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		st, err = s.readSettings(tx)
		return err
	}, false)
	return st, wrap("read settings", err)
}

// SetSettings validates and stores the settings.
func (s *Store) SetSettings(st coach.Settings) error {
	if err := st.Validate(); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketSettings).Put(keySettings, encodeSettings(st)); err != nil {
			return err
		}
		return bumpGeneration(tx)
	})
	return wrap("save settings", err)
}

// Limits of the UI state.
const (
	MaxStateKey   = 256
	MaxStateValue = 64 << 10
)

// State returns the UI state stored under key (the check-in step, the
// guide's reading position, the theme...). Keys and values are opaque to
// the store; an unset key reads as "".
func (s *Store) State(key string) (string, error) {
	var val string
	err := s.view(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketState); b != nil && key != "" {
			val = string(b.Get([]byte(key)))
		}
		return nil
	}, false)
	return val, wrap("read state "+key, err)
}

// SetState stores value under key; "" removes the key.
func (s *Store) SetState(key, value string) error {
	if key == "" || len(key) > MaxStateKey {
		return fmt.Errorf("state key %q: want 1 to %d bytes", key, MaxStateKey)
	}
	if len(value) > MaxStateValue {
		return fmt.Errorf("state %q: value of %d bytes is too large; allowed %d", key, len(value), MaxStateValue)
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketState)
		if value == "" {
			return b.Delete([]byte(key))
		}
		return b.Put([]byte(key), []byte(value))
	})
	return wrap("save state "+key, err)
}

// Replace stores settings and days (an import): everything is validated
// first, then written in one transaction, or nothing is. A day already
// stored is replaced; stored days not in days are kept. Errors name the
// day and the field.
func (s *Store) Replace(settings coach.Settings, days []coach.Day) error {
	if err := settings.Validate(); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	type rec struct{ k, v []byte }
	recs := make([]rec, 0, len(days))
	seen := make(map[coach.Date]bool, len(days))
	for _, d := range days {
		if seen[d.Date] {
			return fmt.Errorf("day %s: appears twice", d.Date)
		}
		seen[d.Date] = true
		v, err := encodeValid(d)
		if err != nil {
			return fmt.Errorf("day %s: %w", d.Date, err)
		}
		k, _ := dayKey(d.Date)
		recs = append(recs, rec{k, v})
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		for _, r := range recs {
			if err := b.Put(r.k, r.v); err != nil {
				return err
			}
		}
		if err := tx.Bucket(bucketSettings).Put(keySettings, encodeSettings(settings)); err != nil {
			return err
		}
		return bumpGeneration(tx)
	})
	return wrap("import", err)
}

// Check runs bbolt's consistency check and reads back every record: each
// day key must be a date, each record must decode and pass the coach's
// validation, the settings too. It writes nothing. The error is for a file
// that cannot be checked at all.
func (s *Store) Check() ([]Problem, error) {
	var probs []Problem
	add := func(key, format string, args ...any) {
		probs = append(probs, Problem{Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	err := s.view(func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			add("", "bbolt: %v", err)
		}
		version, err := s.layout(tx)
		if err != nil {
			add("", "%v", err)
			return nil
		}
		if version == layoutEmpty {
			// A bbolt file without buckets: the first transaction of a new
			// database did not finish (a kill during the first save). It
			// holds nothing, and the next save initialises it.
			return nil
		}
		known := map[string]bool{}
		for _, b := range allBuckets {
			known[string(b)] = true
			if tx.Bucket(b) == nil {
				add("", "bucket %q is missing", b)
			}
		}
		for _, name := range rootBuckets(tx) {
			if !known[name] {
				add("", "bucket %q is not cooldown's", name)
			}
		}
		if b := tx.Bucket(bucketDays); b != nil {
			_ = b.ForEach(func(k, v []byte) error {
				date, err := parseKey(k)
				if err != nil {
					add(string(k), "%v", err)
					return nil
				}
				if v == nil {
					add(string(k), "is a bucket, not a day")
					return nil
				}
				d, err := decodeDay(date, v)
				if err == nil {
					err = d.Validate()
				}
				if err != nil {
					add(string(k), "%v", err)
				}
				return nil
			})
		}
		if b := tx.Bucket(bucketSettings); b != nil {
			if v := b.Get(keySettings); v != nil {
				st, err := decodeSettings(v)
				if err == nil {
					err = st.Validate()
				}
				if err != nil {
					add("settings", "%v", err)
				}
			}
		}
		return nil
	}, true)
	return probs, wrap("check "+s.path, err)
}
