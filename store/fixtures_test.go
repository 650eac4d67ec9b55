package store

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"cooldown/coach"
)

// The on-disk format is pinned by byte-exact files in testdata/format: a
// day record of each record version and a small database file of each
// schema version. They were written once by this file with -update and
// committed; the tests only read them. A change made to the encoder and
// the decoder alike cannot pass them, since the bytes are old.
//
// -update writes only the fixtures that are missing: a fixture of an old
// version must never be rewritten by a newer encoder. To renew one on
// purpose, delete it and run
//
//	go test ./store -run 'TestFormat' -update
var update = flag.Bool("update", false, "write the missing fixtures in testdata/format")

const formatDir = "testdata/format"

// recordFixture is a day record in a file, with the day it holds.
type recordFixture struct {
	file    string
	version byte // the record version of the file
	day     coach.Day
	lastID  int            // the highest workout id the day ever gave (0: the largest it holds)
	deleted []coach.Source // the deleted sources the record remembers
}

func fixtureDate(s string) coach.Date {
	d, err := coach.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// recordFixtures lists the record fixtures. A version 1 record reads with
// its workouts numbered 1 to n in order.
func recordFixtures() []recordFixture {
	full := fullDay(fixtureDate("2026-11-25"))
	gaps := coach.Day{Date: fixtureDate("2026-11-27"), Workouts: []coach.Workout{
		{ID: 7, Kind: coach.Sport, Minutes: 45, RPE: 6},
		{ID: 3, Kind: coach.Mobility, Minutes: 600, RPE: 1},
		{ID: 200, Kind: coach.Endurance, Minutes: 1, RPE: 10},
	}}
	return []recordFixture{
		{"record-v1-full.bin", 1, full, 0, nil},
		{"record-v1-empty.bin", 1, coach.Day{Date: fixtureDate("2026-11-26")}, 0, nil},
		{"record-v2-full.bin", 2, full, 0, nil},
		{"record-v2-empty.bin", 2, coach.Day{Date: fixtureDate("2026-11-26")}, 0, nil},
		{"record-v2-id-gaps.bin", 2, gaps, 0, nil},
		{"record-v2-last-id.bin", 2, gaps, 250, nil},
		{"record-v3-full.bin", 3, full, 0, nil},
		{"record-v3-empty.bin", 3, coach.Day{Date: fixtureDate("2026-11-26")}, 0, nil},
		{"record-v3-device.bin", 3, deviceDay(), 9, []coach.Source{{Kind: "strava", ID: "1234567890"}, {Kind: "apple-health", ID: "7C1Dé"}}},
	}
}

// deviceDay is a day using every field of record version 3: device
// workouts (effort given and not yet given, heart rate, a start east and
// west of UTC), a typed workout with a held device workout, and hours
// slept without the ratings.
func deviceDay() coach.Day {
	d := fixtureDate("2026-11-28")
	return coach.Day{
		Date: d,
		Workouts: []coach.Workout{
			{ID: 2, Kind: coach.Endurance, Minutes: 52, RPE: 0,
				Source: coach.Source{Kind: "fit", ID: "1101374452", File: "garmin/2026-11-28-07-10.fit"},
				Start:  coach.StartAt(time.Date(2026, 11, 28, 7, 10, 3, 0, time.FixedZone("", 3600))),
				AvgHR:  142, MaxHR: 171},
			{ID: 5, Kind: coach.Strength, Minutes: 40, RPE: 8},
			{ID: 6, Kind: coach.Sport, Minutes: 600, RPE: 10,
				Source: coach.Source{Kind: "strava", ID: "99", File: "activities.csv"},
				Start:  coach.StartAt(time.Date(2026, 11, 28, 18, 0, 0, 0, time.FixedZone("", -5*3600-1800)))},
		},
		Morning: &coach.Morning{SleepHours: 6.5, HoursOnly: true},
		Held: []coach.Held{{Typed: 5, Workout: coach.Workout{Kind: coach.Strength, Minutes: 41,
			Source: coach.Source{Kind: "apple-health", ID: "A1", File: "export.zip"},
			Start:  coach.StartAt(time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)), MaxHR: 150}}},
	}
}

