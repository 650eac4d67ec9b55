package interchange

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
)

func TestMapKinds(t *testing.T) {
	tests := []struct {
		sport, sub string
		want       coach.Kind
		known      bool
	}{
		// FIT sport and sub-sport names.
		{"running", "", coach.Endurance, true},
		{"cycling", "gravel_cycling", coach.Endurance, true},
		{"swimming", "lap_swimming", coach.Endurance, true},
		{"stand_up_paddleboarding", "", coach.Endurance, true},
		{"training", "strength_training", coach.Strength, true},
		{"training", "", coach.Strength, true},
		{"training", "cardio_training", coach.Endurance, true},
		{"fitness_equipment", "strength_training", coach.Strength, true},
		{"fitness_equipment", "elliptical", coach.Endurance, true},
		{"training", "yoga", coach.Mobility, true},
		{"fitness_equipment", "pilates", coach.Mobility, true},
		{"training", "flexibility_training", coach.Mobility, true},
		{"hiit", "", coach.Intervals, true},
		{"training", "hiit", coach.Intervals, true},
		{"hiit", "tabata", coach.Intervals, true},
		{"soccer", "", coach.Sport, true},
		{"racket", "padel", coach.Sport, true},
		{"rock_climbing", "bouldering", coach.Sport, true},
		{"mobility", "", coach.Mobility, true},
		// Not training.
		{"transition", "", notTraining, true},
		{"running", "bike_to_run_transition", notTraining, true},
		{"meditation", "", notTraining, true},
		{"training", "breathing", notTraining, true},
		{"driving", "", notTraining, true},
		// TCX.
		{"Running", "", coach.Endurance, true},
		{"Biking", "", coach.Endurance, true},
		{"Other", "", defaultKind, false},
		// Strava activity types.
		{"Weight Training", "", coach.Strength, true},
		{"Run", "", coach.Endurance, true},
		{"Virtual Ride", "", coach.Endurance, true},
		{"High Intensity Interval Training", "", coach.Intervals, true},
		{"Crossfit", "", coach.Intervals, true},
		{"Yoga", "", coach.Mobility, true},
		{"Rock Climb", "", coach.Sport, true},
		{"Workout", "", defaultKind, false},
		// Apple Health.
		{"HKWorkoutActivityTypeTraditionalStrengthTraining", "", coach.Strength, true},
		{"HKWorkoutActivityTypeFunctionalStrengthTraining", "", coach.Strength, true},
		{"HKWorkoutActivityTypeHighIntensityIntervalTraining", "", coach.Intervals, true},
		{"HKWorkoutActivityTypeRunning", "", coach.Endurance, true},
		{"HKWorkoutActivityTypeTennis", "", coach.Sport, true},
		{"HKWorkoutActivityTypeMindAndBody", "", coach.Mobility, true},
		{"HKWorkoutActivityTypeCooldown", "", coach.Mobility, true},
		{"HKWorkoutActivityTypeOther", "", defaultKind, false},
		// Unknown and generic.
		{"generic", "", defaultKind, false},
		{"", "", defaultKind, false},
		{"quidditch", "", defaultKind, false},
	}
	for _, tt := range tests {
		got, known := kindOf(tt.sport, tt.sub)
		if got != tt.want || known != tt.known {
			t.Errorf("kindOf(%q, %q) = %q, %v; want %q, %v", tt.sport, tt.sub, got, known, tt.want, tt.known)
		}
	}
	if defaultKind != coach.Endurance {
		t.Errorf("default kind %q, want endurance (the README says so)", defaultKind)
	}
}

// TestSportTablesValid: every kind in the tables is one of coach's five
// or the not-training mark.
func TestSportTablesValid(t *testing.T) {
	for _, m := range []map[string]coach.Kind{sportKinds, subSportKinds} {
		for name, k := range m {
			if k != notTraining && !k.Valid() {
				t.Errorf("%q maps to %q, not a coach kind", name, k)
			}
			if norm(name) != name {
				t.Errorf("table key %q is not normalised (%q)", name, norm(name))
			}
		}
	}
}

