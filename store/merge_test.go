package store

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// run is a device workout on date at 07:10 UTC from source kind/id.
func run(date coach.Date, kind, id string, minutes, rpe int, shift time.Duration) IncomingWorkout {
	return IncomingWorkout{Date: date, Workout: coach.Workout{
		Kind: coach.Endurance, Minutes: minutes, RPE: rpe,
		Source: coach.Source{Kind: kind, ID: id, File: id + "." + kind},
		Start:  coach.StartAt(time.Date(date.Year, date.Month, date.Day, 7, 10, 0, 0, time.UTC).Add(shift)),
		AvgHR:  140, MaxHR: 170,
	}}
}

// fitFile is a file of n runs on the n days ending 2026-11-25.
func fitFile(n int) Incoming {
	var in Incoming
	end := fixtureDate("2026-11-25")
	for i := range n {
		d := end.AddDays(-i)
		in.Workouts = append(in.Workouts, run(d, "fit", fmt.Sprint("fit-", i), 50, 0, 0))
	}
	return in
}

func merge(t *testing.T, s *Store, in Incoming) MergeCounts {
	t.Helper()
	c, err := s.MergeImported(in)
	if err != nil {
		t.Fatalf("MergeImported: %v", err)
	}
	return c
}

func TestMergeAgainAddsNothing(t *testing.T) {
	s := openNew(t)
	if got, want := merge(t, s, fitFile(14)), (MergeCounts{New: 14}); got != want {
		t.Errorf("first import %+v, want %+v", got, want)
	}
	before, _ := s.Days()
	if got, want := merge(t, s, fitFile(14)), (MergeCounts{Already: 14}); got != want {
		t.Errorf("import again %+v, want %+v (0 new, 14 already there)", got, want)
	}
	after, _ := s.Days()
	if !reflect.DeepEqual(before, after) {
		t.Error("importing again changed the stored days")
	}
	for _, d := range after {
		if len(d.Workouts) != 1 || d.Workouts[0].ID != 1 || d.Workouts[0].RPE != 0 || !d.Untracked() {
			t.Errorf("day %s: %+v; want one untracked device workout, id 1, effort not yet given", d.Date, d.Workouts)
		}
	}
}

