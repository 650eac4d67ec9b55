package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// BenchmarkHomeKey is a key press on home (Update plus View) with a
// 10-year history: opening the morning form, changing an answer, closing
// it.
func BenchmarkHomeKey(b *testing.B) {
	for _, size := range benchSizes {
		b.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(b *testing.B) {
			hs := newBenchHarness(b, 3650, size[0], size[1])
			benchKeys(b, hs, "m", "right", "down", "3", "esc", "x")
		})
	}
}

// BenchmarkCheckinKey is a key press on each check-in step (Update plus
// View) with a 10-year history. Writes are queued but not run here, so the
// queue is emptied after each press to keep the benchmark about the key.
func BenchmarkCheckinKey(b *testing.B) {
	steps := []struct {
		step checkinStep
		keys []string
	}{
		{stepKind, []string{"down", "up"}},
		{stepMinutes, []string{"5", "backspace"}},
		{stepEffort, []string{"down", "up", "7"}},
		{stepBloodFlow, []string{"down", "space"}},
		{stepDiet, []string{"down", "space"}},
		{stepSleep, []string{"right", "left"}},
		{stepSummary, []string{"up"}},
	}
	for _, size := range benchSizes {
		for _, s := range steps {
			b.Run(fmt.Sprintf("%s/%dx%d", s.step, size[0], size[1]), func(b *testing.B) {
				hs := newBenchHarness(b, 3650, size[0], size[1])
				hs.send(editDayMsg{date: mustDate(b, "2026-11-26"), step: int(s.step)})
				c := checkinOf(hs)
				msgs := make([]tea.Msg, len(s.keys))
				for i, k := range s.keys {
					msgs[i] = pressKey(k)
				}
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					hs.m.Update(msgs[i%len(msgs)])
					_ = plain(hs.m.View().Content)
					c.cur, c.queue = nil, c.queue[:0]
				}
			})
		}
	}
}