func TestMap(t *testing.T) {
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skipf("skipped: no zoneinfo for Europe/Berlin: %v", err)
	}
	base := Session{Source: SourceFIT, ID: "x", File: "a.fit", Sport: "running",
		Start: time.Date(2025, 3, 10, 6, 10, 0, 0, time.UTC), Timer: 52 * time.Minute, Elapsed: 60 * time.Minute, AvgHR: 150, MaxHR: 180}
	with := func(f func(*Session)) Session { s := base; f(&s); return s }
	tests := []struct {
		name    string
		s       Session
		loc     *time.Location
		date    string
		kind    coach.Kind
		minutes int
		rpe     int
		start   string
		note    string
		err     error
	}{
		{name: "moving time, not elapsed", s: base, loc: berlin, date: "2025-03-10", kind: coach.Endurance, minutes: 52, start: "2025-03-10T07:10:00+01:00"},
		{name: "rounded to the nearest minute", s: with(func(s *Session) { s.Timer = 52*time.Minute + 31*time.Second }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 53, start: "2025-03-10T06:10:00Z"},
		{name: "no moving time: elapsed, with a note", s: with(func(s *Session) { s.Timer = 0 }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 60, start: "2025-03-10T06:10:00Z", note: "elapsed time used"},
		{name: "under a minute dropped", s: with(func(s *Session) { s.Timer = 59 * time.Second }), loc: time.UTC, err: ErrTooShort},
		{name: "exactly a minute kept", s: with(func(s *Session) { s.Timer = time.Minute }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 1, start: "2025-03-10T06:10:00Z"},
		{name: "over 600 capped with a note", s: with(func(s *Session) { s.Timer = 734 * time.Minute }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 600, start: "2025-03-10T06:10:00Z", note: "recorded 734 minutes; capped at 600"},
		{name: "transition not training", s: with(func(s *Session) { s.Sport = "transition" }), loc: time.UTC, err: ErrNotTraining},
		{name: "meditation not training", s: with(func(s *Session) { s.Sport = "HKWorkoutActivityTypeMeditation" }), loc: time.UTC, err: ErrNotTraining},
		{name: "unknown sport: endurance with a note", s: with(func(s *Session) { s.Sport = "quidditch" }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 52, start: "2025-03-10T06:10:00Z", note: `sport "quidditch" is not in the table`},
		{name: "effort 7", s: with(func(s *Session) { s.RPE = 7 }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 52, rpe: 7, start: "2025-03-10T06:10:00Z"},
		{name: "effort 6.5 rounds to 7", s: with(func(s *Session) { s.RPE = 6.5 }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 52, rpe: 7, start: "2025-03-10T06:10:00Z"},
		{name: "effort 0.3 is at least 1", s: with(func(s *Session) { s.RPE = 0.3 }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 52, rpe: 1, start: "2025-03-10T06:10:00Z"},
		{name: "effort past 10 not taken", s: with(func(s *Session) { s.RPE = 12 }), loc: time.UTC, date: "2025-03-10", kind: coach.Endurance, minutes: 52, rpe: 0, start: "2025-03-10T06:10:00Z", note: "past the CR-10 scale"},
		// The day: from the local start and the day-start hour.
		{name: "01:30 local belongs to the evening before", s: with(func(s *Session) { s.Start = time.Date(2025, 3, 10, 0, 30, 0, 0, time.UTC) }), loc: berlin, date: "2025-03-09", kind: coach.Endurance, minutes: 52, start: "2025-03-10T01:30:00+01:00"},
		{name: "file offset wins over the machine zone", s: with(func(s *Session) {
			s.Start = time.Date(2025, 3, 10, 3, 30, 0, 0, time.UTC)
			s.Offset, s.OffsetFrom = -7*time.Hour, OffsetFIT
		}), loc: berlin, date: "2025-03-09", kind: coach.Endurance, minutes: 52, start: "2025-03-09T20:30:00-07:00"},
		{name: "the machine zone at that date (summer time)", s: with(func(s *Session) { s.Start = time.Date(2025, 7, 10, 2, 30, 0, 0, time.UTC) }), loc: berlin, date: "2025-07-10", kind: coach.Endurance, minutes: 52, start: "2025-07-10T04:30:00+02:00"},
		{name: "the same instant in winter is before 04:00", s: with(func(s *Session) { s.Start = time.Date(2025, 1, 10, 2, 30, 0, 0, time.UTC) }), loc: berlin, date: "2025-01-09", kind: coach.Endurance, minutes: 52, start: "2025-01-10T03:30:00+01:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Map(tt.s, tt.loc, 4)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("got error %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Map: %v", err)
			}
			if got.Date.String() != tt.date || got.Kind != tt.kind || got.Minutes != tt.minutes || got.RPE != tt.rpe || got.Start.Format(time.RFC3339) != tt.start {
				t.Errorf("got %s %s %d min RPE %d at %s; want %s %s %d min RPE %d at %s",
					got.Date, got.Kind, got.Minutes, got.RPE, got.Start.Format(time.RFC3339),
					tt.date, tt.kind, tt.minutes, tt.rpe, tt.start)
			}
			notes := strings.Join(got.Notes, "; ")
			if (tt.note == "") != (notes == "") || !strings.Contains(notes, tt.note) {
				t.Errorf("got notes %q, want one containing %q", notes, tt.note)
			}
			if got.Source != (Source{Kind: tt.s.Source, ID: tt.s.ID, File: tt.s.File}) || got.AvgHR != 150 || got.MaxHR != 180 || got.ZoneFrom != tt.s.OffsetFrom {
				t.Errorf("got source %+v, HR %d/%d, zone from %q; want the session's", got.Source, got.AvgHR, got.MaxHR, got.ZoneFrom)
			}
		})
	}
}

// TestFITRPE: FIT stores workout_rpe ten times the CR-10 value.
func TestFITRPE(t *testing.T) {
	for _, tt := range []struct {
		raw  uint8
		want float64
	}{{70, 7}, {0, 0}, {0xFF, 0}, {100, 10}, {10, 1}, {65, 6.5}} {
		if got := fitRPE(tt.raw); got != tt.want {
			t.Errorf("fitRPE(%d) = %v, want %v", tt.raw, got, tt.want)
		}
	}
}

func TestAsleep(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2025, 3, 10, h, m, 0, 0, time.UTC) }
	sleep := []Sleep{
		{Start: at(0, 0), End: at(2, 0), Source: "Watch"},
		{Start: at(1, 0), End: at(3, 0), Source: "iPhone"}, // overlaps: counted once
		{Start: at(4, 0), End: at(6, 30), Source: "Watch"},
		{Start: at(5, 0), End: at(6, 0), Source: "Watch"}, // inside the one before
	}
	tests := []struct {
		from, to time.Time
		want     time.Duration
	}{
		{at(0, 0), at(12, 0), 5*time.Hour + 30*time.Minute},
		{at(1, 30), at(5, 0), 2*time.Hour + 30*time.Minute},
		{at(7, 0), at(12, 0), 0},
	}
	for _, tt := range tests {
		if got := Asleep(sleep, tt.from, tt.to); got != tt.want {
			t.Errorf("Asleep(%s..%s) = %v, want %v", tt.from.Format("15:04"), tt.to.Format("15:04"), got, tt.want)
		}
	}
	if got := Asleep(nil, at(0, 0), at(1, 0)); got != 0 {
		t.Errorf("Asleep(nil) = %v, want 0", got)
	}
}
