package store

import (
	"fmt"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// encodeValid validates d with the coach and the store's own limits and
// returns its record.
func encodeValid(d coach.Day) ([]byte, error) {
	return encodeValidRecord(d, 0, nil)
}

// encodeValidRecord is encodeValid for a day whose stored record had given
// workout ids up to lastID and remembers deleted sources (see
// encodeRecord).
func encodeValidRecord(d coach.Day, lastID int, deleted []coach.Source) ([]byte, error) {
	if _, err := dayKey(d.Date); err != nil {
		return nil, err
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return encodeRecord(nil, d, lastID, deleted)
}

// stored returns the day of key as stored in b (a new empty day when there
// is none, or a deleted day) and its record's extra.
func (s *Store) stored(b *bolt.Bucket, key []byte, date coach.Date) (coach.Day, recordExtra, error) {
	v := b.Get(key)
	switch {
	case v == nil:
		return coach.Day{Date: date}, recordExtra{}, nil
	case isDeletedRecord(v):
		deleted, err := decodeDeletedDay(v)
		if err != nil {
			return coach.Day{}, recordExtra{}, s.damaged([]string{string(key)})
		}
		return coach.Day{Date: date}, recordExtra{deleted: deleted}, nil
	}
	d, x, err := decodeRecordExtra(nil, date, v)
	if err != nil {
		return coach.Day{}, recordExtra{}, s.damaged([]string{string(key)})
	}
	return d, x, nil
}

// rememberRemoved returns deleted with the sources of the device workouts
// of before that after no longer holds (by workout id) added: a workout
// the person deleted is never imported again.
func rememberRemoved(deleted []coach.Source, before, after coach.Day) []coach.Source {
	for _, w := range before.Workouts {
		if !w.FromDevice() || after.WorkoutIndex(w.ID) >= 0 {
			continue
		}
		deleted = addSource(deleted, w.Source)
	}
	return deleted
}

// addSource adds s (kind and id) to list unless it is there.
func addSource(list []coach.Source, s coach.Source) []coach.Source {
	for _, x := range list {
		if x.Same(s) {
			return list
		}
	}
	return append(list, coach.Source{Kind: s.Kind, ID: s.ID})
}

// deleteRecord removes the day of key from b, or leaves a deleted-day
// record in its place when the day remembers deleted sources or holds
// device workouts (which are then remembered too).
func deleteRecord(b *bolt.Bucket, key []byte, d coach.Day, x recordExtra) error {
	deleted := rememberRemoved(x.deleted, d, coach.Day{Date: d.Date})
	for _, h := range d.Held {
		deleted = addSource(deleted, h.Workout.Source)
	}
	if len(deleted) == 0 {
		return b.Delete(key)
	}
	return b.Put(key, encodeDeletedDay(deleted))
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
	return coach.Day{}, s.damaged([]string{string(key)})
}

// Day returns the stored day of date, an error wrapping ErrNotFound, or a
// *DamagedError when its record cannot be read.
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
		if v == nil || isDeletedRecord(v) {
			return s.notFound("day " + date.String())
		}
		if isV0(tx) {
			d, err = s.decodeV0(key, v)
		} else {
			d, err = s.decode(key, v)
		}
		return err
	}, false)
	return d, wrap("read day "+date.String(), err)
}

// Days returns every stored day, oldest first. When some records cannot
// be read it returns the readable days with a *DamagedError naming the
// others (errors.Is(err, ErrDamaged)).
func (s *Store) Days() ([]coach.Day, error) {
	var days []coach.Day
	var damaged []string
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		days, damaged, err = s.readDays(tx, nil, nil)
		return err
	}, false)
	if err != nil {
		return nil, wrap("read days", err)
	}
	return days, s.damaged(damaged)
}

// DaysBetween returns the stored days from from to to, both included,
// oldest first; like Days, with a *DamagedError when some in the range
// cannot be read.
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
	var damaged []string
	err = s.view(func(tx *bolt.Tx) error {
		var err error
		days, damaged, err = s.readDays(tx, lo, hi)
		return err
	}, false)
	if err != nil {
		return nil, wrap("read days", err)
	}
	return days, s.damaged(damaged)
}

