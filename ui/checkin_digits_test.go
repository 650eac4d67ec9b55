package ui

import (
	"testing"

	"cooldown/coach"
)

// TestDigitsChooseAndMoveOn: on the check-in's one-choice steps (workout
// kind, effort) a digit chooses, stores the choice and goes to the next
// step; on the checklist steps, with many choices, a digit does nothing
// (docs/keys.md, "Digits choose").
func TestDigitsChooseAndMoveOn(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	tests := []struct {
		name     string
		to       []string // keys from home to the step
		digit    string
		wantStep checkinStep
		check    func(d coach.Day) (got, want any)
	}{
		{"kind", []string{"enter"}, "3", stepMinutes, func(d coach.Day) (any, any) {
			return kindOf(d), coach.Endurance
		}},
		{"effort", []string{"enter", "1", "enter"}, "7", stepBloodFlow, func(d coach.Day) (any, any) {
			return rpeOf(d), 7
		}},
		{"effort 0 is 10", []string{"enter", "1", "enter"}, "0", stepBloodFlow, func(d coach.Day) (any, any) {
			return rpeOf(d), 10
		}},
		{"blood flow", []string{"enter", "1", "enter", "enter"}, "1", stepBloodFlow, func(d coach.Day) (any, any) {
			return len(d.Done), 0
		}},
		{"diet", []string{"enter", "1", "enter", "enter", "enter"}, "2", stepDiet, func(d coach.Day) (any, any) {
			return len(d.Done), 0
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newScreenHarness(t, today.String(), nil, 80, 24)
			hs.press(tt.to...)
			hs.press(tt.digit)
			if got := hs.m.checkin.step; got != tt.wantStep {
				t.Fatalf("step after %q = %v, want %v", tt.digit, got, tt.wantStep)
			}
			d, _ := storedDay(t, hs, today)
			if got, want := tt.check(d); got != want {
				t.Fatalf("stored after %q: got %v, want %v", tt.digit, got, want)
			}
		})
	}
}

func kindOf(d coach.Day) any {
	if len(d.Workouts) != 1 {
		return len(d.Workouts)
	}
	return d.Workouts[0].Kind
}

func rpeOf(d coach.Day) any {
	if len(d.Workouts) != 1 {
		return -len(d.Workouts)
	}
	return d.Workouts[0].RPE
}
