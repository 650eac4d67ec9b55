package ui

import (
	"errors"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
	"cooldown/store"
)

// TestHistoryUndoDelete deletes a day and undoes it at once, undoes too
// late (after another key), and undoes after the date was recorded again
// meanwhile, which must leave the new day alone and say so.
func TestHistoryUndoDelete(t *testing.T) {
	t.Parallel()
	deleteFirst := func(t *testing.T) (*screenHarness, coach.Day) {
		hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 30), 80, 24)
		hs.open(screenHistory)
		want, err := hs.st.Day(historyOf(hs).day(0).Date)
		if err != nil {
			t.Fatal(err)
		}
		hs.press("d", "y")
		if _, err := hs.st.Day(want.Date); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("the delete did not happen: %v", err)
		}
		return hs, want
	}
	t.Run("right after", func(t *testing.T) {
		hs, want := deleteFirst(t)
		hs.press("u")
		got, err := hs.st.Day(want.Date)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("after u the store holds %+v (err %v), want %+v", got, err, want)
		}
		if h := historyOf(hs); h.day(h.cursor).Date != want.Date {
			t.Errorf("the cursor is on %s, want the restored %s", h.day(h.cursor).Date, want.Date)
		}
		hs.mustContain("restored " + longDate(want.Date))
	})
	t.Run("after another key", func(t *testing.T) {
		hs, want := deleteFirst(t)
		hs.press("j", "u")
		if _, err := hs.st.Day(want.Date); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("u after another key restored the day (err %v)", err)
		}
	})
	t.Run("recorded again", func(t *testing.T) {
		hs, want := deleteFirst(t)
		again, err := hs.st.Update(want.Date, func(d *coach.Day) error {
			d.Note = "written by another process"
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		hs.press("u")
		got, err := hs.st.Day(want.Date)
		if err != nil || !reflect.DeepEqual(got, again) {
			t.Fatalf("after u the store holds %+v (err %v), want the day written meanwhile %+v", got, err, again)
		}
		hs.mustContain("not restored", "recorded again")
	})
}

// TestHistoryGoto jumps to a typed date, a typed month, and by [ and ] to
// the start of a month.
func TestHistoryGoto(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 400), 80, 24)
	hs.open(screenHistory)
	h := historyOf(hs)
	at := func() coach.Date { return h.day(h.cursor).Date }
	// The oldest training day on or after d: where a jump to d lands.
	firstFrom := func(d coach.Date) coach.Date {
		for i := range h.days {
			if !h.days[i].Date.Before(d) {
				return h.days[i].Date
			}
		}
		return h.days[len(h.days)-1].Date
	}
	hs.press("/")
	if !h.typing() {
		t.Fatal("/ did not open the date field")
	}
	hs.typeText("2026-03-14")
	hs.press("enter")
	if want := firstFrom(mustDate(t, "2026-03-14")); at() != want {
		t.Errorf("go to 2026-03-14 landed on %s, want %s", at(), want)
	}
	hs.press("/")
	hs.typeText("2025-12")
	hs.press("enter")
	if want := firstFrom(mustDate(t, "2025-12-01")); at() != want || at().Month != 12 {
		t.Errorf("go to 2025-12 landed on %s, want %s", at(), want)
	}
	hs.press("]")
	if want := firstFrom(mustDate(t, "2026-01-01")); at() != want {
		t.Errorf("] landed on %s, want %s", at(), want)
	}
	hs.press("[")
	if want := firstFrom(mustDate(t, "2025-12-01")); at() != want {
		t.Errorf("[ at a month's start landed on %s, want the month before's %s", at(), want)
	}
	hs.press("k", "k", "[")
	if want := firstFrom(mustDate(t, "2025-12-01")); at() != want {
		t.Errorf("[ inside December landed on %s, want its start %s", at(), want)
	}
	hs.press("/")
	hs.send(tea.PasteMsg{Content: "2026-02"})
	hs.press("enter")
	if want := firstFrom(mustDate(t, "2026-02-01")); at() != want {
		t.Errorf("pasted 2026-02 landed on %s, want %s", at(), want)
	}
	hs.press("/")
	hs.typeText("march")
	hs.press("enter")
	hs.mustContain("type a date as YYYY-MM-DD or a month as YYYY-MM")
	hs.press("esc")
	if h.mode != historyList {
		t.Errorf("esc left the field in mode %v, want the list", h.mode)
	}
}
