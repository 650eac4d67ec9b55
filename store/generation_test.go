package store

import (
	"testing"

	"cooldown/coach"
)

// TestGeneration pins that every change of days or settings moves the
// generation, UI state does not, and another Store on the same file sees
// the change.
func TestGeneration(t *testing.T) {
	s := openNew(t)
	other, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := date(t, "2026-11-25")
	gen := func() uint64 {
		t.Helper()
		g, err := other.Generation()
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	last := gen()
	steps := []struct {
		name    string
		do      func() error
		changes bool
	}{
		{"update", func() error { _, err := s.ToggleItem(d, coach.Berries, d.Time()); return err }, true},
		{"state", func() error { return s.SetState("theme", "dark") }, false},
		{"settings", func() error {
			return s.SetSettings(coach.Settings{SleepTargetHours: 8, DietMinGroups: 3, DayStartHour: 4})
		}, true},
		{"replace", func() error { return s.Replace(coach.DefaultSettings(), []coach.Day{fullDay(d.AddDays(-1))}) }, true},
		{"delete", func() error { return s.DeleteDay(d) }, true},
		{"failed update", func() error {
			_, err := s.SetWorkout(d, 0, coach.Workout{Kind: coach.Strength, Minutes: 0, RPE: 5})
			if err == nil {
				t.Fatal("a workout of 0 minutes was stored")
			}
			return nil
		}, false},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		g := gen()
		if moved := g != last; moved != st.changes {
			t.Errorf("%s: generation %d -> %d; want a change: %v", st.name, last, g, st.changes)
		}
		last = g
	}
	snap, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if snap.Generation != last {
		t.Errorf("Snapshot().Generation = %d, want %d", snap.Generation, last)
	}
}
