package ui

import (
	"fmt"
	"testing"
)

// BenchmarkSettingsKey measures a key press on the settings screen (moving
// between settings; a change would queue a write, which is not run here)
// with a 10-year history.
func BenchmarkSettingsKey(b *testing.B) {
	for _, s := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", s[0], s[1]), func(b *testing.B) {
			hs := newBenchHarness(b, 3650, s[0], s[1])
			hs.open(screenSettings)
			benchKeys(b, hs, "down", "down", "up", "up")
		})
	}
}

// BenchmarkKeyByHistory measures the same key presses on every screen that
// does not show the whole history, with 1 and 10 years of it. Issue 8 asks
// for no allocation growth with history size there: allocs/op of the 1y
// and 10y runs of a screen must match (the history screen, which lists
// every day, has its own 1y/10y benchmark).
func BenchmarkKeyByHistory(b *testing.B) {
	screens := []struct {
		name  string
		enter func(hs *screenHarness)
		keys  []string
	}{
		{"home", func(*screenHarness) {}, []string{"m", "right", "down", "esc"}},
		{"checkin-diet", func(hs *screenHarness) {
			hs.send(editDayMsg{date: mustDate(b, "2026-11-26"), step: int(stepDiet)})
		}, []string{"down", "up"}},
		{"guide", func(hs *screenHarness) { hs.send(openSectionMsg{"diet"}) }, []string{"j", "j", "k", "k"}},
		{"streak", func(hs *screenHarness) { hs.open(screenStreak) }, []string{"j", "k"}},
		{"settings", func(hs *screenHarness) { hs.open(screenSettings) }, []string{"down", "up"}},
	}
	for _, s := range screens {
		for _, years := range []int{1, 10} {
			b.Run(fmt.Sprintf("%s/%dy", s.name, years), func(b *testing.B) {
				hs := newBenchHarness(b, 365*years, 80, 24)
				s.enter(hs)
				benchKeys(b, hs, s.keys...)
			})
		}
	}
}
