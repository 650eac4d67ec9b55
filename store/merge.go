package store

import (
	"fmt"
	"sort"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// IncomingWorkout is a device workout for the day of Date.
type IncomingWorkout struct {
	Date    coach.Date
	Workout coach.Workout // with a Source; its ID is ignored
}

// Incoming is what one device file gives: its workouts, and the time
// asleep in the night after each date (interchange.Nights).
type Incoming struct {
	Workouts []IncomingWorkout
	Nights   map[coach.Date]time.Duration
}

// MergeCounts says what MergeImported did with a file.
type MergeCounts struct {
	New     int // workouts added
	Already int // sessions already there (same source, or another source's record of it)
	Held    int // held back as possibly a typed workout (Day.Held)
	Deleted int // deleted by the person before: not imported again
	Sleep   int // mornings whose hours slept were filled
}

// MergeImported merges one device file into the stored days in one write
// transaction: all of it or, on any error, nothing. Each workout goes
// through coach.Merge on its day as stored now, with the neighbouring days
// and the sources the person deleted from them (so importing again adds
// nothing, one session from two sources is one workout, a session that
// may be a typed workout is held back, and a deleted one stays deleted);
// then each night's sleep fills the hours slept of a training day without
// a morning (coach.FillSleep). Nothing the person entered is changed. An
// error names the day; a damaged record among the days concerned refuses
// the file (*DamagedError).
func (s *Store) MergeImported(in Incoming) (MergeCounts, error) {
	var c MergeCounts
	type entry struct {
		d       coach.Day
		x       recordExtra
		changed bool
	}
	err := s.update(func(tx *bolt.Tx) error {
		c = MergeCounts{}
		b := tx.Bucket(bucketDays)
		days := map[coach.Date]*entry{}
		load := func(date coach.Date) (*entry, error) {
			if e, ok := days[date]; ok {
				return e, nil
			}
			key, err := dayKey(date)
			if err != nil {
				return nil, fmt.Errorf("day %s: %w", date, err)
			}
			d, x, err := s.stored(b, key, date)
			if err != nil {
				return nil, err
			}
			e := &entry{d: d, x: x}
			days[date] = e
			return e, nil
		}
		for _, iw := range in.Workouts {
			e, err := load(iw.Date)
			if err != nil {
				return err
			}
			var near []coach.Day
			deleted := e.x.deleted
			for _, n := range []coach.Date{iw.Date.AddDays(-1), iw.Date.AddDays(1)} {
				ne, err := load(n)
				if err != nil {
					return err
				}
				near = append(near, ne.d)
				deleted = append(deleted[:len(deleted):len(deleted)], ne.x.deleted...)
			}
			isDeleted := func(src coach.Source) bool {
				for _, d := range deleted {
					if d.Same(src) {
						return true
					}
				}
				return false
			}
			switch coach.Merge(&e.d, iw.Workout, near, isDeleted) {
			case coach.MergeAdded:
				c.New++
				e.changed = true
			case coach.MergeHeld:
				c.Held++
				e.changed = true
			case coach.MergeAlready:
				c.Already++
			case coach.MergeDeleted:
				c.Deleted++
			}
		}
		nights := make([]coach.Date, 0, len(in.Nights))
		for d := range in.Nights {
			nights = append(nights, d)
		}
		sort.Slice(nights, func(i, j int) bool { return nights[i].Before(nights[j]) })
		for _, date := range nights {
			e, err := load(date)
			if err != nil {
				return err
			}
			if coach.FillSleep(&e.d, in.Nights[date]) {
				c.Sleep++
				e.changed = true
			}
		}
		dates := make([]coach.Date, 0, len(days))
		for d, e := range days {
			if e.changed {
				dates = append(dates, d)
			}
		}
		if len(dates) == 0 {
			return nil
		}
		sort.Slice(dates, func(i, j int) bool { return dates[i].Before(dates[j]) })
		for _, date := range dates {
			e := days[date]
			v, err := encodeValidRecord(e.d, e.x.last, e.x.deleted)
			if err != nil {
				return fmt.Errorf("day %s: %w", date, err)
			}
			key, _ := dayKey(date)
			if err := b.Put(key, v); err != nil {
				return err
			}
		}
		return bumpGeneration(tx)
	})
	if err != nil {
		return MergeCounts{}, wrap("import", err)
	}
	return c, nil
}

// AnswerSameSession answers a held question (coach.SameSessionQuestions)
// on the day as stored now: same, the typed workout typedID takes the
// device's source, start and heart rate and keeps what the person
// entered; otherwise the held workout becomes a workout of the day.
func (s *Store) AnswerSameSession(date coach.Date, typedID int, src coach.Source, same bool) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error { return d.AnswerSame(typedID, src, same) })
}

// SetEffort gives the effort of workout id of date (the answer to a
// coach.EffortQuestion) on the day as stored now.
func (s *Store) SetEffort(date coach.Date, id, rpe int) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error { return d.SetEffort(id, rpe) })
}

// RemoveWorkoutID removes the workout with id from date; a device
// workout's source is remembered and never imported again (as with every
// removal through Update).
func (s *Store) RemoveWorkoutID(date coach.Date, id int) (coach.Day, error) {
	return s.Update(date, func(d *coach.Day) error {
		i := d.WorkoutIndex(id)
		if i < 0 {
			return &coach.FieldError{Field: "workouts", Msg: fmt.Sprintf("no workout with id %d", id)}
		}
		d.Workouts = append(d.Workouts[:i], d.Workouts[i+1:]...)
		if len(d.Workouts) == 0 {
			d.Workouts = nil
		}
		return nil
	})
}
