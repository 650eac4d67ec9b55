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

// TestSummarizeFast guards the budget: a summary of ten years well under
// a millisecond (allowing for -race and slow machines, 5 ms here).
func TestSummarizeFast(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	days := tenYears(t, Date{2026, time.November, 26})
	res := testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			Summarize(days, Date{2026, time.November, 26}, DefaultSettings())
		}
	})
	if per := time.Duration(res.NsPerOp()); per > 5*time.Millisecond {
		t.Errorf("Summarize over 3,650 days took %v, want well under 1 ms", per)
	}
}
