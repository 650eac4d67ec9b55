package ui

import (
	"fmt"
	"slices"

	"cooldown/coach"
	"cooldown/store"

	tea "charm.land/bubbletea/v2"
)

// Undoing a removed workout: right after a workout is removed on the kind
// step, u puts it back by its id, in one Store.Update on the day as stored
// now, and only when that day is the one shown after the removal (no
// other change meanwhile: the id taken again, the day deleted, a tick);
// otherwise nothing is written and the screen says so. Any other key ends
// the chance.

// removedWorkout is the workout just removed and where it was.
type removedWorkout struct {
	w   coach.Workout
	pos int
}

// removed remembers a workout just removed, so that u can bring it back.
func (m *checkinModel) removed(w coach.Workout, pos int) {
	m.undo = &removedWorkout{w: w, pos: pos}
	m.keys.Undo.SetEnabled(true)
}

// forgetUndo ends the chance to undo the last removal.
func (m *checkinModel) forgetUndo() {
	m.undo = nil
	m.keys.Undo.SetEnabled(false)
}

// undoRemove writes the removed workout back, guarded by the day as shown.
func (m *checkinModel) undoRemove() tea.Cmd {
	u := *m.undo
	m.forgetUndo()
	m.confirmRest = false
	change := restoreWorkout(m.day, u.w, u.pos)
	m.wi = min(u.pos, len(m.day.Workouts))
	m.minutesDirty = false
	return tea.Batch(m.change(change), showInfo(fmt.Sprintf("restored workout %d", m.wi+1)))
}

// restoreWorkout returns an Update closure that puts w back at pos in the
// stored day, refusing with an error wrapping store.ErrChanged when the
// day differs from shown or already holds w's id.
func restoreWorkout(shown coach.Day, w coach.Workout, pos int) func(*coach.Day) error {
	check := unchangedSince(shown)
	return func(d *coach.Day) error {
		if err := check(*d); err != nil || (w.ID != 0 && d.WorkoutIndex(w.ID) >= 0) {
			return fmt.Errorf("not restored: %s changed after the workout was removed: %w", longDate(d.Date), store.ErrChanged)
		}
		d.Workouts = slices.Insert(d.Workouts, min(max(pos, 0), len(d.Workouts)), w)
		return nil
	}
}
