package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"cooldown/coach"

	bolt "go.etcd.io/bbolt"
)

func TestOpenCreatesDirectoryAndFilePrivate(t *testing.T) {
	p := dbPath(t)
	s, err := Open(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Path(); got != p {
		t.Errorf("Path() = %q, want %q", got, p)
	}
	for _, c := range []struct {
		path string
		want os.FileMode
	}{{filepath.Dir(p), 0o700}, {p, 0o600}} {
		fi, err := os.Stat(c.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != c.want {
			t.Errorf("mode of %s = %04o, want %04o", c.path, got, c.want)
		}
	}
	if s.ReadOnly() || len(s.Warnings()) != 0 {
		t.Errorf("new store: ReadOnly %v, Warnings %q; want false, none", s.ReadOnly(), s.Warnings())
	}
	// Every bucket and the schema version were written.
	db, err := bolt.Open(p, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_ = db.View(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if tx.Bucket(b) == nil {
				t.Errorf("bucket %s missing", b)
			}
		}
		if got := string(tx.Bucket(bucketMeta).Get(keySchema)); got != "1" {
			t.Errorf("schema = %q, want 1", got)
		}
		return nil
	})
}

func TestReopenKeepsData(t *testing.T) {
	s := openNew(t)
	d := fullDay(date(t, "2026-11-25"))
	if err := s.Replace(coach.DefaultSettings(), []coach.Day{d}); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, s.Path())
	s2, err := Open(s.Path(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if fileSum(t, s.Path()) != before {
		t.Error("opening a current database wrote to it")
	}
	got, err := s2.Day(d.Date)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, d) {
		t.Errorf("reopened day:\n got %+v\nwant %+v", got, d)
	}
}

func TestDayNotFound(t *testing.T) {
	s := openNew(t)
	_, err := s.Day(date(t, "2026-01-01"))
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Day of empty store: %v, want ErrNotFound", err)
	}
	if err := s.DeleteDay(date(t, "2026-01-01")); !errors.Is(err, ErrNotFound) {
		t.Errorf("DeleteDay of missing day: %v, want ErrNotFound", err)
	}
}

func TestDayHelpers(t *testing.T) {
	s := openNew(t)
	day := date(t, "2026-11-25")
	at := time.Date(2026, 11, 25, 19, 2, 3, 999, time.FixedZone("X", 3600))

	d, err := s.SetWorkout(day, 0, coach.Workout{Kind: coach.Strength, Minutes: 60, RPE: 7})
	if err != nil {
		t.Fatal(err)
	}
	if want := []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 7}}; !reflect.DeepEqual(d.Workouts, want) {
		t.Errorf("after SetWorkout(0): %v, want %v", d.Workouts, want)
	}
	d, _ = s.SetWorkout(day, 1, coach.Workout{Kind: coach.Sport, Minutes: 30, RPE: 4})
	d, _ = s.SetWorkout(day, 0, coach.Workout{Kind: coach.Endurance, Minutes: 90, RPE: 5})
	// Replacing a workout by position keeps its id; an appended one gets
	// the next.
	if want := []coach.Workout{{ID: 1, Kind: coach.Endurance, Minutes: 90, RPE: 5}, {ID: 2, Kind: coach.Sport, Minutes: 30, RPE: 4}}; !reflect.DeepEqual(d.Workouts, want) {
		t.Errorf("after replace and append: %v, want %v", d.Workouts, want)
	}
	if _, err := s.SetWorkout(day, 3, coach.Workout{Kind: coach.Sport, Minutes: 30, RPE: 4}); err == nil {
		t.Error("SetWorkout past the end: no error")
	}
	_, err = s.SetWorkout(day, 2, coach.Workout{Kind: coach.Sport, Minutes: 30, RPE: 11})
	var fe *coach.FieldError
	if !errors.As(err, &fe) || fe.Field != "workouts[2].rpe" {
		t.Errorf("RPE 11: %v, want a FieldError on workouts[2].rpe", err)
	}
	d, _ = s.RemoveWorkout(day, 0)
	if want := []coach.Workout{{ID: 2, Kind: coach.Sport, Minutes: 30, RPE: 4}}; !reflect.DeepEqual(d.Workouts, want) {
		t.Errorf("after RemoveWorkout(0): %v, want %v", d.Workouts, want)
	}
	if _, err := s.RemoveWorkout(day, 5); err == nil {
		t.Error("RemoveWorkout(5): no error")
	}

	d, _ = s.ToggleItem(day, coach.Berries, at)
	if got, want := doneAt(d, coach.Berries), time.Date(2026, 11, 25, 18, 2, 3, 0, time.UTC); !got.Equal(want) || got.Location() != time.UTC {
		t.Errorf("ticked at %v, want %v in UTC (to the second)", got, want)
	}
	d, _ = s.ToggleItem(day, coach.Berries, at)
	if d.IsDone(coach.Berries) {
		t.Error("second toggle did not untick")
	}
	if _, err := s.ToggleItem(day, coach.Item("chocolate"), at); err == nil {
		t.Error("unknown item: no error")
	}

	m := &coach.Morning{SleepHours: 7.5, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4}
	d, _ = s.SetMorning(day, m)
	m.Fatigue = 7 // the store keeps its own copy
	if d.Morning == nil || d.Morning.Fatigue != 3 {
		t.Errorf("morning = %+v, want fatigue 3", d.Morning)
	}
	if _, err := s.SetMorning(day, &coach.Morning{SleepHours: 7.25, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4}); err == nil {
		t.Error("sleep 7.25: no error")
	}
	d, _ = s.SetBedtime(day, ptr(coach.Clock(22*60+30)))
	if d.Bedtime == nil || d.Bedtime.String() != "22:30" {
		t.Errorf("bedtime = %v, want 22:30", d.Bedtime)
	}
	d, _ = s.SetNote(day, "legs")
	if d.Note != "legs" {
		t.Errorf("note = %q", d.Note)
	}
	if _, err := s.SetNote(day, strings.Repeat("x", 2001)); err == nil {
		t.Error("note of 2001 characters: no error")
	}

	stored, err := s.Day(day)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored, d) {
		t.Errorf("Day() = %+v, want the last returned %+v", stored, d)
	}
	d, _ = s.SetMorning(day, nil)
	d, _ = s.SetBedtime(day, nil)
	if d.Morning != nil || d.Bedtime != nil {
		t.Errorf("clearing: morning %v bedtime %v, want nil", d.Morning, d.Bedtime)
	}
	if err := s.DeleteDay(day); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Day(day); !errors.Is(err, ErrNotFound) {
		t.Errorf("after DeleteDay: %v, want ErrNotFound", err)
	}
}