// TestMergeDuplicateRules: the same session from two sources is one
// workout; a typed workout of the same kind and about the same minutes
// holds the import back; a value the person entered is never changed.
func TestMergeDuplicateRules(t *testing.T) {
	day := fixtureDate("2026-11-25")
	typed := coach.Workout{Kind: coach.Endurance, Minutes: 55, RPE: 6}
	tests := []struct {
		name      string
		stored    []coach.Workout // typed workouts stored first
		first     []IncomingWorkout
		second    IncomingWorkout
		want      MergeCounts // of the second file
		workouts  int
		held      int
		wantTyped bool // the typed workout is unchanged
	}{
		{"FIT, then its Strava row", nil, []IncomingWorkout{run(day, "fit", "a", 50, 0, 0)}, run(day, "strava", "9", 48, 7, 90*time.Second), MergeCounts{Already: 1}, 1, 0, false},
		{"Apple Health, then a watch file", nil, []IncomingWorkout{run(day, "apple-health", "u", 50, 0, 0)}, run(day, "fit", "b", 54, 0, -2*time.Minute), MergeCounts{Already: 1}, 1, 0, false},
		{"start 3 minutes apart: two sessions", nil, []IncomingWorkout{run(day, "fit", "a", 50, 0, 0)}, run(day, "strava", "9", 50, 0, 3*time.Minute), MergeCounts{New: 1}, 2, 0, false},
		{"minutes 20 % apart: two sessions", nil, []IncomingWorkout{run(day, "fit", "a", 50, 0, 0)}, run(day, "strava", "9", 40, 0, 0), MergeCounts{New: 1}, 2, 0, false},
		{"typed by hand: held back", []coach.Workout{typed}, nil, run(day, "fit", "a", 50, 0, 0), MergeCounts{Held: 1}, 1, 1, true},
		{"typed, other kind: added", []coach.Workout{{Kind: coach.Strength, Minutes: 50, RPE: 6}}, nil, run(day, "fit", "a", 50, 0, 0), MergeCounts{New: 1}, 2, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openNew(t)
			if tt.stored != nil {
				if _, err := s.Update(day, func(d *coach.Day) error { d.Workouts = tt.stored; return nil }); err != nil {
					t.Fatal(err)
				}
			}
			merge(t, s, Incoming{Workouts: tt.first})
			if got := merge(t, s, Incoming{Workouts: []IncomingWorkout{tt.second}}); got != tt.want {
				t.Errorf("second file %+v, want %+v", got, tt.want)
			}
			d, err := s.Day(day)
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Workouts) != tt.workouts || len(d.Held) != tt.held {
				t.Errorf("stored %d workouts, %d held; want %d, %d", len(d.Workouts), len(d.Held), tt.workouts, tt.held)
			}
			if tt.wantTyped {
				w := d.Workouts[0]
				w.ID = 0
				if w != tt.stored[0] {
					t.Errorf("typed workout %+v, want %+v unchanged", w, tt.stored[0])
				}
			}
			if tt.held > 0 {
				q := coach.SameSessionQuestions([]coach.Day{d}, day)
				if len(q) != 1 || q[0].Typed.ID != 1 {
					t.Fatalf("same-session questions %+v, want one about workout 1", q)
				}
				got, err := s.AnswerSameSession(day, 1, q[0].Held.Source, true)
				if err != nil {
					t.Fatal(err)
				}
				if w := got.Workouts[0]; len(got.Held) != 0 || w.Minutes != 55 || w.RPE != 6 || w.Source != q[0].Held.Source {
					t.Errorf("after the answer %+v; want the typed workout with the file's source", got)
				}
				if c := merge(t, s, Incoming{Workouts: []IncomingWorkout{tt.second}}); c != (MergeCounts{Already: 1}) {
					t.Errorf("import after the answer %+v, want already there", c)
				}
			}
		})
	}
}

// TestDeletedStaysDeleted: a device workout the person removed (one
// workout, or the whole day) is never imported again, and a deleted day
// is no day to readers.
func TestDeletedStaysDeleted(t *testing.T) {
	day := fixtureDate("2026-11-25")
	in := Incoming{Workouts: []IncomingWorkout{run(day, "fit", "a", 50, 0, 0), run(day, "fit", "b", 20, 0, 5*time.Hour)}}
	tests := []struct {
		name   string
		remove func(*Store) error
		want   MergeCounts
		left   int // workouts of the day after the import
	}{
		{"one workout by id", func(s *Store) error { _, err := s.RemoveWorkoutID(day, 1); return err }, MergeCounts{Already: 1, Deleted: 1}, 1},
		{"one workout through Update", func(s *Store) error {
			_, err := s.Update(day, func(d *coach.Day) error { d.Workouts = d.Workouts[1:]; return nil })
			return err
		}, MergeCounts{Already: 1, Deleted: 1}, 1},
		{"by position", func(s *Store) error { _, err := s.RemoveWorkout(day, 0); return err }, MergeCounts{Already: 1, Deleted: 1}, 1},
		{"the whole day", func(s *Store) error { return s.DeleteDay(day) }, MergeCounts{Deleted: 2}, -1},
		{"the whole day, confirmed", func(s *Store) error {
			return s.DeleteDayIf(day, func(coach.Day) error { return nil })
		}, MergeCounts{Deleted: 2}, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openNew(t)
			merge(t, s, in)
			if err := tt.remove(s); err != nil {
				t.Fatal(err)
			}
			if got := merge(t, s, in); got != tt.want {
				t.Errorf("import again %+v, want %+v", got, tt.want)
			}
			d, err := s.Day(day)
			if tt.left < 0 {
				if !errors.Is(err, ErrNotFound) {
					t.Errorf("Day of a deleted day: %+v, %v; want ErrNotFound", d, err)
				}
				if days, _ := s.Days(); len(days) != 0 {
					t.Errorf("Days holds %+v, want none", days)
				}
				if err := s.DeleteDay(day); !errors.Is(err, ErrNotFound) {
					t.Errorf("deleting it again: %v, want ErrNotFound", err)
				}
			} else if err != nil || len(d.Workouts) != tt.left {
				t.Errorf("day %+v, %v; want %d workouts", d, err, tt.left)
			}
			if probs, err := s.Check(); err != nil || len(probs) != 0 {
				t.Errorf("Check: %v, %v; want a clean file", probs, err)
			}
			// A day typed later on that date keeps the memory.
			if _, err := s.SetNote(day, "typed later"); err != nil {
				t.Fatal(err)
			}
			if got := merge(t, s, in); got.New != 0 {
				t.Errorf("import after a new note %+v, want nothing new", got)
			}
		})
	}
}

