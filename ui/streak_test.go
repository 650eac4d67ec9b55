package ui

import (
	"fmt"
	"testing"
)

func TestStreakGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {120, 40}, {60, 20}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			// Today early in January: the heat map spans the year boundary.
			hs := newScreenHarness(t, "2027-01-06", testHistory(mustDate(t, "2027-01-06"), 200), size[0], size[1])
			hs.open(screenStreak)
			hs.golden()
		})
	}
}
