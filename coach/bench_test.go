package coach

import (
	"fmt"
	"testing"
	"time"
)

// benchHistory returns n consecutive days ending today in the ten-year
// pattern (complete, some pending, a partial every hundredth), each with
// five ticked items and a morning check, like real records.
func benchHistory(b *testing.B, n int) ([]Day, Date) {
	today := Date{2026, time.November, 26}
	all := tenYears(b, today)
	return all[3650-n : 3650], today
}

var benchSizes = []int{1, 365, 3650}

func BenchmarkStreaks(b *testing.B) {
	s := DefaultSettings()
	for _, n := range benchSizes {
		days, today := benchHistory(b, n)
		b.Run(fmt.Sprintf("days=%d", n), func(b *testing.B) {
			for b.Loop() {
				Streaks(days, today, s)
			}
		})
	}
}

func BenchmarkStrength(b *testing.B) {
	s := DefaultSettings()
	for _, n := range benchSizes {
		days, today := benchHistory(b, n)
		b.Run(fmt.Sprintf("days=%d", n), func(b *testing.B) {
			for b.Loop() {
				RecoveryStrength(days, today, s)
			}
		})
	}
}

func BenchmarkLoads(b *testing.B) {
	for _, n := range benchSizes {
		days, today := benchHistory(b, n)
		b.Run(fmt.Sprintf("days=%d", n), func(b *testing.B) {
			for b.Loop() {
				Loads(days, today)
			}
		})
	}
}

func BenchmarkSummarize(b *testing.B) {
	s := DefaultSettings()
	for _, n := range benchSizes {
		days, today := benchHistory(b, n)
		b.Run(fmt.Sprintf("days=%d", n), func(b *testing.B) {
			for b.Loop() {
				Summarize(days, today, s)
			}
		})
	}
}

// TestSummarizeAllocs guards the cost model without timing (the
// benchmarks measure time): a summary allocates a small, fixed number of
// values however long the history is.
func TestSummarizeAllocs(t *testing.T) {
	today := Date{2026, time.November, 26}
	all := tenYears(t, today)
	for _, n := range benchSizes {
		days := all[3650-n : 3650]
		if got := testing.AllocsPerRun(20, func() { Summarize(days, today, DefaultSettings()) }); got > 6 {
			t.Errorf("Summarize over %d days: %v allocations, want at most 6", n, got)
		}
	}
}
