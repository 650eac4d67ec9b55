package ui

import (
	"fmt"
	"time"

	"cooldown/coach"
	"cooldown/store"
)

// workoutRef names a workout of a day as a screen showed it, so that an
// edit finds it in the day as stored when the write runs, never by its
// position in the screen's copy: by its id (coach.Workout.ID, which the
// store gives every workout it writes). A workout without an id yet (one
// just added, whose write has not come back; or a store that does not
// keep ids) is found at its position only while that position still holds
// what the screen showed.
type workoutRef struct {
	id    int
	pos   int
	shown coach.Workout
}

// refOf names workout i of d.
func refOf(d coach.Day, i int) workoutRef {
	return workoutRef{id: d.Workouts[i].ID, pos: i, shown: d.Workouts[i]}
}

// index returns the position of the workout in d, or -1 when d no longer
// holds it.
func (r workoutRef) index(d coach.Day) int {
	if r.id != 0 {
		return d.WorkoutIndex(r.id)
	}
	if r.pos < 0 || r.pos >= len(d.Workouts) {
		return -1
	}
	if r.shown == (coach.Workout{}) {
		return r.pos
	}
	w := d.Workouts[r.pos]
	w.ID = 0
	if w != r.shown {
		return -1
	}
	return r.pos
}

// in returns the workout in the stored day d, or an error wrapping
// store.ErrChanged when it is gone (removed or changed by another
// process).
func (r workoutRef) in(d *coach.Day) (*coach.Workout, error) {
	i := r.index(*d)
	if i < 0 {
		return nil, fmt.Errorf("workout %d of %s was changed or removed elsewhere: %w", r.pos+1, longDate(d.Date), store.ErrChanged)
	}
	return &d.Workouts[i], nil
}

// editWorkout returns an Update closure that applies edit to the workout r
// names in the day as stored.
func editWorkout(r workoutRef, edit func(w *coach.Workout)) func(*coach.Day) error {
	return func(d *coach.Day) error {
		w, err := r.in(d)
		if err != nil {
			return err
		}
		edit(w)
		return nil
	}
}

// removeWorkout returns an Update closure that removes the workout r names
// from the day as stored.
func removeWorkout(r workoutRef) func(*coach.Day) error {
	return func(d *coach.Day) error {
		i := r.index(*d)
		if i < 0 {
			return fmt.Errorf("workout %d of %s was changed or removed elsewhere: %w", r.pos+1, longDate(d.Date), store.ErrChanged)
		}
		d.Workouts = append(d.Workouts[:i:i], d.Workouts[i+1:]...)
		if len(d.Workouts) == 0 {
			d.Workouts = nil
		}
		return nil
	}
}

// setItem returns an Update closure that ticks item at the instant at, or
// unticks it: "set done" or "set undone", never a flip of the screen's
// copy, so it gives the same day however often it runs. An item already
// ticked keeps the instant it was first ticked.
func setItem(item coach.Item, done bool, at time.Time) func(*coach.Day) error {
	return func(d *coach.Day) error {
		if d.IsDone(item) != done {
			d.SetDone(item, done, at)
		}
		return nil
	}
}
