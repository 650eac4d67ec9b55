package coach

import (
	"strings"
	"testing"
)

func TestSleepAdvice(t *testing.T) {
	const today = "2026-11-26"
	s := DefaultSettings()
	with := func(ws ...Workout) []Day { return []Day{{Date: date(t, today), Workouts: ws}} }
	// rising: one session a week for 4 weeks, this week's load 1.4 times
	// the average: 210 / ((3*130 + 210) / 4).
	week := func(off, minutes int) Day {
		return Day{Date: date(t, today).AddDays(off), Workouts: []Workout{{Kind: Endurance, Minutes: minutes, RPE: 1}}}
	}
	rising := []Day{week(-27, 130), week(-20, 130), week(-13, 130), week(0, 210)}
	// spiky but meaningless: one session 27 days ago, one today (a
	// beginner's first two sessions): ratio 1.4 without a zone.
	beginner := []Day{week(-27, 260), week(0, 140)}
	tests := []struct {
		name       string
		days       []Day
		s          Settings
		wantHours  float64
		wantRaised bool
		wantReason string // substring; "" means Reason must be empty
	}{
		{"no history", nil, s, 7, false, ""},
		{"easy day", with(Workout{Kind: Endurance, Minutes: 40, RPE: 4}), s, 7, false, ""},
		{"strength at RPE 7", with(Workout{Kind: Strength, Minutes: 45, RPE: 7}), s, 8, true, "strength at RPE 7"},
		{"intervals at RPE 9", with(Workout{Kind: Mobility, Minutes: 10, RPE: 2}, Workout{Kind: Intervals, Minutes: 20, RPE: 9}), s, 8, true, "intervals at RPE 9"},
		{"strength at RPE 6", with(Workout{Kind: Strength, Minutes: 45, RPE: 6}), s, 7, false, ""},
		{"endurance at RPE 9, load 360", with(Workout{Kind: Endurance, Minutes: 40, RPE: 9}), s, 7, false, ""},
		{"day load 420", with(Workout{Kind: Endurance, Minutes: 70, RPE: 6}), s, 8, true, "load 420"},
		{"day load 419", with(Workout{Kind: Endurance, Minutes: 419, RPE: 1}), s, 7, false, ""},
		{"target already 9 h", with(Workout{Kind: Strength, Minutes: 45, RPE: 8}), Settings{9, 3, 4}, 9, false, "strength at RPE 8"},
		{"target 7.5 h", with(Workout{Kind: Strength, Minutes: 45, RPE: 8}), Settings{7.5, 3, 4}, 8, true, "strength"},
		{"ratio above 1.3", rising, s, 8, true, "load ratio 1.40"},
		{"ratio above 1.3 without a zone", beginner, s, 7, false, ""},
		{"hard day on a rest day is none", []Day{{Date: date(t, today), Done: Ticks{{Item: Massage}}}}, s, 7, false, ""},
		{"hard day before today does not count", []Day{{Date: date(t, "2026-11-25"), Workouts: []Workout{{Kind: Strength, Minutes: 60, RPE: 9}}}}, s, 7, false, ""},
		{"future hard day does not count", []Day{{Date: date(t, "2026-11-27"), Workouts: []Workout{{Kind: Strength, Minutes: 60, RPE: 9}}}}, s, 7, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SleepAdvice(tt.days, date(t, today), tt.s)
			if got.Hours != tt.wantHours || got.Raised != tt.wantRaised {
				t.Errorf("SleepAdvice = %+v, want %v h raised %v", got, tt.wantHours, tt.wantRaised)
			}
			if (tt.wantReason == "") != (got.Reason == "") || !strings.Contains(got.Reason, tt.wantReason) {
				t.Errorf("SleepAdvice reason = %q, want it to contain %q", got.Reason, tt.wantReason)
			}
		})
	}
}

func TestWakeTime(t *testing.T) {
	tests := []struct {
		bed   string
		hours float64
		want  string
	}{
		{"22:30", 7, "05:30"},
		{"23:00", 8, "07:00"},
		{"00:30", 7.5, "08:00"},
		{"21:15", 9.5, "06:45"},
		{"12:00", 0, "12:00"},
		{"22:00", 16, "14:00"},
	}
	for _, tt := range tests {
		bed, err := ParseClock(tt.bed)
		if err != nil {
			t.Fatal(err)
		}
		if got := WakeTime(bed, tt.hours).String(); got != tt.want {
			t.Errorf("WakeTime(%s, %v) = %s, want %s", tt.bed, tt.hours, got, tt.want)
		}
	}
}
