package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"cooldown/coach"
)

// TestHomeGolden pins the home screen through a real Bubble Tea program
// (teatest) at 80x24 and 120x40 with colour off: a fresh start, the same
// with a history and an open morning check, and the morning form open.
func TestHomeGolden(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		days []coach.Day
		keys []string
	}{
		{"empty", nil, nil},
		{"history", testHistory(mustDate(t, "2026-11-25"), 120), nil},
		{"morning", testHistory(mustDate(t, "2026-11-25"), 120), []string{"m", "7", ".", "down", "2", "3"}},
	}
	for _, c := range cases {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", c.name, size[0], size[1]), func(t *testing.T) {
				hs := newScreenHarness(t, "2026-11-26", c.days, size[0], size[1])
				now := hs.now
				m := New(Options{
					Store:    hs.st,
					Now:      func() time.Time { return now },
					Location: time.UTC,
					Terminal: Terminal{Profile: colorprofile.ASCII, Dark: true},
				})
				tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(size[0], size[1]))
				for _, k := range c.keys {
					tm.Send(pressKey(k))
				}
				if err := tm.Quit(); err != nil {
					t.Fatal(err)
				}
				final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
				frame := final.View().Content
				golden.RequireEqual(t, []byte(asciiFrame(frame)))
				checkWords(t, frame, func() string { return wideView(final, size[0], size[1]) })
			})
		}
	}
}

// TestHomeMorningCheck answers the open morning check on home and finds
// it stored and the next question offered.
func TestHomeMorningCheck(t *testing.T) {
	t.Parallel()
	days := testHistory(mustDate(t, "2026-11-25"), 30)
	hs := newScreenHarness(t, "2026-11-26", days, 100, 30)
	hs.mustContain("How did you sleep after Wed 25 Nov?", "(1 more open)", "m morning check")
	hs.press("m")
	hs.mustContain("after Wed 25 Nov 2026", "Hours slept", "Sleep quality", "Fatigue", "Stress", "Muscle soreness", "1 very good · 7 very bad")

	// Saving with a rating missing is refused, with the range, and
	// nothing is written.
	hs.press("right", "right", "right", "enter")
	hs.mustContain("sleep quality: choose 1 (very good) to 7 (very bad)")
	if d, _ := storedDay(t, hs, mustDate(t, "2026-11-25")); d.Morning != nil {
		t.Fatalf("an incomplete morning check was stored: %+v", d.Morning)
	}
	hs.press("2", "5", "3", "enter") // a digit answers and moves on
	hs.mustContain("muscle soreness: choose 1 (none) to 7 (very sore)")
	hs.press("6", "enter")
	hs.mustContain("Saved. 8.5 h meets your 7 h target: Wed 25 Nov is complete; current streak 1, was 0", "How did you sleep after Tue 24 Nov?")

	d, _ := storedDay(t, hs, mustDate(t, "2026-11-25"))
	want := coach.Morning{SleepHours: 8.5, SleepQuality: 2, Fatigue: 5, Stress: 3, Soreness: 6}
	if d.Morning == nil || *d.Morning != want {
		t.Fatalf("stored morning = %+v, want %+v", d.Morning, want)
	}

	// Hours by digits: 1 then 2 reads 12, a third digit starts again,
	// "." adds the half hour, and the range holds at both ends.
	hs.press("m", "1", "2")
	if got := homeOf(hs).form.hours; got != 12 {
		t.Errorf("typed 12: hours = %v", got)
	}
	hs.press("9", ".")
	if got := homeOf(hs).form.hours; got != 9.5 {
		t.Errorf("typed 9.: hours = %v", got)
	}
	for i := 0; i < 40; i++ {
		hs.press("right")
	}
	if got := homeOf(hs).form.hours; got != 16 {
		t.Errorf("hours past the top = %v, want 16", got)
	}
	hs.press("esc")
	if homeOf(hs).form != nil {
		t.Fatal("esc did not close the morning form")
	}
}

// TestHomeKeysOpenScreens checks the ways on from home.
func TestHomeKeysOpenScreens(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-25"), 30), 100, 30)
	for _, c := range []struct {
		key  string
		want screen
	}{{"g", screenGuide}, {"s", screenStreak}, {"h", screenHistory}, {",", screenSettings}, {"i", screenGuide}, {"enter", screenCheckin}} {
		hs.press(c.key)
		if got := activeScreen(hs); got != c.want {
			t.Errorf("%s opened %v, want %v", c.key, got, c.want)
		}
		hs.send(backMsg{})
		hs.m.back = nil
		hs.m.active = screenHome
	}
}

// TestHomeHelpShowsWorkingKeys checks that keys which do nothing are not
// offered.
func TestHomeHelpShowsWorkingKeys(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 120, 30)
	if h := ansi.Strip(hs.m.helpView()); strings.Contains(h, "morning") || strings.Contains(h, "start check-in") || !strings.Contains(h, "i why") {
		t.Errorf("help without open questions = %q", h)
	}
	hs.press("m")
	if homeOf(hs).form != nil {
		t.Error("m opened a morning form with nothing to ask")
	}
}

// TestHomeRollsOverAtDayStart keeps the app open across the day-start
// hour: the tick re-reads the clock and home shows the new date, with
// yesterday's check-in now asking its morning question.
func TestHomeRollsOverAtDayStart(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	hs.press("enter", "1", "enter", "enter", "space", "enter", "esc", "esc", "esc", "esc", "esc")
	hs.mustContain("Thu 26 Nov 2026", "Check-in step")

	hs.now = time.Date(2026, 11, 27, 3, 59, 0, 0, time.UTC) // before the day starts at 04:00
	hs.send(tickMsg(hs.now))
	hs.mustContain("Thu 26 Nov 2026", "Check-in step")

	hs.now = time.Date(2026, 11, 27, 4, 0, 0, 0, time.UTC)
	hs.send(tickMsg(hs.now))
	hs.mustContain("Fri 27 Nov 2026", "Check-in not started", "How did you sleep after Thu 26 Nov?")
}

// TestHomeDropsStaleStepRead delivers a read of the check-in step that was
// made before a later write: home keeps the written step.
func TestHomeDropsStaleStepRead(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	hs.press("enter", "1", "esc", "esc") // a day in progress
	today := mustDate(t, "2026-11-26")
	stale := homeOf(hs).stepWrites
	hs.send(checkinStepMsg{date: today, step: stepDoneName, saved: true})
	hs.send(checkinStepMsg{date: today, step: "minutes", writes: stale})
	hs.mustContain("Check-in finished")
}
