package ui

import (
	"fmt"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

func TestStreakGolden(t *testing.T) {
	t.Parallel()
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			// Today early in January: the heat map spans the year boundary.
			hs := newScreenHarness(t, "2027-01-06", testHistory(mustDate(t, "2027-01-06"), 200), size[0], size[1])
			hs.open(screenStreak)
			hs.golden()
		})
	}
}

func TestStreakHeatMap(t *testing.T) {
	t.Parallel()
	// Wednesday 6 January 2027: the current week runs Mon 4 to Sun 10.
	today := mustDate(t, "2027-01-06")
	days := testHistory(today, 200)
	for _, w := range []int{120, 60, 50, 40} {
		t.Run(fmt.Sprintf("width %d", w), func(t *testing.T) {
			hs := newScreenHarness(t, "2027-01-06", days, w, 40)
			hs.open(screenStreak)
			s := hs.m.streak
			weeks := heatWeeksFor(w - 2)
			var rows []string
			for _, l := range s.lines {
				p := ansi.Strip(l)
				if strings.HasPrefix(p, "Mon ") || strings.HasPrefix(p, "Sun ") {
					rows = append(rows, p)
				}
			}
			if len(rows) != 2 {
				t.Fatalf("found %d weekday rows, want Mon and Sun", len(rows))
			}
			// One glyph a week, the oldest weeks dropped to fit, never wrapped.
			if got := len([]rune(strings.ReplaceAll(rows[0][4:], " ", ""))); got != weeks {
				t.Errorf("Mon row has %d weeks, want %d: %q", got, weeks, rows[0])
			}
			for _, l := range s.lines {
				if lipgloss.Width(l) > w-2 {
					t.Errorf("line %q is wider than %d", ansi.Strip(l), w-2)
				}
			}
			// Sunday 10 January is in the future: blank, not a rest dot.
			if got := len([]rune(strings.ReplaceAll(rows[1][4:], " ", ""))); got != weeks-1 || !strings.HasSuffix(strings.TrimRight(rows[1], " "), "·") {
				t.Errorf("Sun row %q: %d glyphs, want %d and a blank for the future Sunday", rows[1], got, weeks-1)
			}
			// Today, Wednesday 6 January, is marked in reverse video, and
			// only today; the range ends today, not on Sunday.
			marked := 0
			for _, l := range s.lines {
				if p := ansi.Strip(l); strings.HasPrefix(p, "Mon ") || strings.HasPrefix(p, "Tue ") || strings.HasPrefix(p, "Wed ") ||
					strings.HasPrefix(p, "Thu ") || strings.HasPrefix(p, "Fri ") || strings.HasPrefix(p, "Sat ") || strings.HasPrefix(p, "Sun ") {
					if n := strings.Count(l, "\x1b[7m"); n > 0 {
						marked += n
						if !strings.HasPrefix(p, "Wed ") {
							t.Errorf("%q is marked as today, want the Wed row", p)
						}
					}
				}
			}
			if marked != 1 {
				t.Errorf("%d cells marked as today, want 1", marked)
			}
			all := ansi.Strip(strings.Join(s.lines, "\n"))
			if w >= 120 && (!strings.Contains(all, "– 6 Jan 2027") || strings.Contains(all, "10 Jan 2027")) {
				t.Errorf("heat map's range does not end today, 6 Jan 2027:\n%s", all)
			}
			if w >= 60 && !strings.Contains(ansi.Strip(strings.Join(s.lines, "\n")), "Jan") {
				t.Errorf("no Jan label over the year boundary")
			}
		})
	}
}
