package ui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// View changes nothing: the parent and the screen shown print the same
// before and after a frame is drawn, in the states where a cache or the
// help's keys were once filled in by View (the history's rows, the
// check-in's progress bar, q and ? while a field has the keys). Every
// screen's frame declares the terminal modes (TestViewDeclaresTheTerminal
// has the other paths).
func TestViewChangesNothing(t *testing.T) {
	days := []coach.Day{
		{Date: coach.Date{Year: 2026, Month: 3, Day: 8}, Note: "a"},
		{Date: coach.Date{Year: 2026, Month: 3, Day: 9}, Note: "b"},
	}
	for _, tc := range []struct {
		name string
		open tea.Msg
		keys []string
	}{
		{"home", nil, nil},
		{"check-in", editDayMsg{date: coach.Date{Year: 2026, Month: 3, Day: 10}, step: 0}, []string{"enter"}},
		{"guide contents filter", openScreenMsg{screenGuide}, []string{"/"}},
		{"guide pager", openSectionMsg{"micro-tears"}, []string{"j", "/"}},
		{"streak", openScreenMsg{screenStreak}, []string{"j"}},
		{"history", openScreenMsg{screenHistory}, []string{"down"}},
		{"settings", openScreenMsg{screenSettings}, []string{"down"}},
	} {
		hs := newScreenHarness(t, "2026-03-10", days, 80, 24)
		if tc.open != nil {
			hs.send(tc.open)
		}
		for _, k := range tc.keys {
			hs.send(pressKey(k))
		}
		before := fmt.Sprintf("%+v\n%+v", *hs.m, hs.m.page())
		v := hs.m.View()
		if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion || v.Cursor != nil {
			t.Errorf("%s: alt screen %v, mouse %v, cursor %v; want true, cell motion, none", tc.name, v.AltScreen, v.MouseMode, v.Cursor)
		}
		if after := fmt.Sprintf("%+v\n%+v", *hs.m, hs.m.page()); after != before {
			t.Errorf("%s: View changed the model:\nbefore %s\n after %s", tc.name, before, after)
		}
	}
}