func TestUpdateErrorWritesNothing(t *testing.T) {
	s := openNew(t)
	day := date(t, "2026-11-25")
	boom := errors.New("boom")
	_, err := s.Update(day, func(d *coach.Day) error {
		d.Note = "half done"
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("Update error = %v, want boom", err)
	}
	if _, err := s.Day(day); !errors.Is(err, ErrNotFound) {
		t.Errorf("failed Update created the day: %v", err)
	}
	if _, err := s.Update(day, func(d *coach.Day) error { d.Date = d.Date.AddDays(1); return nil }); err == nil {
		t.Error("Update moving the date: no error")
	}
}

func TestDaysAndDaysBetween(t *testing.T) {
	s := openNew(t)
	end := date(t, "2026-03-01")
	hist := history(40, end)
	// Stored out of order: Days still returns them oldest first.
	rev := append([]coach.Day(nil), hist...)
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	if err := s.Replace(coach.DefaultSettings(), rev); err != nil {
		t.Fatal(err)
	}
	all, err := s.Days()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(all, hist) {
		t.Fatalf("Days() differs from what was stored (%d days, want %d)", len(all), len(hist))
	}
	tests := []struct {
		from, to string
		want     []coach.Day
	}{
		{"2026-02-27", "2026-03-01", hist[37:]},
		{"2026-02-28", "2026-02-28", hist[38:39]},
		{"2000-01-01", "2026-01-21", hist[:1]},
		{"2026-03-02", "2027-01-01", nil},
		{"2026-03-01", "2026-02-01", nil},
	}
	for _, tc := range tests {
		got, err := s.DaysBetween(date(t, tc.from), date(t, tc.to))
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tc.want) || (len(got) > 0 && !reflect.DeepEqual(got, tc.want)) {
			t.Errorf("DaysBetween(%s, %s): %d days, want %d", tc.from, tc.to, len(got), len(tc.want))
		}
	}
}

func TestSnapshotSettingsState(t *testing.T) {
	s := openNew(t)
	st, err := s.Settings()
	if err != nil || st != coach.DefaultSettings() {
		t.Errorf("Settings() of new store = %+v, %v; want defaults", st, err)
	}
	custom := coach.Settings{SleepTargetHours: 8.5, DietMinGroups: 4, DayStartHour: 3}
	if err := s.SetSettings(custom); err != nil {
		t.Fatal(err)
	}
	if err := s.SetSettings(coach.Settings{SleepTargetHours: 11, DietMinGroups: 4, DayStartHour: 3}); err == nil {
		t.Error("sleep target 11: no error")
	}
	if got, _ := s.Settings(); got != custom {
		t.Errorf("Settings() = %+v, want %+v", got, custom)
	}
	if v, err := s.State("theme"); v != "" || err != nil {
		t.Errorf("unset State = %q, %v; want \"\", nil", v, err)
	}
	for k, v := range map[string]string{"theme": "dark", "checkin.step": "3", "guide.pos": "sleep:120"} {
		if err := s.SetState(k, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetState("", "x"); err == nil {
		t.Error("empty state key: no error")
	}
	if v, _ := s.State("checkin.step"); v != "3" {
		t.Errorf("State(checkin.step) = %q, want 3", v)
	}
	if err := s.SetState("guide.pos", ""); err != nil {
		t.Fatal(err)
	}
	d, _ := s.ToggleItem(date(t, "2026-11-25"), coach.Ginger, time.Unix(1_800_000_000, 0))
	snap, err := s.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	// Two writes of data (the settings, the tick); state writes do not count.
	want := Snapshot{Settings: custom, Days: []coach.Day{d}, State: map[string]string{"theme": "dark", "checkin.step": "3"}, Generation: 2}
	if !reflect.DeepEqual(snap, want) {
		t.Errorf("Snapshot:\n got %+v\nwant %+v", snap, want)
	}
}

func TestValuesAreCopiedOut(t *testing.T) {
	s := openNew(t)
	day := fullDay(date(t, "2026-11-25"))
	if err := s.Replace(coach.DefaultSettings(), []coach.Day{day}); err != nil {
		t.Fatal(err)
	}
	mutate := func(d *coach.Day) {
		d.Workouts[0].RPE = 1
		d.Done[0].At = time.Unix(0, 0)
		*d.Bedtime = 0
		d.Morning.Fatigue = 7
	}
	got, _ := s.Day(day.Date)
	mutate(&got)
	all, _ := s.Days()
	mutate(&all[0])
	snap, _ := s.Snapshot()
	mutate(&snap.Days[0])
	back, err := s.Day(day.Date)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, day) {
		t.Errorf("mutating returned days changed the store:\n got %+v\nwant %+v", back, day)
	}
}
