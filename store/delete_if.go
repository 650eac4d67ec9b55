package store

import (
	"errors"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// ErrChanged is what a check returns when the stored day is no longer the
// one a screen showed: a confirmation given for that copy must not apply
// to another.
var ErrChanged = errors.New("the day changed since it was shown")

// DeleteDayIf removes the day of date when check, run on the day as stored
// inside the write transaction, returns nil. An error from check (usually
// one wrapping ErrChanged) aborts the delete and is returned as it is; no
// stored day is an error wrapping ErrNotFound, and check is not called.
func (s *Store) DeleteDayIf(date coach.Date, check func(stored coach.Day) error) error {
	key, err := dayKey(date)
	if err != nil {
		return err
	}
	var refused error
	err = s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		v := b.Get(key)
		if v == nil || isDeletedRecord(v) {
			return s.notFound("day " + date.String())
		}
		d, x, err := s.stored(b, key, date)
		if err != nil {
			return err
		}
		if err := check(d); err != nil {
			refused = err
			return err
		}
		if err := deleteRecord(b, key, d, x); err != nil {
			return err
		}
		return bumpGeneration(tx)
	})
	if refused != nil && errors.Is(err, refused) {
		return refused
	}
	return wrap("delete day "+date.String(), err)
}
