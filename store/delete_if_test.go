package store

import (
	"errors"
	"fmt"
	"testing"

	"cooldown/coach"
)

// TestDeleteDayIf: the check sees the day as stored now (a change another
// store made after the caller read it included) and decides whether the
// delete happens; a refusal writes nothing.
func TestDeleteDayIf(t *testing.T) {
	d := date(t, "2026-11-20")
	for _, tc := range []struct {
		name       string
		other      func(s *Store) // another process, after the day was shown
		wantErr    error
		wantStored bool
	}{
		{"unchanged", func(*Store) {}, nil, false},
		{"changed elsewhere", func(s *Store) {
			if _, err := s.SetNote(d, "written by another process"); err != nil {
				t.Fatal(err)
			}
		}, ErrChanged, true},
		{"deleted elsewhere", func(s *Store) {
			if err := s.DeleteDay(d); err != nil {
				t.Fatal(err)
			}
		}, ErrNotFound, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := openNew(t)
			b, err := Open(a.Path(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			shown, err := a.Update(d, func(day *coach.Day) error {
				day.Workouts = []coach.Workout{{Kind: coach.Strength, Minutes: 40, RPE: 6}}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			genBefore, _ := a.Generation()
			tc.other(b)
			genShown, _ := a.Generation()
			called := 0
			err = a.DeleteDayIf(d, func(stored coach.Day) error {
				called++
				if stored.Note != shown.Note || len(stored.Workouts) != len(shown.Workouts) {
					return fmt.Errorf("day %s: %w", d, ErrChanged)
				}
				return nil
			})
			if !errors.Is(err, tc.wantErr) || (tc.wantErr == nil) != (err == nil) {
				t.Fatalf("DeleteDayIf: %v, want %v", err, tc.wantErr)
			}
			if tc.wantErr == ErrNotFound && called != 0 {
				t.Errorf("check called %d times on a missing day, want 0", called)
			}
			_, err = a.Day(d)
			if stored := err == nil; stored != tc.wantStored {
				t.Errorf("day stored after DeleteDayIf = %v, want %v (%v)", stored, tc.wantStored, err)
			}
			gen, _ := a.Generation()
			if deleted := tc.wantErr == nil; deleted != (gen != genShown) {
				t.Errorf("generation %d -> %d (first %d); want a bump only when the day was deleted", genShown, gen, genBefore)
			}
			checkDB(t, a.Path())
		})
	}
}

// TestDeleteDayIfReadOnly: a read-only store refuses with ErrReadOnly and
// never runs the check.
func TestDeleteDayIfReadOnly(t *testing.T) {
	a := openNew(t)
	d := date(t, "2026-11-20")
	if _, err := a.SetNote(d, "kept"); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(a.Path(), Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	err = ro.DeleteDayIf(d, func(coach.Day) error { t.Error("check ran on a read-only store"); return nil })
	if !errors.Is(err, ErrReadOnly) {
		t.Errorf("DeleteDayIf on a read-only store: %v, want ErrReadOnly", err)
	}
}