// dbFixture is a database file with everything it holds.
type dbFixture struct {
	file     string
	schema   int
	settings coach.Settings
	days     []coach.Day
	state    map[string]string
	gen      uint64
}

// v0Records are the days of the schema 0 fixture, as that schema wrote
// them (JSON, ticks without times).
var v0Records = map[string]string{
	"2026-11-24": `{"workouts":[{"kind":"strength","minutes":60,"rpe":7},{"kind":"mobility","minutes":15,"rpe":2}],"done":["berries","foam-rolling"],"bedtime":"22:30","morning":{"sleep_hours":7.5,"sleep_quality":2,"fatigue":3,"stress":2,"soreness":4},"note":"legs"}`,
	"2026-11-25": `{"workouts":[],"done":[]}`,
	"2026-11-26": `{"workouts":[{"kind":"endurance","minutes":90,"rpe":5}],"done":["ginger"],"note":"r\u00e9cup\u00e9ration \ud83e\uddb5"}`,
}

func dbFixtures() []dbFixture {
	noon := func(d string) time.Time { return fixtureDate(d).Time() } // noon UTC, as migrated
	full := fullDay(fixtureDate("2026-11-25"))
	return []dbFixture{{
		file:     "schema0.db",
		schema:   0,
		settings: coach.DefaultSettings(),
		days: []coach.Day{{
			Date: fixtureDate("2026-11-24"),
			Workouts: []coach.Workout{
				{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 7},
				{ID: 2, Kind: coach.Mobility, Minutes: 15, RPE: 2},
			},
			Done:    ticks(map[coach.Item]time.Time{coach.Berries: noon("2026-11-24"), coach.FoamRolling: noon("2026-11-24")}),
			Bedtime: ptr(coach.Clock(22*60 + 30)),
			Morning: &coach.Morning{SleepHours: 7.5, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4},
			Note:    "legs",
		}, {
			Date: fixtureDate("2026-11-25"),
		}, {
			Date:     fixtureDate("2026-11-26"),
			Workouts: []coach.Workout{{ID: 1, Kind: coach.Endurance, Minutes: 90, RPE: 5}},
			Done:     ticks(map[coach.Item]time.Time{coach.Ginger: noon("2026-11-26")}),
			Note:     "récupération \U0001F9B5",
		}},
		state: map[string]string{},
	}, {
		// Record version 1 (no workout ids) in schema 1.
		file:     "schema1.db",
		schema:   1,
		settings: coach.Settings{SleepTargetHours: 8.5, DietMinGroups: 4, DayStartHour: 3},
		days: []coach.Day{
			{Date: fixtureDate("2026-11-23"), Note: "rest day, note only"},
			full,
			{Date: fixtureDate("2026-11-26"), Workouts: []coach.Workout{{ID: 1, Kind: coach.Sport, Minutes: 45, RPE: 6}}},
		},
		state: map[string]string{"theme": "dark", "guide": "sleep#3"},
		gen:   2, // Replace, then SetSettings
	}, {
		// Record version 2 (workout ids) in schema 1.
		file:     "schema1-record2.db",
		schema:   1,
		settings: coach.Settings{SleepTargetHours: 7.5, DietMinGroups: 2, DayStartHour: 5},
		days: []coach.Day{
			full,
			{Date: fixtureDate("2026-11-26"), Workouts: []coach.Workout{
				{ID: 4, Kind: coach.Intervals, Minutes: 25, RPE: 9},
				{ID: 2, Kind: coach.Strength, Minutes: 40, RPE: 7},
			}},
		},
		state: map[string]string{"checkin": "3"},
		gen:   2,
	}}
}

