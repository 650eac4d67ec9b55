package store

import (
	"errors"
	"fmt"
	"strings"
)

// Error kinds, for errors.Is. The errors the store returns carry facts
// (the kind, the file, the day keys concerned, the cause) and no advice:
// what to do about them is for the command line and the app to say.
var (
	// ErrLocked: another process held the file longer than the timeout.
	ErrLocked = errors.New("database is in use by another process")
	// ErrCorrupt: not a bbolt file, truncated, failing the check, holding
	// buckets that are not ours, changed while it was read, or with
	// unreadable settings.
	ErrCorrupt = errors.New("database is not a readable cooldown database")
	// ErrDamaged: some day records cannot be read; the others can (see
	// DamagedError).
	ErrDamaged = errors.New("database has unreadable day records")
	// ErrTooNew: the file was written by a newer schema than this program's.
	ErrTooNew = errors.New("database was written by a newer cooldown")
	// ErrNotFound: no such record.
	ErrNotFound = errors.New("not found")
	// ErrReadOnly: the file or its directory is not writable, or the store
	// was opened read-only; reads work, writes fail with this.
	ErrReadOnly = errors.New("database is read-only")
	// ErrBadPath: the path cannot hold a database (a directory, a device, a
	// symbolic link into a directory that does not exist).
	ErrBadPath = errors.New("not a place for a database file")
)

// Error is an error about the database file: its kind (one of the Err
// values above, matched by errors.Is), the file, what is wrong as a fact,
// the day keys concerned, and the cause. Its message states the facts and
// never what to do.
type Error struct {
	Kind  error
	Path  string
	What  string   // what is wrong, e.g. "is truncated: it has 10 bytes but its pages reach 20"
	Keys  []string // the day keys concerned, if any
	Cause error
	// Version is the schema version of the file, for ErrTooNew.
	Version uint64
}

func (e *Error) Error() string {
	switch e.Kind {
	case ErrLocked:
		return fmt.Sprintf("database is in use by another process (%s)", e.Path)
	case ErrTooNew:
		return fmt.Sprintf("database %s has schema version %d, newer than this cooldown understands (%d)", e.Path, e.Version, SchemaVersion)
	case ErrReadOnly:
		return fmt.Sprintf("cannot save to %s: %s", e.Path, e.What)
	case ErrNotFound:
		return fmt.Sprintf("no %s in %s", e.What, e.Path)
	case ErrBadPath:
		return fmt.Sprintf("open store %s: %s", e.Path, e.What)
	}
	msg := fmt.Sprintf("database %s %s", e.Path, e.What)
	if e.Cause != nil {
		msg += fmt.Sprintf(" (%v)", e.Cause)
	}
	return msg
}

// Is reports whether target is e's kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

// DamagedError says which day records of the file could not be read. The
// readers that return it (Days, DaysBetween, Day, Update) return the
// readable days with it; Snapshot puts the keys in Snapshot.Damaged
// instead. The records themselves are kept byte for byte.
type DamagedError struct {
	Path string
	Keys []string // the keys of the unreadable records, in key order
}

func (e *DamagedError) Error() string {
	what := "an unreadable day record"
	if len(e.Keys) != 1 {
		what = fmt.Sprintf("%d unreadable day records", len(e.Keys))
	}
	return fmt.Sprintf("database %s has %s: %s", e.Path, what, strings.Join(e.Keys, ", "))
}

// Is reports whether target is ErrDamaged.
func (e *DamagedError) Is(target error) bool { return target == ErrDamaged }

// damaged returns a *DamagedError for keys, or nil when there are none.
func (s *Store) damaged(keys []string) error {
	if len(keys) == 0 {
		return nil
	}
	return &DamagedError{Path: s.path, Keys: keys}
}

func (s *Store) corrupt(what string, cause error) error {
	return &Error{Kind: ErrCorrupt, Path: s.path, What: what, Cause: cause}
}

func (s *Store) locked(cause error) error {
	return &Error{Kind: ErrLocked, Path: s.path, Cause: cause}
}

func (s *Store) tooNew(v uint64) error {
	return &Error{Kind: ErrTooNew, Path: s.path, Version: v}
}

func (s *Store) readOnlyErr(cause error) error {
	return &Error{Kind: ErrReadOnly, Path: s.path, What: s.roReason, Cause: cause}
}

func (s *Store) notFound(what string) error {
	return &Error{Kind: ErrNotFound, Path: s.path, What: what}
}

// wrap adds context to an error that is not already one of the store's own
// errors, which are returned as they are.
func wrap(op string, err error) error {
	var se *Error
	var de *DamagedError
	if err == nil || errors.As(err, &se) || errors.As(err, &de) {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}
