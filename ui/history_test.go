package ui

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"cooldown/coach"
	"cooldown/store"
)

func historyOf(hs *screenHarness) *historyModel { return hs.m.history }

func TestHistoryGolden(t *testing.T) {
	t.Parallel()
	today := "2026-11-26"
	tenYears := testHistory(mustDate(t, today), 3650)
	for _, size := range goldenSizes {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run("list/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, today, tenYears, size[0], size[1])
			hs.open(screenHistory)
			hs.press("j", "j")
			hs.golden()
		})
		t.Run("oldest/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, today, tenYears, size[0], size[1])
			hs.open(screenHistory)
			hs.press("G")
			hs.golden()
		})
		t.Run("day/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, today, tenYears, size[0], size[1])
			hs.open(screenHistory)
			// 2026-11-13 has a note and a bedtime.
			for historyOf(hs).day(historyOf(hs).cursor).Date != mustDate(t, "2026-11-13") {
				hs.press("j")
			}
			hs.press("enter")
			hs.golden()
		})
		t.Run("empty/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, today, nil, size[0], size[1])
			hs.open(screenHistory)
			hs.golden()
		})
		t.Run("picker/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, today, tenYears[len(tenYears)-30:], size[0], size[1])
			hs.open(screenHistory)
			hs.press("a", "right", "right")
			hs.golden()
		})
	}
}

func TestHistoryDeleteConfirmation(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 30), 80, 24)
	hs.open(screenHistory)
	h := historyOf(hs)
	n := len(h.days)
	date := h.day(0).Date
	hs.press("d")
	hs.mustContain(fmt.Sprintf("delete %s? y/n", date))
	hs.press("n")
	if len(h.days) != n || h.mode != historyList {
		t.Fatalf("n deleted: %d days, mode %v", len(h.days), h.mode)
	}
	if _, err := hs.st.Day(date); err != nil {
		t.Fatalf("after n the day is gone from the store: %v", err)
	}
	hs.press("d", "y")
	if _, err := hs.st.Day(date); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("after y the store still has %s (err %v)", date, err)
	}
	if len(h.days) != n-1 || h.day(0).Date == date {
		t.Fatalf("the list still shows %s (%d days)", date, len(h.days))
	}
	hs.mustContain("deleted " + longDate(date) + " · u undoes")
}

func TestHistoryDeleteFromDetail(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 10), 80, 24)
	hs.open(screenHistory)
	h := historyOf(hs)
	date := h.day(1).Date
	hs.press("j", "enter")
	hs.mustContain(date.Time().Format("Monday 2 January 2006"), "Workouts", "Blood flow", "Diet", "Sleep")
	hs.press("d")
	hs.mustContain(fmt.Sprintf("delete %s? y/n", date))
	hs.press("esc") // keep it: back to the day
	if h.mode != historyDetail {
		t.Fatalf("esc on the question: mode %v, want the day again", h.mode)
	}
	hs.press("d", "y")
	if h.mode != historyList {
		t.Fatalf("after deleting the open day mode is %v, want list", h.mode)
	}
	// A question asked from the list goes back to the list, even for the
	// day opened last.
	hs.press("enter", "esc", "d", "n")
	if h.mode != historyList {
		t.Fatalf("n on a question from the list: mode %v, want list", h.mode)
	}
}

func TestHistoryPickerRefusesFuture(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 10), 80, 24)
	hs.open(screenHistory)
	h := historyOf(hs)
	hs.press("a")
	if h.pickDate != mustDate(t, "2026-11-25") {
		t.Fatalf("picker starts on %s, want yesterday", h.pickDate)
	}
	hs.press("right", "right") // today, then refused
	if h.pickDate != mustDate(t, "2026-11-26") {
		t.Fatalf("picker moved to %s, want it held at today", h.pickDate)
	}
	hs.mustContain("2026-11-27 is in the future; allowed up to today, 2026-11-26")

	// A typed future date is refused inline and the text stays.
	for range 10 {
		hs.press("backspace")
	}
	hs.typeText("2027-03-01")
	hs.press("enter")
	hs.mustContain("2027-03-01 is in the future; allowed up to today, 2026-11-26", "2027-03-01")
	if hs.m.active != screenHistory || h.mode != historyPicker {
		t.Fatalf("a future date left the picker")
	}
	// So is text that is not a date.
	for range 10 {
		hs.press("backspace")
	}
	hs.typeText("2026-02-30")
	hs.press("enter")
	hs.mustContain("want YYYY-MM-DD")

	// q is typed, not quit, while the picker has focus.
	hs.press("q")
	if hs.m.quitting {
		t.Fatalf("q in the date field quit the app")
	}
}

