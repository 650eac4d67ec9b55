package coach

import (
	"math"
	"slices"
	"testing"
)

func TestFind(t *testing.T) {
	days := history(t, "2026-11-26", "C-X--PC")
	for _, tt := range []struct {
		date string
		ok   bool
	}{{"2026-11-20", true}, {"2026-11-21", false}, {"2026-11-22", true}, {"2026-11-26", true}, {"2026-11-27", false}, {"2026-01-01", false}} {
		d, ok := Find(days, date(t, tt.date))
		if ok != tt.ok || (ok && d.Date.String() != tt.date) {
			t.Errorf("Find(%s) = %v, %v; want ok %v", tt.date, d.Date, ok, tt.ok)
		}
	}
	if _, ok := Find(nil, date(t, "2026-11-26")); ok {
		t.Errorf("Find in no days ok, want false")
	}
}

func TestSummarize(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	tests := []struct {
		name    string
		days    []Day
		status  Status
		streak  Streak
		train   int
		open    []string
		message string
	}{
		{"no history", nil, StatusNone, Streak{}, 0, nil, "welcome"},
		{"no day today", history(t, "2026-11-25", "CCP"), StatusNone, Streak{2, 2, 1}, 3, []string{"2026-11-25"}, "steady"},
		{"today in progress", history(t, "2026-11-26", "CCX"), StatusPartial, Streak{2, 2, 1}, 3, nil, "today-diet"},
		{"today pending", history(t, "2026-11-26", "CCP"), StatusPending, Streak{2, 2, 1}, 3, nil, "today-pending"},
		{"future days ignored", history(t, "2026-11-28", "CCXX"), StatusComplete, Streak{2, 2, 1}, 2, nil, "steady"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Summarize(tt.days, today, s)
			var open []string
			for _, d := range got.OpenQuestions {
				open = append(open, d.String())
			}
			if got.Today != today || got.TodayStatus != tt.status || got.Streak != tt.streak || got.TrainingDays != tt.train ||
				!slices.Equal(open, tt.open) || got.Message.ID != tt.message {
				t.Errorf("Summarize = today %v status %v streak %+v training %d open %v message %q;\nwant today %v status %v streak %+v training %d open %v message %q",
					got.Today, got.TodayStatus, got.Streak, got.TrainingDays, open, got.Message.ID,
					today, tt.status, tt.streak, tt.train, tt.open, tt.message)
			}
			// The summary agrees with the separate rules.
			if want := Streaks(tt.days, today, s); got.Streak != want {
				t.Errorf("Summary.Streak = %+v, Streaks = %+v", got.Streak, want)
			}
			if want := RecoveryStrength(tt.days, today, s); got.Strength != want || got.StrengthPercent != int(math.Round(want)) {
				t.Errorf("Summary.Strength = %v (%d %%), RecoveryStrength = %v", got.Strength, got.StrengthPercent, want)
			}
			if want := Loads(tt.days, today); got.Load != want {
				t.Errorf("Summary.Load = %+v, Loads = %+v", got.Load, want)
			}
			if want := SleepAdvice(tt.days, today, s); got.SleepAdvice != want {
				t.Errorf("Summary.SleepAdvice = %+v, SleepAdvice = %+v", got.SleepAdvice, want)
			}
			if want := Advise(tt.days, today, s); got.Message != want {
				t.Errorf("Summary.Message = %+v, Advise = %+v", got.Message, want)
			}
		})
	}
}

// tenYears builds 3,650 consecutive training days ending today: complete,
// except pending on every date whose index ends in 5 (i%10 == 5) and
// partial on every hundredth (i%100 == 99); 20 minutes at RPE 5 each (load
// 100). Three partial days dated after today are appended.
func tenYears(t testing.TB, today Date) []Day {
	days := make([]Day, 0, 3653)
	for i := 0; i < 3650; i++ {
		c := byte('C')
		switch {
		case i%100 == 99:
			c = 'X'
		case i%10 == 5:
			c = 'P'
		}
		d := mkDay(today.AddDays(i-3649), c)
		d.Workouts[0].Minutes = 20
		days = append(days, d)
	}
	for i := 1; i <= 3; i++ {
		days = append(days, mkDay(today.AddDays(i), 'X'))
	}
	return days
}

func TestTenYears(t *testing.T) {
	s := DefaultSettings()
	today := date(t, "2026-11-26")
	days := tenYears(t, today)
	got := Summarize(days, today, s)

	// Runs between partial days are 99 dates, 10 of them pending: 89
	// complete. The last run is 3600 to 3649: 50 dates, 5 pending.
	wantStreak := Streak{Current: 45, Longest: 89}
	// Every ISO week from the first date's to today's has complete days;
	// count them with the time package.
	type isoWeek struct{ y, w int }
	weeks := map[isoWeek]bool{}
	for d := days[0].Date; !d.After(today); d = d.AddDays(1) {
		y, w := d.Time().ISOWeek()
		weeks[isoWeek{y, w}] = true
	}
	wantStreak.Week = len(weeks)
	if got.Streak != wantStreak {
		t.Errorf("Streak = %+v, want %+v", got.Streak, wantStreak)
	}
	if got.TrainingDays != 3650 {
		t.Errorf("TrainingDays = %d, want 3650", got.TrainingDays)
	}
	wantLoad := Load{Acute: 700, Chronic: 700, HasChronic: true, Ratio: 1, HasRatio: true, HasZone: true, Zone: ZoneSteady}
	if got.Load != wantLoad {
		t.Errorf("Load = %+v, want %+v", got.Load, wantLoad)
	}
	// Strength: the last run of 45 complete days after a partial day, from
	// a value v0 that itself is the fixed point of the repeating pattern.
	// Compute it independently: 36 identical 100-date blocks reach the
	// fixed point within 1e-12; then 45 complete steps.
	q := 1 - strengthAlpha
	v := 0.0
	for block := 0; block < 36; block++ {
		v = v*math.Pow(q, 89) + (1 - math.Pow(q, 89)) // 89 complete
		v *= q                                        // 1 partial
	}
	v = v*math.Pow(q, 45) + (1 - math.Pow(q, 45))
	if math.Abs(got.Strength-100*v) > 1e-9 {
		t.Errorf("Strength = %.12f, want %.12f", got.Strength, 100*v)
	}
	if math.Abs(got.Strength-99.52475) > 1e-5 || got.StrengthPercent != 100 {
		t.Errorf("Strength = %v (%d %%), want 99.52475 (100 %%)", got.Strength, got.StrengthPercent)
	}
	if len(got.OpenQuestions) != 1 || got.OpenQuestions[0] != today.AddDays(-4) {
		t.Errorf("OpenQuestions = %v, want [%v]", got.OpenQuestions, today.AddDays(-4))
	}
	if got.TodayStatus != StatusComplete || got.Message.ID != "steady" {
		t.Errorf("today %v, message %q; want complete, steady", got.TodayStatus, got.Message.ID)
	}
	if got.SleepAdvice != (SleepGoal{Hours: 7}) {
		t.Errorf("SleepAdvice = %+v, want 7 h not raised", got.SleepAdvice)
	}
	loads := DailyLoads(days, today, 28)
	if len(loads) != 28 || slices.Min(loads) != 100 || slices.Max(loads) != 100 {
		t.Errorf("DailyLoads = %v, want 28 x 100", loads)
	}
}