// readDays reads the days with keys from lo to hi (nil: no bound) and the
// keys of the records in that range that cannot be read.
func (s *Store) readDays(tx *bolt.Tx, lo, hi []byte) (days []coach.Day, damaged []string, err error) {
	b := tx.Bucket(bucketDays)
	if b == nil {
		return nil, nil, nil
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
		if isDeletedRecord(v) {
			continue // a deleted day remembering its deleted sources
		}
		records = append(records, record{k, v})
	}
	if isV0(tx) {
		for _, r := range records {
			d, err := s.decodeV0(r.key, r.value)
			if err != nil {
				damaged = append(damaged, string(r.key))
				continue
			}
			days = append(days, d)
		}
		return days, damaged, nil
	}
	days, damaged = s.decodeAll(records)
	return days, damaged, nil
}

// Snapshot is everything the app shows, read in one transaction.
type Snapshot struct {
	Settings coach.Settings
	Days     []coach.Day // oldest first; the readable ones
	// Damaged holds the keys of the day records that could not be read, in
	// key order; they are left out of Days and kept in the file as they
	// are. Snapshot returns a nil error when only some records are damaged.
	Damaged    []string
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
		if snap.Days, snap.Damaged, err = s.readDays(tx, nil, nil); err != nil {
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
		d, x, err := s.stored(b, key, date)
		if err != nil {
			return err
		}
		before := d.Clone()
		if err := fn(&d); err != nil {
			return err
		}
		if d.Date != date {
			return fmt.Errorf("the update changed the date to %s; a day cannot move", d.Date)
		}
		deleted := rememberRemoved(x.deleted, before, d)
		for _, src := range d.DropOrphanHeld() {
			deleted = addSource(deleted, src)
		}
		v, err := encodeValidRecord(d, x.last, deleted)
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

// SetWorkout sets workout index of date, keeping its id when w has none
// and its source, start and heart rate when w has none of them;
// index equal to the number of workouts appends one, which gets the next
// free id. Edits that may race another process should find the workout by
// id inside Update (coach.Day.WorkoutIndex) instead.
func (s *Store) SetWorkout(date coach.Date, index int, w coach.Workout) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		switch {
		case index == len(d.Workouts):
			d.Workouts = append(d.Workouts, w)
		case index >= 0 && index < len(d.Workouts):
			old := d.Workouts[index]
			if w.ID == 0 {
				w.ID = old.ID // the same workout, changed
			}
			if w.Source.IsZero() && w.Start.IsZero() && w.AvgHR == 0 && w.MaxHR == 0 {
				// An edit of kind, minutes or effort: a device
				// workout stays that session.
				w.Source, w.Start, w.AvgHR, w.MaxHR = old.Source, old.Start, old.AvgHR, old.MaxHR
			}
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
		if v := b.Get(key); v == nil || isDeletedRecord(v) {
			return s.notFound("day " + date.String())
		}
		d, x, err := s.stored(b, key, date)
		if err != nil {
			// A damaged record is removed as it is: nothing to remember.
			if err := b.Delete(key); err != nil {
				return err
			}
			return bumpGeneration(tx)
		}
		if err := deleteRecord(b, key, d, x); err != nil {
			return err
		}
		return bumpGeneration(tx)
	})
	return wrap("delete day "+date.String(), err)
}

// Replace stores settings and days (an import): everything is validated
// first, then written in one transaction, or nothing is. A day already
// stored is replaced; stored days not in days are kept. Errors name the
// day and the field.
func (s *Store) Replace(settings coach.Settings, days []coach.Day) error {
	if err := settings.Validate(); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	type rec struct {
		k, v []byte
		d    coach.Day
	}
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
		recs = append(recs, rec{k, v, d})
	}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketDays)
		for _, r := range recs {
			// The deleted sources the stored day remembers stay
			// remembered: an export does not carry them.
			if old := b.Get(r.k); old != nil {
				if _, x, err := s.stored(b, r.k, r.d.Date); err == nil && len(x.deleted) > 0 {
					v, err := encodeRecord(nil, r.d, 0, x.deleted)
					if err != nil {
						return fmt.Errorf("day %s: %w", r.d.Date, err)
					}
					r.v = v
				}
			}
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