func TestReplaceKeepsDeletedSources(t *testing.T) {
	s := openNew(t)
	day := fixtureDate("2026-11-25")
	in := Incoming{Workouts: []IncomingWorkout{run(day, "fit", "a", 50, 0, 0)}}
	merge(t, s, in)
	if _, err := s.RemoveWorkoutID(day, 1); err != nil {
		t.Fatal(err)
	}
	if err := s.Replace(coach.DefaultSettings(), []coach.Day{{Date: day, Note: "from an export"}}); err != nil {
		t.Fatal(err)
	}
	if got := merge(t, s, in); got != (MergeCounts{Deleted: 1}) {
		t.Errorf("import after Replace %+v, want deleted before", got)
	}
}

func TestMergeSleep(t *testing.T) {
	day := fixtureDate("2026-11-25")
	rated := &coach.Morning{SleepHours: 6, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4}
	tests := []struct {
		name    string
		morning *coach.Morning
		nights  map[coach.Date]time.Duration
		want    *coach.Morning
		sleep   int
	}{
		{"fills the training day", nil, map[coach.Date]time.Duration{day: 7*time.Hour + 40*time.Minute}, &coach.Morning{SleepHours: 7.5, HoursOnly: true}, 1},
		{"never over an answer", rated, map[coach.Date]time.Duration{day: 8 * time.Hour}, rated, 0},
		{"a night without a training day", nil, map[coach.Date]time.Duration{day.AddDays(-3): 8 * time.Hour}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openNew(t)
			merge(t, s, Incoming{Workouts: []IncomingWorkout{run(day, "fit", "a", 50, 0, 0)}})
			if tt.morning != nil {
				if _, err := s.SetMorning(day, tt.morning); err != nil {
					t.Fatal(err)
				}
			}
			if got := merge(t, s, Incoming{Nights: tt.nights}); got.Sleep != tt.sleep {
				t.Errorf("sleep filled %d, want %d", got.Sleep, tt.sleep)
			}
			d, _ := s.Day(day)
			if !reflect.DeepEqual(d.Morning, tt.want) {
				t.Errorf("morning %+v, want %+v", d.Morning, tt.want)
			}
			if days, _ := s.Days(); len(days) != 1 {
				t.Errorf("%d days stored, want 1 (a night alone makes no day)", len(days))
			}
		})
	}
}

// TestMergeAllOrNothing: one bad workout refuses the whole file.
func TestMergeAllOrNothing(t *testing.T) {
	s := openNew(t)
	in := fitFile(3)
	in.Workouts[2].Workout.Minutes = 0
	if _, err := s.MergeImported(in); err == nil {
		t.Fatal("MergeImported of a workout of 0 minutes: nil error")
	} else {
		var fe *coach.FieldError
		if !errors.As(err, &fe) || fe.Field != "workouts[0].minutes" {
			t.Errorf("error %v, want the field workouts[0].minutes", err)
		}
	}
	if days, _ := s.Days(); len(days) != 0 {
		t.Errorf("%d days written, want none", len(days))
	}
}

