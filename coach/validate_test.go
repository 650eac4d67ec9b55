package coach

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestValidate(t *testing.T) {
	base := func() Day {
		b := Clock(22*60 + 30)
		d := Day{
			Date:     Date{2026, time.November, 25},
			Workouts: []Workout{{Kind: Strength, Minutes: 60, RPE: 7}},
			Bedtime:  &b,
			Morning:  &Morning{SleepHours: 7.5, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4},
			Note:     "legs day",
		}
		d.SetDone(FoamRolling, true, doneAt)
		return d
	}
	tests := []struct {
		name      string
		edit      func(*Day)
		wantField string // "" means valid
		wantRange string
	}{
		{"complete day", func(*Day) {}, "", ""},
		{"day in progress", func(d *Day) { *d = Day{Date: d.Date} }, "", ""},
		{"RPE 11", func(d *Day) { d.Workouts[0].RPE = 11 }, "workouts[0].rpe", "allowed 1 to 10"},
		{"RPE 0", func(d *Day) { d.Workouts[0].RPE = 0 }, "workouts[0].rpe", "allowed 1 to 10"},
		{"minutes 0", func(d *Day) { d.Workouts[0].Minutes = 0 }, "workouts[0].minutes", "allowed 1 to 600"},
		{"minutes 700", func(d *Day) { d.Workouts[0].Minutes = 700 }, "workouts[0].minutes", "allowed 1 to 600"},
		{"minutes 600", func(d *Day) { d.Workouts[0].Minutes = 600 }, "", ""},
		{"second workout", func(d *Day) { d.Workouts = append(d.Workouts, Workout{Kind: Sport, Minutes: 30, RPE: 12}) }, "workouts[1].rpe", "allowed 1 to 10"},
		{"unknown kind", func(d *Day) { d.Workouts[0].Kind = "yoga" }, "workouts[0].kind", "allowed strength, intervals"},
		{"note of 2,001 characters", func(d *Day) { d.Note = strings.Repeat("é", 2001) }, "note", "at most 2000"},
		{"note of 2,000 characters", func(d *Day) { d.Note = strings.Repeat("é", 2000) }, "", ""},
		{"note not UTF-8", func(d *Day) { d.Note = "\xff" }, "note", "UTF-8"},
		{"fatigue 8", func(d *Day) { d.Morning.Fatigue = 8 }, "morning.fatigue", "allowed 1 to 7"},
		{"sleep quality 0", func(d *Day) { d.Morning.SleepQuality = 0 }, "morning.sleep_quality", "allowed 1 to 7"},
		{"stress 9", func(d *Day) { d.Morning.Stress = 9 }, "morning.stress", "allowed 1 to 7"},
		{"soreness -1", func(d *Day) { d.Morning.Soreness = -1 }, "morning.soreness", "allowed 1 to 7"},
		{"sleep hours 7.25", func(d *Day) { d.Morning.SleepHours = 7.25 }, "morning.sleep_hours", "steps of 0.5 from 0 to 16"},
		{"sleep hours 17", func(d *Day) { d.Morning.SleepHours = 17 }, "morning.sleep_hours", "allowed 0 to 16"},
		{"sleep hours -0.5", func(d *Day) { d.Morning.SleepHours = -0.5 }, "morning.sleep_hours", "allowed 0 to 16"},
		{"unknown item", func(d *Day) { d.SetDone("coffee", true, doneAt) }, "done", "not a checklist item"},
		{"bedtime 24:00", func(d *Day) { b := Clock(1440); d.Bedtime = &b }, "bedtime", "00:00 and 23:59"},
		{"February 30", func(d *Day) { d.Date = Date{2026, time.February, 30} }, "date", "YYYY-MM-DD"},
		{"zero date", func(d *Day) { d.Date = Date{} }, "date", "YYYY-MM-DD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.edit(&d)
			checkFieldError(t, d.Validate(), tt.wantField, tt.wantRange)
		})
	}
}

func checkFieldError(t *testing.T, err error, field, rng string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Errorf("error = %v, want none", err)
		}
		return
	}
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v, want a *FieldError for %s", err, field)
	}
	if fe.Field != field || !strings.Contains(fe.Error(), rng) || !strings.HasPrefix(fe.Error(), field+": ") {
		t.Errorf("error = %q (field %q), want field %q and %q", fe.Error(), fe.Field, field, rng)
	}
	checkRange(t, fe)
}

// checkRange: a value out of its range carries the value and the range's
// ends in Range, as its message says them; any other error has no Range.
func checkRange(t *testing.T, fe *FieldError) {
	t.Helper()
	switch {
	case fe.Range == nil && strings.Contains(fe.Msg, "out of range; allowed") && !strings.Contains(fe.Msg, ", or"):
		t.Errorf("error %q has no Range", fe.Error())
	case fe.Range != nil:
		want := fe.Range.Value + " is out of range; allowed " + fe.Range.Min + " to " + fe.Range.Max
		if !strings.HasPrefix(fe.Msg, want) {
			t.Errorf("error %q has Range %+v, want the message to start %q", fe.Error(), *fe.Range, want)
		}
	}
}

func TestValidateEntry(t *testing.T) {
	today := Date{2026, time.November, 26}
	tests := []struct {
		date      Date
		wantField string
		wantRange string
	}{
		{today, "", ""},
		{today.AddDays(-400), "", ""},
		{today.AddDays(1), "date", "allowed up to today, 2026-11-26"},
	}
	for _, tt := range tests {
		checkFieldError(t, Day{Date: tt.date}.ValidateEntry(today), tt.wantField, tt.wantRange)
	}
	// Validate alone (import) keeps future-dated days.
	if err := (Day{Date: today.AddDays(30)}).Validate(); err != nil {
		t.Errorf("Validate of a future day = %v, want nil (import keeps them)", err)
	}
	// ValidateEntry reports field errors before the date.
	checkFieldError(t, Day{Date: today, Workouts: []Workout{{Kind: Strength, Minutes: 0, RPE: 5}}}.ValidateEntry(today), "workouts[0].minutes", "allowed 1 to 600")
}

func TestSettingsValidate(t *testing.T) {
	tests := []struct {
		s         Settings
		wantField string
		wantRange string
	}{
		{DefaultSettings(), "", ""},
		{Settings{10, 9, 6}, "", ""},
		{Settings{6, 1, 0}, "", ""},
		{Settings{5.5, 3, 4}, "sleep_target_hours", "6 to 10"},
		{Settings{7.25, 3, 4}, "sleep_target_hours", "half hours"},
		{Settings{7, 0, 4}, "diet_min_groups", "allowed 1 to 9"},
		{Settings{7, 10, 4}, "diet_min_groups", "allowed 1 to 9"},
		{Settings{7, 3, 7}, "day_start_hour", "allowed 0 to 6"},
	}
	for _, tt := range tests {
		checkFieldError(t, tt.s.Validate(), tt.wantField, tt.wantRange)
	}
}
