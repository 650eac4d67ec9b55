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

func TestStreaksFutureDays(t *testing.T) {
	s := DefaultSettings()
	// Two complete days up to today, then a partial and complete days
	// dated after today (a clock set back): ignored until their date.
	days := history(t, "2026-11-29", "CC XCC") // 25 C, 26 C, 27 X, 28 C, 29 C
	tests := []struct {
		today string
		want  Streak
	}{
		{"2026-11-26", Streak{2, 2, 1}},
		{"2026-11-27", Streak{2, 2, 1}}, // the partial is today: in progress, skipped
		{"2026-11-28", Streak{1, 2, 1}}, // now it is past: it breaks
		{"2026-11-29", Streak{2, 2, 1}},
	}
	for _, tt := range tests {
		if got := Streaks(days, date(t, tt.today), s); got != tt.want {
			t.Errorf("Streaks as of %s = %+v, want %+v", tt.today, got, tt.want)
		}
	}
}

func TestStreaksTodayPartialIsSkippedUntilTomorrow(t *testing.T) {
	s := DefaultSettings()
	days := history(t, "2026-11-26", "CCCX")
	if got := Streaks(days, date(t, "2026-11-26"), s).Current; got != 3 {
		t.Errorf("Current with today partial = %d, want 3", got)
	}
	if got := Streaks(days, date(t, "2026-11-27"), s).Current; got != 0 {
		t.Errorf("Current the day after a partial day = %d, want 0", got)
	}
}

func TestStreaksLeapDay(t *testing.T) {
	s := DefaultSettings()
	tests := []struct {
		last, today string
		pattern     string
		want        Streak
	}{
		// 2024-02-28, 02-29, 03-01 are three consecutive dates.
		{"2024-03-01", "2024-03-01", "CCC", Streak{3, 3, 1}},
		{"2024-03-01", "2024-03-01", "CXC", Streak{1, 1, 1}},
		// 2100 is not a leap year: Sunday 02-28 then Monday 03-01.
		{"2100-03-01", "2100-03-01", "CC", Streak{2, 2, 2}},
	}
	for _, tt := range tests {
		days := history(t, tt.last, tt.pattern)
		if tt.last == "2024-03-01" && days[1].Date.String() != "2024-02-29" {
			t.Fatalf("middle day = %v, want 2024-02-29", days[1].Date)
		}
		if got := Streaks(days, date(t, tt.today), s); got != tt.want {
			t.Errorf("Streaks(%s %q) = %+v, want %+v", tt.last, tt.pattern, got, tt.want)
		}
	}
}

func TestWeekStreak(t *testing.T) {
	s := DefaultSettings()
	on := func(status byte, dates ...string) []Day {
		var out []Day
		for _, d := range dates {
			out = append(out, mkDay(date(t, d), status))
		}
		return out
	}
	cat := func(parts ...[]Day) []Day {
		var out []Day
		for _, p := range parts {
			out = append(out, p...)
		}
		SortDays(out)
		return out
	}
	tests := []struct {
		name  string
		days  []Day
		today string
		want  int
	}{
		{"none", nil, "2026-11-26", 0},
		{"this week only", on('C', "2026-11-23"), "2026-11-26", 1},
		{"empty current week counts from last week", on('C', "2026-11-16", "2026-11-22"), "2026-11-26", 1},
		{"last week missing breaks", on('C', "2026-11-09"), "2026-11-26", 0},
		{"three weeks", on('C', "2026-11-09", "2026-11-20", "2026-11-26"), "2026-11-26", 3},
		{"gap week breaks", on('C', "2026-11-02", "2026-11-20", "2026-11-26"), "2026-11-26", 2},
		{"partial and pending days do not count", cat(on('C', "2026-11-10"), on('X', "2026-11-17"), on('P', "2026-11-18")), "2026-11-26", 0},
		{"this week in progress (partial today) counts from last week", cat(on('C', "2026-11-17"), on('X', "2026-11-26")), "2026-11-26", 1},
		{"future complete days do not count", on('C', "2026-11-18", "2026-11-30"), "2026-11-26", 1},
		// 2020 has ISO week 53 (Mon 2020-12-28 to Sun 2021-01-03).
		{"week 53 of 2020 joins 52 and 2021-W01", on('C', "2020-12-21", "2021-01-02", "2021-01-04"), "2021-01-05", 3},
		{"empty week 53 breaks", on('C', "2020-12-21", "2021-01-04"), "2021-01-05", 1},
		{"Sunday in week 53 is last week for 2021-W01", on('C', "2021-01-03"), "2021-01-06", 1},
		// 2026 has week 53 too: Mon 2026-12-28 to Sun 2027-01-03.
		{"across 2026-W53 to 2027-W01", on('C', "2026-12-24", "2026-12-31", "2027-01-04"), "2027-01-04", 3},
		// A year end without week 53: 2024-12-30 is in 2025-W01.
		{"2024-W52 to 2025-W01 across the year end", on('C', "2024-12-27", "2024-12-31"), "2025-01-02", 2},
		{"2025-W52 to 2026-W01", on('C', "2025-12-28", "2025-12-29"), "2026-01-01", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Streaks(tt.days, date(t, tt.today), s).Week; got != tt.want {
				t.Errorf("week streak = %d, want %d", got, tt.want)
			}
		})
	}
}

// naiveStreaks restates the streak rules the slow, obvious way (newest
// first walk, per-run restart) to cross-check walk on random histories.
func naiveStreaks(days []Day, today Date, s Settings) (current, longest int) {
	var kept []Day
	for _, d := range days {
		if !d.Date.After(today) {
			kept = append(kept, d)
		}
	}
	count := func(end int) int { // the run ending at index end, newest first
		n := 0
		for i := end; i >= 0; i-- {
			st := kept[i].Status(s)
			switch {
			case st == StatusComplete:
				n++
			case st == StatusPending, kept[i].Date == today:
			default:
				return n
			}
		}
		return n
	}
	current = count(len(kept) - 1)
	for i := range kept {
		longest = max(longest, count(i))
	}
	return current, longest
}

func TestStreaksMatchNaive(t *testing.T) {
	s := DefaultSettings()
	rng := uint64(12345)
	next := func() uint64 { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng }
	for trial := 0; trial < 300; trial++ {
		n := int(next() % 60)
		p := make([]byte, n)
		for i := range p {
			p[i] = "CCCCPX-S"[next()%8]
		}
		days := history(t, "2026-11-28", string(p))
		for _, today := range []string{"2026-11-26", "2026-11-27", "2026-11-28", "2026-12-01"} {
			td := date(t, today)
			got := Streaks(days, td, s)
			cur, long := naiveStreaks(days, td, s)
			if got.Current != cur || got.Longest != long {
				t.Fatalf("pattern %q today %s: Streaks = %+v, want current %d longest %d", p, today, got, cur, long)
			}
		}
	}
}