// TestOldRecordsMerge: a version 1 or 2 record takes an import and is
// written as version 3 with its ids kept.
func TestOldRecordsMerge(t *testing.T) {
	for _, f := range []string{"record-v1-full.bin", "record-v2-full.bin"} {
		t.Run(f, func(t *testing.T) {
			s := openNew(t)
			day := fixtureDate("2026-11-25")
			putRaw(t, s, day, readFixture(t, f))
			old, err := s.Day(day)
			if err != nil {
				t.Fatal(err)
			}
			if got := merge(t, s, Incoming{Workouts: []IncomingWorkout{run(day, "fit", "a", 30, 0, 0)}}); got != (MergeCounts{New: 1}) {
				t.Errorf("merge %+v, want 1 new", got)
			}
			d, _ := s.Day(day)
			if len(d.Workouts) != 3 || !reflect.DeepEqual(d.Workouts[:2], old.Workouts) || d.Workouts[2].ID != 3 {
				t.Errorf("workouts %+v; want the old two kept and the new one as id 3", d.Workouts)
			}
			if raw := getRaw(t, s, day); raw[0] != recordVersion {
				t.Errorf("record version %d after the write, want %d", raw[0], recordVersion)
			}
		})
	}
}

// putRaw stores the record b under date, as an older cooldown wrote it.
func putRaw(t *testing.T, s *Store, date coach.Date, b []byte) {
	t.Helper()
	db, err := bolt.Open(s.Path(), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketDays).Put([]byte(date.String()), b) }); err != nil {
		t.Fatal(err)
	}
}

// getRaw returns the stored record of date.
func getRaw(t *testing.T, s *Store, date coach.Date) []byte {
	t.Helper()
	v, _ := rawRecord(t, s.Path(), date.String())
	return v
}

// TestSetWorkoutKeepsTheSource: editing a device workout's effort by
// position keeps its source, so the file does not import it again.
func TestSetWorkoutKeepsTheSource(t *testing.T) {
	s := openNew(t)
	day := fixtureDate("2026-11-25")
	in := Incoming{Workouts: []IncomingWorkout{run(day, "fit", "a", 50, 0, 0)}}
	merge(t, s, in)
	d, err := s.SetWorkout(day, 0, coach.Workout{Kind: coach.Endurance, Minutes: 50, RPE: 6})
	if err != nil {
		t.Fatal(err)
	}
	if w := d.Workouts[0]; w.RPE != 6 || w.Source != in.Workouts[0].Workout.Source || !w.Start.Equal(in.Workouts[0].Workout.Start) {
		t.Errorf("after the edit %+v; want effort 6 and the file's source and start", w)
	}
	if got := merge(t, s, in); got != (MergeCounts{Already: 1}) {
		t.Errorf("import again %+v, want already there", got)
	}
}

// TestRemovingTheTypedWorkoutDropsItsQuestion: the person removed the
// typed workout an import was held back for: the question goes, and the
// held session is remembered as deleted with it.
func TestRemovingTheTypedWorkoutDropsItsQuestion(t *testing.T) {
	s := openNew(t)
	day := fixtureDate("2026-11-25")
	if _, err := s.Update(day, func(d *coach.Day) error {
		d.Workouts = []coach.Workout{{Kind: coach.Endurance, Minutes: 50, RPE: 6}, {Kind: coach.Strength, Minutes: 30, RPE: 7}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	in := Incoming{Workouts: []IncomingWorkout{run(day, "fit", "a", 50, 0, 0)}}
	if got := merge(t, s, in); got != (MergeCounts{Held: 1}) {
		t.Fatalf("merge %+v, want held", got)
	}
	d, err := s.RemoveWorkoutID(day, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Held) != 0 {
		t.Errorf("held %+v after the typed workout was removed, want none", d.Held)
	}
	if got := merge(t, s, in); got != (MergeCounts{Deleted: 1}) {
		t.Errorf("import again %+v, want deleted before", got)
	}
}
