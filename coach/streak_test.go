package coach

import "testing"

func TestStreaks(t *testing.T) {
	s := DefaultSettings()
	tests := []struct {
		name    string
		last    string // date of the last pattern byte
		pattern string
		today   string
		want    Streak
	}{
		{"empty", "2026-11-26", "", "2026-11-26", Streak{}},
		{"one complete today", "2026-11-26", "C", "2026-11-26", Streak{1, 1, 1}},
		{"three complete", "2026-11-26", "CCC", "2026-11-26", Streak{3, 3, 1}},
		{"rest days neither add nor break", "2026-11-26", "C-C--C", "2026-11-26", Streak{3, 3, 2}},
		{"partial breaks", "2026-11-26", "CCXCC", "2026-11-26", Streak{2, 2, 2}},
		{"today in progress is skipped", "2026-11-26", "CCCX", "2026-11-26", Streak{3, 3, 1}},
		{"today pending is skipped", "2026-11-26", "CCCP", "2026-11-26", Streak{3, 3, 1}},
		{"pending in the middle of a run", "2026-11-26", "CCPPCPC", "2026-11-26", Streak{4, 4, 2}},
		{"pending at the end of a run", "2026-11-26", "CCPP", "2026-11-26", Streak{2, 2, 1}},
		{"partial right after a long run", "2026-11-25", "CCCCCCCCCCX", "2026-11-26", Streak{0, 10, 3}},
		{"partial yesterday, today in progress", "2026-11-26", "CCCCXX", "2026-11-26", Streak{0, 4, 2}},
		{"short sleep is partial", "2026-11-26", "CCSC", "2026-11-26", Streak{1, 2, 1}},
		{"longest earlier than current", "2026-11-26", "CCCCCXCC", "2026-11-26", Streak{2, 5, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			days := history(t, tt.last, tt.pattern)
			got := Streaks(days, date(t, tt.today), s)
			if got != tt.want {
				t.Errorf("Streaks(%q) = %+v, want %+v", tt.pattern, got, tt.want)
			}
		})
	}
}
