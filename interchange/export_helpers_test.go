package interchange

// Helpers of the export and import tests, as store's tests had them.

import (
	"fmt"
	"testing"
	"time"

	"cooldown/coach"
)

func date(t testing.TB, s string) coach.Date {
	t.Helper()
	d, err := coach.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func ptr[T any](v T) *T { return &v }

// ticks returns the items of m ticked at their times, in checklist order.
func ticks(m map[coach.Item]time.Time) coach.Ticks {
	var t coach.Ticks
	for id, at := range m {
		t = t.Set(id, at)
	}
	return t
}

// withoutIDs returns days with their workouts' ids cleared, as export
// version 1 carries them.
func withoutIDs(days []coach.Day) []coach.Day {
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

// fullDay returns a day using every field; its workouts have the ids the
// store gives them.
func fullDay(d coach.Date) coach.Day {
	at := time.Date(d.Year, d.Month, d.Day, 19, 2, 0, 0, time.UTC)
	return coach.Day{
		Date:     d,
		Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 7}, {ID: 2, Kind: coach.Intervals, Minutes: 20, RPE: 9}},
		Done: ticks(map[coach.Item]time.Time{
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

// history returns n days, one every day ending at end, with varied fields.
func history(n int, end coach.Date) []coach.Day {
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

// doneAt returns when item was ticked on d, the zero time when it is not.
func doneAt(d coach.Day, item coach.Item) time.Time {
	at, _ := d.Done.At(item)
	return at
}
