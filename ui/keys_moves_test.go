package ui

import (
	"testing"
)

// TestFilterEnterOpensHighlighted checks that enter in the contents'
// filter opens the highlighted entry, and that clearing the filter keeps
// the highlighted entry highlighted.
func TestFilterEnterOpensHighlighted(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.open(screenGuide)
	g := guideOf(hs)
	hs.press("/")
	hs.typeText("what it means")
	hs.press("down", "down")
	want := g.toc[g.rows[g.tocCursor]]
	hs.press("esc") // clears the filter
	if got := g.toc[g.rows[g.tocCursor]]; got != want {
		t.Fatalf("after clearing the filter the cursor is on %q, want %q", got.text, want.text)
	}
	if len(g.rows) != len(g.toc) {
		t.Fatalf("cleared filter lists %d of %d entries", len(g.rows), len(g.toc))
	}
	hs.press("/")
	hs.typeText("what it means")
	hs.press("down")
	want = g.toc[g.rows[g.tocCursor]]
	hs.press("enter")
	if g.mode != guidePager || g.cur != want.section {
		t.Fatalf("enter in the filter: mode %v section %d, want the pager on section %d", g.mode, g.cur, want.section)
	}
}

// TestScrollKeys checks ctrl+d/ctrl+u and f/b on the screens that scroll,
// and j/k/h/l in the date picker.
func TestScrollKeys(t *testing.T) {
	t.Parallel()
	days := testHistory(mustDate(t, "2026-11-26"), 200)
	t.Run("streak", func(t *testing.T) {
		hs := newScreenHarness(t, "2026-11-26", days, 40, 12)
		hs.open(screenStreak)
		s := hs.m.streak
		for _, c := range []struct {
			key  string
			want int
		}{
			{"ctrl+d", s.height / 2},
			{"ctrl+u", 0},
			{"f", viewLines(len(s.lines), s.height)},
			{"b", 0},
		} {
			hs.press(c.key)
			if s.offset != c.want {
				t.Errorf("after %s the streak shows from line %d, want %d", c.key, s.offset, c.want)
			}
		}
	})
	t.Run("history", func(t *testing.T) {
		hs := newScreenHarness(t, "2026-11-26", days, 80, 24)
		hs.open(screenHistory)
		h := historyOf(hs)
		half := h.listHeight() / 2
		for _, c := range []struct {
			key  string
			want int
		}{
			{"ctrl+d", half},
			{"ctrl+u", 0},
			{"f", h.listHeight()},
			{"b", 0},
		} {
			hs.press(c.key)
			if h.cursor != c.want {
				t.Errorf("after %s the cursor is on day %d, want %d", c.key, h.cursor, c.want)
			}
		}
	})
	t.Run("picker", func(t *testing.T) {
		hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
		hs.open(screenHistory)
		hs.press("a")
		h := historyOf(hs)
		for _, c := range []struct {
			key, want string
		}{
			// The picker opens on yesterday, 2026-11-25.
			{"k", "2026-11-18"},
			{"h", "2026-11-17"},
			{"l", "2026-11-18"},
			{"j", "2026-11-25"},
		} {
			hs.press(c.key)
			if got := h.picker.Value(); got != c.want {
				t.Errorf("after %s the picker holds %q, want %q", c.key, got, c.want)
			}
		}
	})
}
