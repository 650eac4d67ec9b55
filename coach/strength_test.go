package coach

import (
	"math"
	"strings"
	"testing"
)

func TestStrengthAlpha(t *testing.T) {
	if got := math.Pow(1-strengthAlpha, StrengthHalfLife); math.Abs(got-0.5) > 1e-12 {
		t.Errorf("(1-alpha)^13 = %v, want 0.5", got)
	}
}

func TestRecoveryStrength(t *testing.T) {
	s := DefaultSettings()
	rise := func(n int) float64 { return 100 * (1 - math.Pow(1-strengthAlpha, float64(n))) }
	tests := []struct {
		name    string
		pattern string // last byte dated today
		want    float64
	}{
		{"no history", "", 0},
		{"one complete day", "C", rise(1)},
		{"13 complete days", strings.Repeat("C", 13), 50},
		{"26 complete days", strings.Repeat("C", 26), 75},
		{"n complete days rise as 1-(1-alpha)^n", strings.Repeat("C", 40), rise(40)},
		{"rest days do not decay", strings.Repeat("C-", 13), 50},
		{"pending days leave it unchanged", strings.Repeat("CP", 13), 50},
		{"today in progress leaves it unchanged", strings.Repeat("C", 13) + "X", 50},
		{"today pending leaves it unchanged", strings.Repeat("C", 13) + "P", 50},
		{"one partial after 13 complete", strings.Repeat("C", 13) + "X-", 50 * (1 - strengthAlpha)},
		{"partials from zero stay zero", "XXXX-", 0},
		// Half-life: from (near) 100 %, 13 partial days halve the score.
		{"13 partial days after 400 complete", strings.Repeat("C", 400) + strings.Repeat("X", 13) + "-", rise(400) / 2},
		{"26 partial days after 400 complete", strings.Repeat("C", 400) + strings.Repeat("X", 26) + "-", rise(400) / 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := history(t, "2026-11-26", tt.pattern)
			got := RecoveryStrength(days, date(t, "2026-11-26"), s)
			if math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("RecoveryStrength = %.10f, want %.10f", got, tt.want)
			}
			if got < 0 || got > 100 {
				t.Errorf("RecoveryStrength = %v, want 0 to 100", got)
			}
		})
	}
}

func TestRecoveryStrengthHalfLifeRounded(t *testing.T) {
	// From 100 % (rounded) after 13 partial days it shows 50 %.
	s := DefaultSettings()
	days := history(t, "2026-11-26", strings.Repeat("C", 1000)+strings.Repeat("X", 13)+"-")
	sum := Summarize(days, date(t, "2026-11-26"), s)
	before := Summarize(days, date(t, "2026-11-26").AddDays(-14), s)
	if before.StrengthPercent != 100 || sum.StrengthPercent != 50 {
		t.Errorf("strength before and after 13 partial days = %d %%, %d %%; want 100 %%, 50 %%", before.StrengthPercent, sum.StrengthPercent)
	}
}

func TestRecoveryStrengthIgnoresFuture(t *testing.T) {
	s := DefaultSettings()
	days := history(t, "2026-11-30", "CCCCXXXX") // last four after today
	got := RecoveryStrength(days, date(t, "2026-11-26"), s)
	want := 100 * (1 - math.Pow(1-strengthAlpha, 4))
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("RecoveryStrength with future days = %v, want %v", got, want)
	}
}
