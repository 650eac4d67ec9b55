package ui

import (
	"fmt"
	"testing"
)

// BenchmarkStreakKey measures a key press on the streak screen over ten
// years of history.
func BenchmarkStreakKey(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(b *testing.B) {
			hs := newBenchHarness(b, 3650, s[0], s[1])
			hs.open(screenStreak)
			benchKeys(b, hs, "j", "k")
		})
	}
}