// writeFixture writes data to the fixture file name unless it exists.
func writeFixture(t *testing.T, name string, data []byte) {
	t.Helper()
	p := filepath.Join(formatDir, name)
	if _, err := os.Stat(p); err == nil {
		return
	}
	if err := os.MkdirAll(formatDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", p)
}

// makeDBFixture builds the database of f with the code of its schema.
func makeDBFixture(t *testing.T, f dbFixture) []byte {
	t.Helper()
	p := filepath.Join(t.TempDir(), f.file)
	switch f.schema {
	case 0:
		writeV0(t, p, v0Records)
	case 1:
		s, err := Open(p, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Replace(coach.DefaultSettings(), f.days); err != nil {
			t.Fatal(err)
		}
		if err := s.SetSettings(f.settings); err != nil {
			t.Fatal(err)
		}
		for k, v := range f.state {
			if err := s.SetState(k, v); err != nil {
				t.Fatal(err)
			}
		}
	default:
		t.Fatalf("no generator for schema %d", f.schema)
	}
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// readFixture returns the bytes of a committed fixture.
func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(formatDir, name))
	if err != nil {
		t.Fatalf("fixture %s: %v (write it once with -update)", name, err)
	}
	return b
}

// copyFixture copies a committed database fixture into a fresh directory
// (mode 0600) and returns its path: tests never open testdata itself.
func copyFixture(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "data", name)
	if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, readFixture(t, name), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFormatRecords decodes each committed record to its day, and the
// current version's day encodes to exactly the committed bytes.
func TestFormatRecords(t *testing.T) {
	for _, f := range recordFixtures() {
		t.Run(f.file, func(t *testing.T) {
			if *update && f.version == recordVersion {
				b, err := encodeRecord(nil, f.day, f.lastID, f.deleted)
				if err != nil {
					t.Fatal(err)
				}
				writeFixture(t, f.file, b)
			}
			b := readFixture(t, f.file)
			if len(b) == 0 || b[0] != f.version {
				t.Fatalf("fixture starts with %v, want record version %d", b[:min(1, len(b))], f.version)
			}
			got, x, err := decodeRecordExtra(nil, f.day.Date, b)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			last := x.last
			if !reflect.DeepEqual(x.deleted, f.deleted) {
				t.Errorf("decoded deleted sources %+v, want %+v", x.deleted, f.deleted)
			}
			if err := got.Validate(); err != nil {
				t.Errorf("decoded day is not valid: %v", err)
			}
			if !reflect.DeepEqual(got, f.day) {
				t.Errorf("decoded\n got %+v\nwant %+v", got, f.day)
			}
			if wantLast := max(f.lastID, maxID(f.day)); last != wantLast {
				t.Errorf("decoded last workout id %d, want %d", last, wantLast)
			}
			if f.version != recordVersion {
				return
			}
			enc, err := encodeRecord(nil, f.day, f.lastID, f.deleted)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(enc, b) {
				t.Errorf("encoded\n got %x\nwant %x", enc, b)
			}
		})
	}
}

// TestFormatDatabases reads each committed database file (a copy of it)
// and finds exactly the days, settings, state and generation it holds.
func TestFormatDatabases(t *testing.T) {
	for _, f := range dbFixtures() {
		t.Run(f.file, func(t *testing.T) {
			if *update {
				writeFixture(t, f.file, makeDBFixture(t, f))
			}
			p := copyFixture(t, f.file)
			s, err := Open(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			snap, err := s.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(snap.Days, f.days) {
				t.Errorf("days\n got %+v\nwant %+v", snap.Days, f.days)
			}
			if snap.Settings != f.settings {
				t.Errorf("settings = %+v, want %+v", snap.Settings, f.settings)
			}
			if !reflect.DeepEqual(snap.State, f.state) {
				t.Errorf("state = %v, want %v", snap.State, f.state)
			}
			if snap.Generation != f.gen {
				t.Errorf("generation = %d, want %d", snap.Generation, f.gen)
			}
		})
	}
}

// maxID returns the largest workout id d holds, 0 without workouts.
func maxID(d coach.Day) int {
	m := 0
	for _, w := range d.Workouts {
		m = max(m, w.ID)
	}
	return m
}

// TestFormatDeletedDay pins the record left in place of a deleted day
// that remembers deleted sources.
func TestFormatDeletedDay(t *testing.T) {
	const file = "record-deleted-day.bin"
	want := []coach.Source{{Kind: "fit", ID: "1101374452"}, {Kind: "tcx", ID: "2026-11-28T07:10:03Z"}}
	if *update {
		writeFixture(t, file, encodeDeletedDay(want))
	}
	b := readFixture(t, file)
	got, err := decodeDeletedDay(b)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("decoded %+v, want %+v", got, want)
	}
	if enc := encodeDeletedDay(want); !bytes.Equal(enc, b) {
		t.Errorf("encoded\n got %x\nwant %x", enc, b)
	}
}
