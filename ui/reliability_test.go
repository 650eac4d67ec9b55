package ui

// Reliability tests of the app model (issue 7; docs/reliability.md): the
// date re-read while the app is open (midnight, a suspend, a clock set
// back), windows from 0x0 up with every key, NO_COLOR, and unicode and
// long notes, driven by screenHarness. The helpers are prefixed rel so
// they cannot collide with other test files of the package.

import (
	"regexp"
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"cooldown/coach"
	"cooldown/store"
)

// relDay is a complete training day under the default settings.
func relDay(d coach.Date, note string) coach.Day {
	at := time.Date(d.Year, d.Month, d.Day, 19, 0, 0, 0, time.UTC)
	day := coach.Day{Date: d, Workouts: []coach.Workout{{Kind: coach.Strength, Minutes: 60, RPE: 7}}, Note: note}
	for _, it := range []coach.Item{coach.FoamRolling, coach.Berries, coach.LeafyGreens, coach.NutsSeeds} {
		day.SetDone(it, true, at)
	}
	day.Morning = &coach.Morning{SleepHours: 7.5, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4}
	return day
}

// TestDateRereadOnTick: the app keeps running across midnight, the
// day-start hour, a suspend of several days, a DST night and a clock set
// back; on each tick the parent model re-reads the date and, when it
// changed, reloads and shows the new one. The ticking never stops.
func TestDateRereadOnTick(t *testing.T) {
	t.Parallel()
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	st := harnessStore(t, relDay(mustDate(t, "2026-11-25"), ""), relDay(mustDate(t, "2026-11-26"), ""))
	a := openHarnessAt(t, st, time.Date(2026, 11, 26, 23, 50, 0, 0, london), london, 80, 24)
	steps := []struct {
		name   string
		now    time.Time
		today  string
		header string
		reload bool
	}{
		{"before midnight", time.Date(2026, 11, 26, 23, 59, 0, 0, london), "2026-11-26", "Thu 26 Nov 2026", false},
		{"past midnight, before the day starts", time.Date(2026, 11, 27, 0, 10, 0, 0, london), "2026-11-26", "Thu 26 Nov 2026", false},
		{"the day starts at 04:00", time.Date(2026, 11, 27, 4, 0, 30, 0, london), "2026-11-27", "Fri 27 Nov 2026", true},
		{"woken from a three-day suspend", time.Date(2026, 11, 30, 9, 15, 0, 0, london), "2026-11-30", "Mon 30 Nov 2026", true},
		{"clock set back a week", time.Date(2026, 11, 23, 12, 0, 0, 0, london), "2026-11-23", "Mon 23 Nov 2026", true},
		{"the clock put right", time.Date(2027, 3, 27, 22, 0, 0, 0, london), "2027-03-27", "Sat 27 Mar 2027", true},
		// 2027-03-28 01:00 GMT -> 02:00 BST: the night is an hour short.
		{"DST night, 03:59 BST", time.Date(2027, 3, 28, 3, 59, 0, 0, london), "2027-03-27", "Sat 27 Mar 2027", false},
		{"DST night, 04:00 BST", time.Date(2027, 3, 28, 4, 0, 0, 0, london), "2027-03-28", "Sun 28 Mar 2027", true},
	}
	for _, s := range steps {
		a.now = s.now
		before := a.m.ctx.today
		timers := a.send(tickMsg(s.now))
		if timers != 1 {
			t.Errorf("%s: the tick started %d timers, want 1 (the clock must keep ticking)", s.name, timers)
		}
		if got := a.m.ctx.today.String(); got != s.today {
			t.Errorf("%s: today %s, want %s", s.name, got, s.today)
		}
		if changed := a.m.ctx.today != before; changed != s.reload {
			t.Errorf("%s: date changed %v, want %v", s.name, changed, s.reload)
		}
		if v := plain(a.m.View().Content); !strings.Contains(v, s.header) {
			t.Errorf("%s: the header does not show %q:\n%s", s.name, s.header, v)
		}
		if a.m.err != nil {
			t.Errorf("%s: error shown: %v", s.name, a.m.err)
		}
	}
	// While the clock was set back, the days after "today" stayed stored and
	// played no part; they count again once their date has come.
	a.now = time.Date(2026, 11, 23, 12, 0, 0, 0, london)
	a.send(tickMsg(a.now))
	if n := a.m.ctx.summary.TrainingDays; n != 0 {
		t.Errorf("clock set back to 2026-11-23: %d training days counted, want 0 (both are in the future)", n)
	}
	if len(a.m.ctx.days) != 2 {
		t.Errorf("clock set back: %d days held, want both stored days kept", len(a.m.ctx.days))
	}
	a.now = time.Date(2026, 11, 26, 12, 0, 0, 0, london)
	a.send(tickMsg(a.now))
	if s := a.m.ctx.summary; s.TrainingDays != 2 || s.Streak.Current != 2 {
		t.Errorf("clock back at 2026-11-26: %d training days, streak %d; want 2 and 2", s.TrainingDays, s.Streak.Current)
	}
	days, err := st.Days()
	if err != nil || len(days) != 2 {
		t.Errorf("stored days after all that: %d, %v; want the 2 days untouched", len(days), err)
	}
}

