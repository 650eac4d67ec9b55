package store

import (
	"errors"
	"fmt"
	"io"
	"os"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

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

// Check runs bbolt's consistency check and reads back every record: each
// day key must be a date, each record must decode and pass the coach's
// validation, the settings too. It writes nothing to the database. The
// error is for a file that cannot be checked at all.
//
// bbolt's check walks the pages in a goroutine of its own, which the store
// cannot guard against a file truncated meanwhile (see "Faults" in
// open.go). So Check first copies the file, inside one read transaction,
// to a private temporary file (mode 0600, removed afterwards) and checks
// the copy; only when no temporary file can be written does it check the
// file in place.
func (s *Store) Check() ([]Problem, error) {
	var probs []Problem
	add := func(key, format string, args ...any) {
		probs = append(probs, Problem{Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	cp, err := s.privateCopy()
	if err != nil {
		return nil, wrap("check "+s.path, err)
	}
	if cp == "" {
		err = s.view(func(tx *bolt.Tx) error { return s.checkTx(tx, add) }, true)
		return probs, wrap("check "+s.path, err)
	}
	defer os.Remove(cp)
	c := &Store{path: cp, timeout: s.timeout, readOnly: true}
	err = c.view(func(tx *bolt.Tx) error { return s.checkTx(tx, add) }, true)
	var se *Error
	if errors.As(err, &se) {
		se.Path = s.path // the copy stands for the file
	}
	return probs, wrap("check "+s.path, err)
}

// writeErr marks an error of the writer a copy goes to.
type writeErr struct{ error }

type errWriter struct{ w io.Writer }

func (e errWriter) Write(p []byte) (int, error) {
	n, err := e.w.Write(p)
	if err != nil {
		err = writeErr{err}
	}
	return n, err
}

// privateCopy copies the file, as one read transaction sees it, to a new
// temporary file and returns its path; "" when the copy cannot be written
// (no temporary directory, a full disk).
func (s *Store) privateCopy() (string, error) {
	f, err := os.CreateTemp("", "cooldown-check-*.db")
	if err != nil {
		return "", nil
	}
	done := false
	defer func() {
		if !done {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	err = s.view(func(tx *bolt.Tx) error {
		_, err := tx.WriteTo(errWriter{f})
		var we writeErr
		if errors.As(err, &we) {
			return we
		}
		if err != nil {
			return s.corrupt("could not be read to the end (it changed while it was read)", err)
		}
		return nil
	}, true)
	var we writeErr
	if errors.As(err, &we) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if err := f.Close(); err != nil {
		return "", nil
	}
	done = true
	return f.Name(), nil
}

// checkTx adds the problems of the file tx reads.
func (s *Store) checkTx(tx *bolt.Tx, add func(key, format string, args ...any)) error {
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
		if tx.Bucket(b) == nil && version != 0 { // schema 0 had the days bucket only
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
			var d coach.Day
			switch {
			case isDeletedRecord(v):
				if _, err := decodeDeletedDay(v); err != nil {
					add(string(k), "%v", err)
				}
				return nil
			case version == 0:
				d, err = decodeV0(k, v)
			case len(v) > 0 && v[0] == '{':
				// A version 0 record the migration could not upgrade
				// and kept as it was.
				if d, err = decodeV0(k, v); err == nil {
					err = d.Validate()
				}
				if err != nil {
					err = fmt.Errorf("a version 0 record that could not be upgraded: %v", err)
				}
			default:
				d, err = decodeDay(date, v)
			}
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
}
