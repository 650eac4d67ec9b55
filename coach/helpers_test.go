package coach

import (
	"testing"
	"time"
)

// date parses a YYYY-MM-DD literal of a test.
func date(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

var doneAt = time.Date(2026, 1, 1, 19, 0, 0, 0, time.UTC)

// mkDay builds a training day of the given status under DefaultSettings:
// 'C' complete, 'P' pending (sleep not reported), 'X' partial (diet
// missed), 'S' partial because sleep was short, 'U' untracked (a device
// workout alone), '-' no day at all.
func mkDay(date Date, status byte) Day {
	d := Day{
		Date:     date,
		Workouts: []Workout{{Kind: Endurance, Minutes: 45, RPE: 5}},
	}
	if status == 'U' {
		d.Workouts = []Workout{deviceWorkout(date, 45, 5)}
	}
	switch status {
	case 'C', 'P', 'S':
		d.SetDone(Stretching, true, doneAt)
		d.SetDone(Berries, true, doneAt)
		d.SetDone(LeafyGreens, true, doneAt)
		d.SetDone(FattyFish, true, doneAt)
	case 'X':
		d.SetDone(Stretching, true, doneAt)
		d.SetDone(Berries, true, doneAt)
	}
	switch status {
	case 'C', 'X':
		d.Morning = &Morning{SleepHours: 7.5, SleepQuality: 2, Fatigue: 2, Stress: 2, Soreness: 2}
	case 'S':
		d.Morning = &Morning{SleepHours: 5, SleepQuality: 4, Fatigue: 3, Stress: 3, Soreness: 3}
	}
	return d
}

// history builds days from a pattern, one byte a date, the last byte
// dated last; '-' is a date without training. Spaces are ignored.
func history(t testing.TB, last string, pattern string) []Day {
	t.Helper()
	var p []byte
	for i := 0; i < len(pattern); i++ {
		if pattern[i] != ' ' {
			p = append(p, pattern[i])
		}
	}
	end := date(t, last)
	var out []Day
	for i, c := range p {
		if c == '-' {
			continue
		}
		out = append(out, mkDay(end.AddDays(i-(len(p)-1)), c))
	}
	return out
}

// deviceWorkout is a run from a FIT file on date at 07:10 UTC.
func deviceWorkout(date Date, minutes, rpe int) Workout {
	return Workout{
		Kind: Endurance, Minutes: minutes, RPE: rpe,
		Source: Source{Kind: "fit", ID: "run-" + date.String(), File: "run.fit"},
		Start:  StartAt(time.Date(date.Year, date.Month, date.Day, 7, 10, 0, 0, time.UTC)),
		AvgHR:  142, MaxHR: 171,
	}
}