// relKeys is every key a person might press, bar quitting.
var relKeys = []string{
	"enter", "esc", "up", "down", "left", "right", "pgup", "pgdown", "tab", "shift+tab",
	"ctrl+d", "ctrl+u", "backspace", "delete", "home", "end", "space", "ctrl+a", "ctrl+e", "ctrl+k", "ctrl+w",
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "v", "w", "x", "y", "z",
	"A", "G", "N", "?", "/", ",", ".", "[", "]", "-", "+", "=", " ",
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "é", "日", "\U0001F600",
}

// relSGR matches a Select Graphic Rendition sequence.
var relSGR = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// relColour returns the first escape code in v that is not a colourless
// SGR attribute (bold, faint, italic, underline, reverse and their
// resets): any colour, and any other kind of escape sequence.
func relColour(v string) string {
	rest := relSGR.ReplaceAllStringFunc(v, func(seq string) string {
		for _, p := range strings.FieldsFunc(relSGR.FindStringSubmatch(seq)[1], func(r rune) bool { return r == ';' || r == ':' }) {
			switch p {
			case "0", "00", "1", "2", "3", "4", "7", "22", "23", "24", "27":
			default:
				return seq
			}
		}
		return ""
	})
	if i := strings.IndexByte(rest, '\x1b'); i >= 0 {
		return rest[i:min(len(rest), i+12)]
	}
	return ""
}

// relCheckFits fails when the view is wider or taller than the window or
// carries colour under the ASCII profile (NO_COLOR). Colourless attributes
// are allowed: the guide marks search matches in reverse video, which
// NO_COLOR does not forbid and which keeps them visible.
func relCheckFits(t *testing.T, where string, v string, w, h int) {
	t.Helper()
	if c := relColour(v); c != "" {
		t.Fatalf("%s: colour or other escape code %q in an ASCII view: %q", where, c, v)
	}
	if v == "" {
		return
	}
	lines := strings.Split(v, "\n")
	if len(lines) > max(h, 0) {
		t.Fatalf("%s: %d lines in a window %d high:\n%s", where, len(lines), h, v)
	}
	for i, l := range lines {
		if lw := lipgloss.Width(l); lw > w {
			t.Fatalf("%s: line %d is %d cells in a window %d wide: %q", where, i+1, lw, w, l)
		}
	}
}

