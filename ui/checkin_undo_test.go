package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
	"cooldown/store"
)

// undoDay is a day with the given workouts (ids 1, 2...), a tick and a
// note.
func undoDay(t *testing.T, kinds ...coach.Kind) coach.Day {
	t.Helper()
	d := coach.Day{Date: mustDate(t, "2026-11-26"), Note: "kept"}
	for i, k := range kinds {
		d.Workouts = append(d.Workouts, coach.Workout{ID: i + 1, Kind: k, Minutes: 30 + 10*i, RPE: 4})
	}
	d.SetDone(coach.Berries, true, time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC))
	return d
}

// workoutIDs lists the ids of d's workouts in order.
func workoutIDs(d coach.Day) []int {
	var ids []int
	for _, w := range d.Workouts {
		ids = append(ids, w.ID)
	}
	return ids
}

// TestUndoRemovedWorkout: u right after a removal puts the workout back by
// its id where it was; after another key u does nothing; removing the last
// workout asks once, and its undo asks nothing.
func TestUndoRemovedWorkout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		kinds   []coach.Kind
		keys    []string // on the kind step, after the removal
		wantIDs []int
		notice  string
	}{
		// The check-in opens on the last workout.
		{"second of two", []coach.Kind{coach.Sport, coach.Strength}, []string{"d", "u"}, []int{1, 2}, "restored workout 2"},
		{"first of two", []coach.Kind{coach.Sport, coach.Strength}, []string{"[", "d", "u"}, []int{1, 2}, "restored workout 1"},
		{"the last, asked once", []coach.Kind{coach.Sport}, []string{"d", "y", "u"}, []int{1}, "restored workout 1"},
		{"another key first", []coach.Kind{coach.Sport, coach.Strength}, []string{"d", "j", "u"}, []int{1}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := undoDay(t, tt.kinds...)
			hs := newScreenHarness(t, "2026-11-26", []coach.Day{day}, 80, 24)
			hs.send(editDayMsg{date: day.Date, step: 0})
			hs.press(tt.keys[:len(tt.keys)-1]...)
			if tt.notice != "" {
				hs.mustContain("u undoes")
			}
			hs.press(tt.keys[len(tt.keys)-1])
			d, _ := storedDay(t, hs, day.Date)
			if got := workoutIDs(d); !equalInts(got, tt.wantIDs) {
				t.Fatalf("stored workout ids = %v, want %v", got, tt.wantIDs)
			}
			if d.Note != "kept" || !d.IsDone(coach.Berries) {
				t.Errorf("the day lost its note or tick: %+v", d)
			}
			if tt.notice == "" {
				return
			}
			hs.mustContain(tt.notice)
			for i, w := range d.Workouts {
				if w != day.Workouts[i] {
					t.Errorf("workout %d = %+v, want it as it was, %+v", i+1, w, day.Workouts[i])
				}
			}
			if strings.Contains(hs.view(), "rest day?") {
				t.Fatalf("the undo asked the rest-day question:\n%s", hs.view())
			}
			if len(tt.kinds) == 1 {
				// Removing it again asks once: one d asks, the next answers.
				hs.press("d")
				hs.mustContain("Make Thu 26 Nov a rest day?")
				if d, _ := storedDay(t, hs, day.Date); len(d.Workouts) != 1 {
					t.Fatalf("the question alone removed the workout: %+v", d.Workouts)
				}
				hs.press("d")
				if d, _ := storedDay(t, hs, day.Date); len(d.Workouts) != 0 {
					t.Fatalf("d, d left workouts %+v, want a rest day", d.Workouts)
				}
			}
		})
	}
}

// TestUndoRefusedOnAChangedDay: when another process changes the day
// between the removal and u (a workout added, taking an id again; a tick;
// the day deleted), nothing is written and the screen says why.
func TestUndoRefusedOnAChangedDay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		other  func(st *store.Store, d coach.Date) error
		wantID []int
	}{
		{"workout added", func(st *store.Store, d coach.Date) error {
			_, err := st.Update(d, func(day *coach.Day) error {
				day.Workouts = append(day.Workouts, coach.Workout{Kind: coach.Endurance, Minutes: 50, RPE: 6})
				return nil
			})
			return err
		}, []int{1, 3}}, // the store never gives an id twice
		{"tick", func(st *store.Store, d coach.Date) error {
			_, err := st.Update(d, func(day *coach.Day) error {
				day.SetDone(coach.Stretching, true, time.Date(2026, 11, 26, 19, 0, 0, 0, time.UTC))
				return nil
			})
			return err
		}, []int{1}},
		{"day deleted", func(st *store.Store, d coach.Date) error { return st.DeleteDay(d) }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			day := undoDay(t, coach.Sport, coach.Strength)
			hs := newScreenHarness(t, "2026-11-26", []coach.Day{day}, 80, 24)
			other := otherProcess(t, hs)
			hs.send(editDayMsg{date: day.Date, step: 0})
			hs.press("d")
			if err := tt.other(other, day.Date); err != nil {
				t.Fatal(err)
			}
			before, _ := storedDay(t, hs, day.Date)
			hs.press("u")
			after, _ := storedDay(t, hs, day.Date)
			if !sameDay(after, before) {
				t.Fatalf("the refused undo wrote: stored %+v, want %+v", after, before)
			}
			if got := workoutIDs(after); !equalInts(got, tt.wantID) {
				t.Fatalf("stored workout ids = %v, want %v", got, tt.wantID)
			}
			hs.mustContain("not restored")
			hs.send(pollMsg{})
			if got := workoutIDs(hs.m.checkin.day); !equalInts(got, tt.wantID) {
				t.Fatalf("the screen shows workout ids %v, want the stored %v", got, tt.wantID)
			}
		})
	}
}

// TestRestoreWorkoutChecks: the undo's write applies only to the day as
// shown, and never gives an id twice.
func TestRestoreWorkoutChecks(t *testing.T) {
	shown := undoDay(t, coach.Sport) // workout 2 removed from it
	back := coach.Workout{ID: 2, Kind: coach.Strength, Minutes: 40, RPE: 4}
	taken := shown.Clone()
	taken.Workouts = append(taken.Workouts, coach.Workout{ID: 2, Kind: coach.Mobility, Minutes: 20, RPE: 2})
	moved := shown.Clone()
	moved.Note = "changed"
	tests := []struct {
		name    string
		stored  coach.Day
		wantErr bool
		wantIDs []int
	}{
		{"as shown", shown, false, []int{1, 2}},
		{"id taken again", taken, true, []int{1, 2}},
		{"note changed", moved, true, []int{1}},
		{"deleted", coach.Day{Date: shown.Date}, true, nil},
	}
	for _, tt := range tests {
		d := tt.stored.Clone()
		err := restoreWorkout(shown, back, 1)(&d)
		if gotErr := errors.Is(err, store.ErrChanged); gotErr != tt.wantErr {
			t.Errorf("%s: error %v, want ErrChanged %v", tt.name, err, tt.wantErr)
		}
		if tt.wantErr && !sameDay(d, tt.stored) {
			t.Errorf("%s: the refused restore changed the day: %+v", tt.name, d)
		}
		if got := workoutIDs(d); !equalInts(got, tt.wantIDs) {
			t.Errorf("%s: workout ids %v, want %v", tt.name, got, tt.wantIDs)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
