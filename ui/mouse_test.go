package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// click sends a left click at cell x of line y of the whole frame.
func (hs *screenHarness) click(x, y int) {
	hs.t.Helper()
	hs.send(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
}

// lineOf returns the frame line that shows text, failing when none does.
func (hs *screenHarness) lineOf(text string) int {
	hs.t.Helper()
	for i, l := range strings.Split(hs.view(), "\n") {
		if strings.Contains(l, text) {
			return i
		}
	}
	hs.t.Fatalf("no line shows %q:\n%s", text, hs.view())
	return -1
}

// clickNowhere clicks the header, the status line and the help line (the
// frame's first and two last lines) and fails if the screen changed.
func clickNowhere(t *testing.T, hs *screenHarness) {
	t.Helper()
	before := hs.view()
	h := hs.m.ctx.height
	for _, y := range []int{0, h - 2, h - 1} {
		hs.click(4, y)
		if got := hs.view(); got != before {
			t.Fatalf("a click on line %d changed the screen:\n%s\nwas:\n%s", y, got, before)
		}
	}
}

var clickSizes = [][2]int{{80, 24}, {40, 12}}

// TestClickHistoryRow: a click on a day of the list selects it, a second
// click on it opens it; clicks outside the rows change nothing.
func TestClickHistoryRow(t *testing.T) {
	t.Parallel()
	today := "2026-11-26"
	days := testHistory(mustDate(t, today), 60)
	for _, size := range clickSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			hs := newScreenHarness(t, today, days, size[0], size[1])
			hs.open(screenHistory)
			clickNowhere(t, hs)
			hs.click(4, hs.lineOf("date")) // the column header
			if got := hs.m.history.cursor; got != 0 {
				t.Fatalf("a click on the column header moved the cursor to %d, want 0", got)
			}
			y := hs.lineOf("2026-11-23")
			hs.click(20, y)
			if got, want := hs.m.history.cursor, 3; got != want {
				t.Fatalf("cursor after a click on 2026-11-23 = %d, want %d", got, want)
			}
			if l := strings.Split(hs.view(), "\n")[y]; !strings.Contains(l, "› 2026-11-23") {
				t.Fatalf("line %d after the click = %q, want the cursor on 2026-11-23", y, l)
			}
			hs.click(20, y)
			if hs.m.history.mode != historyDetail || hs.m.history.open != mustDate(t, "2026-11-23") {
				t.Fatalf("a second click opened mode %v day %v, want the day 2026-11-23", hs.m.history.mode, hs.m.history.open)
			}
			hs.mustContain("Monday 23 November 2026")
		})
	}
}

// TestClickGuideContents: a click on an entry of the contents highlights
// it, a second click opens the guide there.
func TestClickGuideContents(t *testing.T) {
	t.Parallel()
	for _, size := range clickSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
			hs.open(screenGuide)
			clickNowhere(t, hs)
			hs.click(4, hs.lineOf("Contents"))
			if got := guideOf(hs).tocCursor; got != 0 {
				t.Fatalf("a click on the title moved the cursor to %d, want 0", got)
			}
			y := hs.lineOf("Useful when it is short")
			hs.click(10, y)
			if got, want := guideOf(hs).tocCursor, 2; got != want {
				t.Fatalf("cursor after the click = %d, want %d", got, want)
			}
			if guideOf(hs).mode != guideContents {
				t.Fatal("the first click opened the entry")
			}
			hs.click(10, y)
			if guideOf(hs).mode != guidePager {
				t.Fatal("a click on the highlighted entry did not open it")
			}
			hs.mustContain("Useful when it is short")
		})
	}
}

// TestClickTicksAnItem: a click on a checklist item ticks it as the space
// key does (a set of what is shown), and a click on it again unticks it;
// a click on the step's text does nothing.
func TestClickTicksAnItem(t *testing.T) {
	t.Parallel()
	// 60x14 shows five of the nine diet items: a click lower down would
	// scroll the list if the cursor followed it.
	for _, size := range append(clickSizes, [2]int{60, 14}) {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
			hs.press("enter", "1", "enter", "enter", "enter") // to diet
			date := mustDate(t, "2026-11-26")
			clickNowhere(t, hs)
			hs.click(4, hs.lineOf("Step 5"))
			item := coach.ItemsOf(coach.PillarDiet)[1] // on screen at 40x12 too
			y := hs.lineOf(item.Label)
			hs.click(6, y)
			d, _ := storedDay(t, hs, date)
			if !d.IsDone(item.ID) {
				t.Fatalf("a click on %q did not tick it; stored %v", item.Label, d.Done)
			}
			if got := hs.m.checkin.cursor[stepDiet]; got != 1 {
				t.Fatalf("cursor after the click = %d, want 1", got)
			}
			if l := strings.Split(hs.view(), "\n")[y]; !strings.Contains(l, "[x] "+item.Label) {
				t.Fatalf("line %d after the click = %q, want it ticked, where it was", y, l)
			}
			if n := len(d.Done); n != 1 {
				t.Fatalf("%d items stored ticked, want 1", n)
			}
			hs.click(6, y)
			if d, _ := storedDay(t, hs, date); d.IsDone(item.ID) {
				t.Fatalf("a second click on %q did not untick it", item.Label)
			}
			// Further down, where moving the cursor would scroll a list
			// shown in part, the cursor stays and the list does not move.
			for _, it := range coach.ItemsOf(coach.PillarDiet)[2:] {
				if !strings.Contains(hs.view(), it.Label) {
					continue
				}
				frame := hs.view()
				y := hs.lineOf(it.Label)
				hs.click(6, y)
				hs.click(6, y)
				if d, _ := storedDay(t, hs, date); d.IsDone(it.ID) || len(d.Done) != 0 {
					t.Fatalf("two clicks on %q left ticks %v, want none:\n%s\nwas:\n%s", it.Label, d.Done, hs.view(), frame)
				}
			}
		})
	}
}