// TestTinyWindows: 0x0, 1x1, 10x3 and sizes just below the minimum, as
// the first size and as resizes down from a large window, on every screen,
// with every key pressed at each size: never a panic, never a line wider
// or a view taller than the window, no escape codes under NO_COLOR's
// ASCII profile, and "window too small" wherever it fits.
func TestTinyWindows(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	days := []coach.Day{relDay(today.AddDays(-2), "a note"), relDay(today.AddDays(-1), ""), {Date: today, Workouts: []coach.Workout{{Kind: coach.Intervals, Minutes: 30, RPE: 8}}}}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	sizes := [][2]int{{0, 0}, {1, 1}, {10, 3}, {39, 12}, {40, 11}, {39, 11}, {0, 24}, {80, 0}}
	for s := screen(0); s < numScreens; s++ {
		t.Run(s.String(), func(t *testing.T) {
			a := openHarnessAt(t, harnessStore(t, days...), now, time.UTC, 120, 40)
			a.send(openScreenMsg{s})
			for _, size := range sizes {
				w, h := size[0], size[1]
				// Resize down from a large window, then press every key.
				a.send(tea.WindowSizeMsg{Width: 120, Height: 40})
				relCheckFits(t, "120x40", plain(a.m.View().Content), 120, 40)
				a.send(tea.WindowSizeMsg{Width: w, Height: h})
				for _, k := range relKeys {
					a.send(pressKey(k))
					v := plain(a.m.View().Content)
					where := s.String() + " after " + k + " at " + strings.Join([]string{itoa(w), itoa(h)}, "x")
					relCheckFits(t, where, v, w, h)
					if w >= len("window too small") && h >= 1 && !strings.Contains(v, "window too small") {
						t.Fatalf("%s: want \"window too small\", got:\n%s", where, v)
					}
				}
				// Back to a usable size: the app draws normally again.
				a.send(tea.WindowSizeMsg{Width: 40, Height: 12})
				v := plain(a.m.View().Content)
				relCheckFits(t, "40x12", v, 40, 12)
				if strings.Contains(v, "window too small") {
					t.Fatalf("40x12 after %dx%d still says too small:\n%s", w, h, v)
				}
			}
		})
	}
	// The very first size may be tiny too.
	for _, size := range sizes {
		a := openHarnessAt(t, harnessStore(t, days...), now, time.UTC, size[0], size[1])
		relCheckFits(t, "first size", plain(a.m.View().Content), size[0], size[1])
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestEveryKeyEverySize presses every key on every screen at the minimum
// size and at a large one: no panic, everything fits, no escape codes.
func TestEveryKeyEverySize(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	days := []coach.Day{relDay(today.AddDays(-3), strings.Repeat("long note ", 200)), relDay(today.AddDays(-1), "")}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, size := range [][2]int{{40, 12}, {200, 60}} {
		for s := screen(0); s < numScreens; s++ {
			a := openHarnessAt(t, harnessStore(t, days...), now, time.UTC, size[0], size[1])
			a.send(openScreenMsg{s})
			for _, k := range relKeys {
				a.send(pressKey(k))
				relCheckFits(t, s.String()+" after "+k, plain(a.m.View().Content), size[0], size[1])
			}
		}
	}
}

// TestUnicodeAndLongNotes: a note of 2,000 characters mixing combining
// marks, wide CJK and emoji is shown by the history screen within the
// window, and the guide's search takes the same kinds of text without
// trouble.
func TestUnicodeAndLongNotes(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	unit := "e\u0301\u0328 漢字\U0001F600 ok" // 10 runes: combining marks, wide CJK, an emoji
	note := strings.Repeat(unit, 200)
	if n := len([]rune(note)); n != coach.MaxNoteRunes {
		t.Fatalf("fixture: note of %d runes, want %d", n, coach.MaxNoteRunes)
	}
	st := harnessStore(t, relDay(today.AddDays(-1), note))
	if d, err := st.Day(today.AddDays(-1)); err != nil || d.Note != note {
		t.Fatalf("the store did not keep the note exactly: %v", err)
	}
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, size := range [][2]int{{40, 12}, {81, 30}, {200, 60}} {
		a := openHarnessAt(t, st, now, time.UTC, size[0], size[1])
		a.send(openScreenMsg{screenHistory})
		for _, k := range []string{"enter", "down", "pgdown", "G", "end", "pgup", "g", "esc"} {
			a.send(pressKey(k))
			relCheckFits(t, "history after "+k, plain(a.m.View().Content), size[0], size[1])
		}
		a.send(openScreenMsg{screenHistory})
		a.send(pressKey("enter"))
		if v := plain(a.m.View().Content); size[1] >= 30 && !strings.Contains(v, "e\u0301\u0328 漢字\U0001F600 ok") {
			t.Errorf("%dx%d: the opened day does not show the note:\n%s", size[0], size[1], v)
		}
		a.send(pressKey("esc"))
		// The contents' filter, then search inside a section.
		a.send(openScreenMsg{screenGuide})
		a.send(pressKey("/"))
		for _, r := range "漢字e\u0301\U0001F600" {
			a.send(pressKey(string(r)))
		}
		relCheckFits(t, "guide filter", plain(a.m.View().Content), size[0], size[1])
		a.send(pressKey("esc"))
		a.send(pressKey("enter"))
		for _, q := range []string{"e\u0301", "漢字", "\U0001F600", "inflammation", strings.Repeat("日", 300)} {
			a.send(pressKey("/"))
			for _, r := range q {
				a.send(pressKey(string(r)))
			}
			a.send(pressKey("enter"))
			a.send(pressKey("n"))
			a.send(pressKey("N"))
			relCheckFits(t, "guide search "+q, plain(a.m.View().Content), size[0], size[1])
			a.send(pressKey("esc"))
		}
	}
}

// TestNoColorProfile: NO_COLOR makes the detected profile ASCII, and the
// app draws no escape codes under it (TestTinyWindows checks every
// screen's view under the ASCII profile).
func TestNoColorProfile(t *testing.T) {
	t.Setenv("NO_COLOR", "1")
	t.Setenv("CLICOLOR_FORCE", "1") // would force colour on a pipe without NO_COLOR
	if p := DetectTerminal().Profile; p != colorprofile.ASCII {
		t.Errorf("DetectTerminal with NO_COLOR: profile %v, want Ascii", p)
	}
}

// TestReadOnlyStoreShown: a database that can only be read (a read-only
// file or directory, or ReadOnly in the options; as root the permission
// bits do not stop writes, so the option stands in for them here and the
// binary test TestBadPlaces runs as an unprivileged user) opens, shows its
// data, says it cannot save, and a change made anyway fails inline with
// the reason, keeping the app running.
func TestReadOnlyStoreShown(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	rw := harnessStore(t, relDay(today.AddDays(-1), "kept"))
	st, err := store.Open(rw.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	a := openHarnessAt(t, st, time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC), time.UTC, 100, 30)
	if v := plain(a.m.View().Content); !strings.Contains(v, "read-only: changes cannot be saved ("+st.Path()+")") {
		t.Errorf("home does not say the database is read-only:\n%s", v)
	}
	if a.m.ctx.summary.TrainingDays != 1 {
		t.Errorf("the stored day was not read: %d training days", a.m.ctx.summary.TrainingDays)
	}
	a.send(openScreenMsg{screenCheckin})
	a.send(pressKey("1"))
	if v := plain(a.m.View().Content); !strings.Contains(v, "cannot save to "+st.Path()) {
		t.Errorf("a change to a read-only database does not say it cannot save:\n%s", v)
	}
	if days, _ := rw.Days(); len(days) != 1 {
		t.Errorf("a read-only store was written: %d days", len(days))
	}
}
