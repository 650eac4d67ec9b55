package ui

import (
	"fmt"
	"testing"
)

// BenchmarkHistoryKey measures a cursor move in the history list. Its cost
// and allocations must not grow with the length of the history: compare the
// 1-year and 10-year runs.
func BenchmarkHistoryKey(b *testing.B) {
	for _, s := range benchSizes {
		for _, years := range []int{1, 10} {
			b.Run(fmt.Sprintf("%dx%d/%dy", s[0], s[1], years), func(b *testing.B) {
				hs := newBenchHarness(b, 365*years, s[0], s[1])
				hs.open(screenHistory)
				hs.press("pgdown", "pgdown")
				// Down and up across page boundaries, so rows scroll in.
				keys := make([]string, 0, 2*s[1])
				for i := 0; i < s[1]; i++ {
					keys = append(keys, "j")
				}
				for i := 0; i < s[1]; i++ {
					keys = append(keys, "k")
				}
				benchKeys(b, hs, keys...)
			})
		}
	}
}
