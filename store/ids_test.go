package store

import (
	"bytes"
	"errors"
	"reflect"
	"strconv"
	"testing"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

// rawRecord returns the stored bytes of key and the schema version.
func rawRecord(t *testing.T, path, key string) ([]byte, string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v []byte
	var schema string
	_ = db.View(func(tx *bolt.Tx) error {
		v = append([]byte(nil), tx.Bucket(bucketDays).Get([]byte(key))...)
		schema = string(tx.Bucket(bucketMeta).Get(keySchema))
		return nil
	})
	return v, schema
}

// TestOldRecordsGainIDsOnNextWrite: a version 1 record reads with ids 1
// to n and is written as version 2 with those ids on its next write; the
// other records stay version 1 and the schema is not migrated.
func TestOldRecordsGainIDsOnNextWrite(t *testing.T) {
	p := copyFixture(t, "schema1.db")
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	untouched, _ := rawRecord(t, p, "2026-11-26")
	d, err := s.Update(fixtureDate("2026-11-25"), func(d *coach.Day) error {
		i := d.WorkoutIndex(2)
		if i < 0 {
			t.Fatalf("no workout with id 2 in %+v", d.Workouts)
		}
		d.Workouts[i].Minutes = 25
		d.Workouts = append(d.Workouts, coach.Workout{Kind: coach.Mobility, Minutes: 10, RPE: 2})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []coach.Workout{
		{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 7},
		{ID: 2, Kind: coach.Intervals, Minutes: 25, RPE: 9},
		{ID: 3, Kind: coach.Mobility, Minutes: 10, RPE: 2},
	}
	if !reflect.DeepEqual(d.Workouts, want) {
		t.Errorf("workouts = %+v, want %+v", d.Workouts, want)
	}
	rec, schema := rawRecord(t, p, "2026-11-25")
	if rec[0] != recordVersion || schema != strconv.Itoa(SchemaVersion) {
		t.Errorf("written record version %d, schema %s; want %d, %d", rec[0], schema, recordVersion, SchemaVersion)
	}
	if now, _ := rawRecord(t, p, "2026-11-26"); !bytes.Equal(now, untouched) || now[0] != recordVersionNoIDs {
		t.Errorf("a record not written changed: %x, was %x", now, untouched)
	}
}

// TestWorkoutIDs: ids are kept, a workout without one gets the largest id
// plus one, and ids that cannot be stored are refused.
func TestWorkoutIDs(t *testing.T) {
	s := openNew(t)
	day := fixtureDate("2026-11-25")
	w := func(id int, m int) coach.Workout { return coach.Workout{ID: id, Kind: coach.Sport, Minutes: m, RPE: 5} }
	tests := []struct {
		name string
		set  []coach.Workout
		want []coach.Workout
		err  bool
	}{
		{"new ones numbered", []coach.Workout{w(0, 1), w(0, 2)}, []coach.Workout{w(1, 1), w(2, 2)}, false},
		{"kept, new after the largest", []coach.Workout{w(5, 1), w(0, 2), w(2, 3)}, []coach.Workout{w(5, 1), w(6, 2), w(2, 3)}, false},
		{"twice", []coach.Workout{w(3, 1), w(3, 2)}, nil, true},
		{"negative", []coach.Workout{w(-1, 1)}, nil, true},
		{"too many", make([]coach.Workout, MaxWorkoutsPerDay+1), nil, true},
	}
	for _, tc := range tests {
		if tc.name == "too many" {
			for i := range tc.set {
				tc.set[i] = w(0, 1)
			}
		}
		got, err := s.Update(day, func(d *coach.Day) error { d.Workouts = tc.set; return nil })
		if tc.err {
			if err == nil {
				t.Errorf("%s: no error", tc.name)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got.Workouts, tc.want) {
			t.Errorf("%s: %+v, %v; want %+v", tc.name, got.Workouts, err, tc.want)
		}
	}
}

// TestDecodeRefusesBadIDs: a version 2 record with id 0 or an id twice is
// damaged, not read with made-up ids.
func TestDecodeRefusesBadIDs(t *testing.T) {
	for name, b := range map[string][]byte{
		"id 0":  {recordVersion, 1, 0, 1, 10, 5, 0, 0},
		"twice": {recordVersion, 2, 4, 1, 10, 5, 4, 1, 10, 5, 0, 0},
	} {
		if _, err := decodeDay(fixtureDate("2026-11-25"), b); !errors.Is(err, errRecord) {
			t.Errorf("%s: err = %v, want a record error", name, err)
		}
	}
}

// TestEditByIDKeepsTheOtherProcesssWorkout: the fault issue 12 point 5
// names. A screen shows workout id 1; meanwhile another process puts a
// new workout first. An edit by position would change the other process's
// workout (now at index 0); by id it changes exactly the one shown.
func TestEditByIDKeepsTheOtherProcesssWorkout(t *testing.T) {
	a := openNew(t)
	b, err := Open(a.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	day := fixtureDate("2026-11-25")
	shown, _ := a.Update(day, func(d *coach.Day) error {
		d.Workouts = []coach.Workout{{Kind: coach.Strength, Minutes: 60, RPE: 7}}
		return nil
	})
	id := shown.Workouts[0].ID
	// The other process replaces the day's list, putting its new workout first.
	_, _ = b.Update(day, func(d *coach.Day) error {
		d.Workouts = append([]coach.Workout{{Kind: coach.Endurance, Minutes: 30, RPE: 4}}, d.Workouts...)
		return nil
	})
	got, err := a.Update(day, func(d *coach.Day) error {
		i := d.WorkoutIndex(id)
		if i < 0 {
			return errors.New("gone")
		}
		d.Workouts[i].RPE = 8
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []coach.Workout{
		{ID: 2, Kind: coach.Endurance, Minutes: 30, RPE: 4},
		{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 8},
	}
	if !reflect.DeepEqual(got.Workouts, want) {
		t.Errorf("workouts = %+v, want %+v", got.Workouts, want)
	}
}

// TestImportGivesNewIDs: days without ids (export version 1 carries
// none) are numbered 1 to n by Replace.
func TestImportGivesNewIDs(t *testing.T) {
	s := openNew(t)
	d := fullDay(fixtureDate("2026-11-25"))
	d.Workouts[0].ID, d.Workouts[1].ID = 9, 4
	if err := s.Replace(coach.DefaultSettings(), withoutIDs([]coach.Day{d})); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Day(d.Date)
	if got.Workouts[0].ID != 1 || got.Workouts[1].ID != 2 {
		t.Errorf("imported ids %d, %d; want 1, 2", got.Workouts[0].ID, got.Workouts[1].ID)
	}
}

// TestRemovedIDsAreNeverGivenAgain: removing the newest workout frees its
// id, but the day remembers it, so a workout added later gets a new one and
// a screen that still names the removed workout can never edit the new
// one. The mark survives other writes and reads back from the record.
func TestRemovedIDsAreNeverGivenAgain(t *testing.T) {
	s, err := Open(t.TempDir()+"/c.db", Options{})
	if err != nil {
		t.Fatal(err)
	}
	date := fixtureDate("2026-11-25")
	add := func(mins int) func(*coach.Day) error {
		return func(d *coach.Day) error {
			d.Workouts = append(d.Workouts, coach.Workout{Kind: coach.Sport, Minutes: mins, RPE: 5})
			return nil
		}
	}
	ids := func(d coach.Day) []int {
		var out []int
		for _, w := range d.Workouts {
			out = append(out, w.ID)
		}
		return out
	}
	steps := []struct {
		name   string
		change func(*coach.Day) error
		want   []int
	}{
		{"two added", func(d *coach.Day) error { _ = add(1)(d); return add(2)(d) }, []int{1, 2}},
		{"the newest removed", func(d *coach.Day) error { d.Workouts = d.Workouts[:1]; return nil }, []int{1}},
		{"a note written", func(d *coach.Day) error { d.Note = "between"; return nil }, []int{1}},
		{"one added after", add(3), []int{1, 3}},
		{"every workout removed", func(d *coach.Day) error { d.Workouts = nil; return nil }, nil},
		{"one added to the rest day", add(4), []int{4}},
	}
	for _, st := range steps {
		d, err := s.Update(date, st.change)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if got := ids(d); !reflect.DeepEqual(got, st.want) {
			t.Errorf("%s: ids %v, want %v", st.name, got, st.want)
		}
		v, _ := rawRecord(t, s.Path(), "2026-11-25")
		if _, last, err := decodeRecord(nil, date, v); err != nil || last < 4 && st.name == "one added to the rest day" {
			t.Errorf("%s: record reads last id %d, %v", st.name, last, err)
		}
	}
}
