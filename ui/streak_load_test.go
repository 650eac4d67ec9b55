package ui

import (
	"strings"
	"testing"

	"cooldown/coach"

	"github.com/charmbracelet/x/ansi"
)

// TestStreakLoadFigures: the streak screen shows the load figures of
// status --json (one coach.Load): no chronic number before 28 days since
// the first training day, chronic 0 after a long gap, and a zone only when
// the coach's rule gives one.
func TestStreakLoadFigures(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	session := func(off, minutes int) coach.Day {
		return coach.Day{Date: today.AddDays(off), Workouts: []coach.Workout{{ID: 1, Kind: coach.Endurance, Minutes: minutes, RPE: 5}}}
	}
	var steady []coach.Day
	for off := -27; off <= 0; off += 2 {
		steady = append(steady, session(off, 30))
	}
	tests := []struct {
		name    string
		days    []coach.Day
		want    []string
		wantNot []string
	}{
		{"one week of history", []coach.Day{session(-6, 30), session(-3, 30), session(0, 30)},
			[]string{"acute 450", "chronic not yet", "ratio needs 28 days"}, []string{"chronic 0", "steady", "spike"}},
		{"nothing in 28 days", []coach.Day{session(-40, 30)},
			[]string{"acute 0", "chronic 0", "no ratio"}, []string{"spike"}},
		{"a return after a break", []coach.Day{session(-40, 30), session(-27, 40), session(-1, 30), session(0, 30)},
			[]string{"chronic 125", "ratio 2.40", "no zone yet: build up gradually"}, []string{"spike", "rising"}},
		{"steady weeks", steady, []string{"chronic 525", "ratio 0.86 steady"}, []string{"no zone"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newScreenHarness(t, today.String(), tt.days, 120, 40)
			hs.open(screenStreak)
			hs.mustContain(tt.want...)
			view := ansi.Strip(hs.view())
			for _, w := range tt.wantNot {
				if strings.Contains(view, w) {
					t.Errorf("streak screen shows %q:\n%s", w, view)
				}
			}
		})
	}
}
