package coach

import (
	"math"
	"testing"
)

func TestStatusesBetween(t *testing.T) {
	// Oldest to newest: complete, nothing, pending, partial, complete
	// (dated after today, so it must not count).
	days := history(t, "2026-01-05", "C-PXC")
	today := date(t, "2026-01-04")
	got := StatusesBetween(days, date(t, "2025-12-31"), date(t, "2026-01-06"), today, DefaultSettings())
	// The pattern starts 2026-01-01, so 2025-12-31 has no day.
	want := []Status{StatusNone, StatusComplete, StatusNone, StatusPending, StatusPartial, StatusNone, StatusNone}
	if len(got) != len(want) {
		t.Fatalf("len = %d, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("status %d = %v, want %v", i, got[i], want[i])
		}
	}
	if got := StatusesBetween(days, today, today.AddDays(-1), today, DefaultSettings()); got != nil {
		t.Errorf("empty range = %v, want nil", got)
	}
}

func TestAverageSleep(t *testing.T) {
	// 'C' and 'X' report 7.5 h, 'S' 5 h, 'P' nothing.
	days := history(t, "2026-03-10", "CSPX")
	tests := []struct {
		n       int
		hours   float64
		reports int
	}{
		{0, 0, 0},
		{1, 7.5, 1},
		{2, 7.5, 1},
		{3, 6.25, 2},
		{28, (7.5 + 5 + 7.5) / 3, 3},
	}
	for _, tt := range tests {
		got := AverageSleep(days, date(t, "2026-03-10"), tt.n)
		if got.Reports != tt.reports || math.Abs(got.Hours-tt.hours) > 1e-9 {
			t.Errorf("AverageSleep(n=%d) = %+v, want %v h over %d", tt.n, got, tt.hours, tt.reports)
		}
	}
}

func TestHooper(t *testing.T) {
	// 'C' mornings score 8, 'S' mornings 13; 'P' has none and is skipped.
	days := history(t, "2026-03-10", "SSCPC")
	got := Hooper(days, date(t, "2026-03-10"), 2)
	if got.RecentN != 2 || got.Recent != 8 || got.BeforeN != 2 || got.Before != 13 {
		t.Fatalf("Hooper = %+v, want recent 8 over 2, before 13 over 2", got)
	}
	if !got.HasTrend() || got.Change() != -5 {
		t.Errorf("HasTrend %v, Change %v; want true, -5", got.HasTrend(), got.Change())
	}
	if h := Hooper(days[:1], date(t, "2026-03-10"), 7); h.HasTrend() || h.RecentN != 1 {
		t.Errorf("one morning: %+v, want no trend", h)
	}
	// A day after today is ignored.
	if h := Hooper(days, date(t, "2026-03-09"), 1); h.RecentN != 1 || h.Recent != 8 {
		t.Errorf("Hooper up to 03-09 = %+v, want recent 8", h)
	}
}
