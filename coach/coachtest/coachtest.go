// Package coachtest builds coach values for the tests of the packages that
// store and exchange them (store, interchange): one set of fixtures, so a
// day "using every field" means the same day everywhere.
package coachtest

import (
	"fmt"
	"time"

	"cooldown/coach"
)

// Ticks returns the ticks of m, each item at its instant.
func Ticks(m map[coach.Item]time.Time) coach.Ticks {
	var t coach.Ticks
	for id, at := range m {
		t = t.Set(id, at)
	}
	return t
}

func ptr[T any](v T) *T { return &v }

// WithoutIDs returns days with their workouts' ids cleared, as export
// version 1 carries them.
func WithoutIDs(days []coach.Day) []coach.Day {
	out := make([]coach.Day, len(days))
	for i, d := range days {
		d.Workouts = append([]coach.Workout(nil), d.Workouts...)
		for j := range d.Workouts {
			d.Workouts[j].ID = 0
		}
		out[i] = d
	}
	return out
}

// FullDay returns a day using every field; its workouts have the ids the
// store gives them.
func FullDay(d coach.Date) coach.Day {
	at := time.Date(d.Year, d.Month, d.Day, 19, 2, 0, 0, time.UTC)
	return coach.Day{
		Date:     d,
		Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 7}, {ID: 2, Kind: coach.Intervals, Minutes: 20, RPE: 9}},
		Done: Ticks(map[coach.Item]time.Time{
			coach.FoamRolling: at,
			coach.Berries:     at.Add(38*time.Minute + 10*time.Second),
			coach.OliveOil:    at.Add(time.Hour),
			coach.Ginger:      at.Add(2 * time.Hour),
		}),
		Bedtime: ptr(coach.Clock(22*60 + 30)),
		Morning: &coach.Morning{SleepHours: 7.5, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4},
		Note:    "legs day, \"heavy\"\nnext: \U0001F9B5 rest; fac\u0327ade \u00fc \u6f22\u5b57",
	}
}

// History returns n days, one every day ending at end, with varied fields.
func History(n int, end coach.Date) []coach.Day {
	days := make([]coach.Day, 0, n)
	for i := n - 1; i >= 0; i-- {
		d := end.AddDays(-i)
		at := time.Date(d.Year, d.Month, d.Day, 18, 30, 0, 0, time.UTC)
		day := coach.Day{
			Date:     d,
			Workouts: []coach.Workout{{ID: 1, Kind: coach.Kinds[i%len(coach.Kinds)], Minutes: 30 + i%90, RPE: 1 + i%10}},
		}
		for j, it := range coach.Items {
			if (i+j)%3 == 0 {
				day.SetDone(it.ID, true, at.Add(time.Duration(j)*time.Minute))
			}
		}
		if i%2 == 0 {
			day.Bedtime = ptr(coach.Clock(22*60 + i%60))
			day.Morning = &coach.Morning{SleepHours: float64(12+i%6) / 2, SleepQuality: 1 + i%7, Fatigue: 1 + (i/2)%7, Stress: 1 + (i/3)%7, Soreness: 1 + (i/5)%7}
		}
		if i%5 == 0 {
			day.Note = fmt.Sprintf("day %d: felt, \"ok\"", i)
		}
		days = append(days, day)
	}
	return days
}