func TestHistoryPickerOpensCheckin(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 10), 80, 24)
	hs.open(screenHistory)
	var asked []editDayMsg
	h := historyOf(hs)
	hs.press("a", "up", "left") // a week and a day before yesterday
	want := mustDate(t, "2026-11-17")
	if h.pickDate != want {
		t.Fatalf("picked %s, want %s", h.pickDate, want)
	}
	_, cmd := hs.m.Update(pressKey("enter"))
	if cmd == nil {
		t.Fatal("enter on a past date returned no command")
	}
	if msg, ok := cmd().(editDayMsg); ok {
		asked = append(asked, msg)
	}
	if len(asked) != 1 || asked[0].date != want {
		t.Fatalf("enter asked %v, want editDayMsg for %s", asked, want)
	}
	hs.send(asked[0])
	if hs.m.active != screenCheckin {
		t.Fatalf("editDayMsg opened %v, want check-in", hs.m.active)
	}
}

func TestHistoryEditKey(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 10), 80, 24)
	hs.open(screenHistory)
	h := historyOf(hs)
	hs.press("j", "j")
	_, cmd := hs.m.Update(pressKey("e"))
	msg, ok := cmd().(editDayMsg)
	if !ok || msg.date != h.day(2).Date {
		t.Fatalf("e asked %#v, want editDayMsg for %s", msg, h.day(2).Date)
	}
}

func TestHistoryReflectsEdits(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 10), 80, 24)
	hs.open(screenHistory)
	// Another part of the app (or process) changes a day; entering the
	// screen again reloads it.
	if _, err := hs.st.Update(mustDate(t, "2026-11-26"), func(d *coach.Day) error {
		d.Workouts = []coach.Workout{{Kind: coach.Sport, Minutes: 99, RPE: 9}}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	hs.press("esc")
	hs.open(screenHistory)
	hs.mustContain("sport 99m", " 891 ")
}

func TestHistoryCursorKeepsDateAcrossReload(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 100), 80, 24)
	hs.open(screenHistory)
	h := historyOf(hs)
	hs.press("pgdown", "j")
	at := h.day(h.cursor).Date
	hs.run(hs.m.ctx.load())
	if got := h.day(h.cursor).Date; got != at {
		t.Fatalf("cursor moved from %s to %s on reload", at, got)
	}
	if !strings.Contains(hs.view(), at.String()) {
		t.Fatalf("cursor row %s not on screen", at)
	}
}

// TestKeysReadTogether: keys that arrive in one read (key repeat, a paste
// of keys, a slow SSH link) are each a key press: Bubble Tea v2's input
// reader splits them (v1 delivered "jjj" as one key, which cooldown split
// itself). The bytes go through a real program's input.
func TestKeysReadTogether(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-26"), 30), 80, 24)
	hs.open(screenHistory)
	p := tea.NewProgram(hs.m, tea.WithInput(strings.NewReader("jjjq")), tea.WithOutput(io.Discard),
		tea.WithWindowSize(80, 24), tea.WithoutSignals(), tea.WithColorProfile(colorprofile.ASCII))
	if _, err := p.Run(); err != nil {
		t.Fatal(err)
	}
	if c := historyOf(hs).cursor; c != 3 {
		t.Fatalf("cursor after \"jjj\" read at once = %d, want 3", c)
	}
}

func TestHistoryFutureDayNotEditable(t *testing.T) {
	t.Parallel()
	days := testHistory(mustDate(t, "2026-11-26"), 5)
	// Imported from a machine whose clock is ahead.
	days = append(days, coach.Day{Date: mustDate(t, "2026-12-01"), Workouts: []coach.Workout{{Kind: coach.Sport, Minutes: 30, RPE: 4}}})
	hs := newScreenHarness(t, "2026-11-26", days, 80, 24)
	hs.open(screenHistory)
	hs.mustContain("2026-12-01 Tue    future")
	hs.press("e")
	if hs.m.active != screenHistory {
		t.Fatalf("e on a future day opened %v", hs.m.active)
	}
	hs.mustContain("2026-12-01 is in the future; allowed up to today, 2026-11-26")
}
