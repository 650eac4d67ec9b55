package ui

import (
	"errors"
	"math/rand/v2"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/colorprofile"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cooldown/coach"
	"cooldown/coach/safetext"
	"cooldown/store"
)

// Tests of issue 15 (text from outside never acts on the terminal): a
// note, a path or an error quoting them reaches every view in safetext's
// visible form, and the note box keeps the keyboard rule.

// hostileSeeds are notes that try to act on a terminal, then random bytes
// drawn mostly from the dangerous ones (fixed seed: the same every run).
func hostileSeeds() []string {
	seeds := []string{
		"\x1b]0;pwned\x07",             // OSC 0: retitle the window
		"\x1b]52;c;cHduZWQ=\x07",       // OSC 52: write the clipboard
		"\x1b[2J\x1b[H",                // CSI: clear the screen
		"\u009b2J\u009d0;t\u009c",      // the same as C1 characters
		"\x1bP+q544e\x1b\\",            // DCS
		"\x1b_apc\x1b\\\x1bXsos\x1b\\", // APC, SOS
		"\x1b^pm\x1b\\",                // PM
		"abc\u202egnp.exe\u2066x\u2069",
		"line\none\ttab\r\x7f\x00",
		"\xc2\x9b2J \x9b2J \xff\xfe",
	}
	r := rand.New(rand.NewPCG(15, 4))
	alphabet := []string{"\x1b", "]", "[", "P", "_", "^", "X", "\\", "\x07", "\x9b", "\xc2\x9b", "\xc2\x9d", "\u202e", "\u2067", "\n", "\t", "\r", "a", "0", ";", "\xff", "é"}
	for i := 0; i < 12; i++ {
		var b strings.Builder
		for n := r.IntN(24) + 1; n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		seeds = append(seeds, b.String())
	}
	return seeds
}

// asNote makes seed a note the store takes: valid UTF-8 (every stored
// note is; a stray byte becomes a C1 CSI, no less hostile), wrapped in
// markers that show where it reaches a view.
func asNote(seed string) string { return "«" + strings.ToValidUTF8(seed, "\u009b") + "»" }

var sgr = regexp.MustCompile(`\x1b\[[0-9;:]*m`)

// checkFrame fails when a view holds a character that would act on a
// terminal. Under the ASCII profile the app writes no escape codes of its
// own, so the whole frame is checked; under colour, only the text between
// the markers « and » (a note) or ‹ and › (a path), less the app's own
// colour codes.
func checkFrame(t *testing.T, where, seed, view string, colour bool) {
	t.Helper()
	if !utf8.ValidString(view) {
		t.Fatalf("%s, seed %q: the view is not valid UTF-8:\n%q", where, seed, view)
	}
	// Under the ASCII profile the colours fall away at output, but the
	// view holds the app's own codes like any other: they are taken out
	// and the whole frame is checked.
	regions := []string{sgr.ReplaceAllString(view, "")}
	if colour {
		regions = nil
		for _, mark := range [][2]string{{"«", "»"}, {"‹", "›"}} {
			for rest := view; ; {
				i := strings.Index(rest, mark[0])
				if i < 0 {
					break
				}
				rest = rest[i:]
				j := strings.Index(rest, mark[1])
				if j < 0 {
					j = len(rest)
				}
				regions = append(regions, sgr.ReplaceAllString(rest[:j], ""))
				rest = rest[j:]
			}
		}
	}
	for _, s := range regions {
		for _, r := range s {
			if r != '\n' && safetext.NeedsEscape(r) {
				t.Fatalf("%s, seed %q: the view holds %U from the seed:\n%q", where, seed, r, view)
			}
		}
	}
}

// fakePath is a store whose path is hostile and which cannot be written,
// so the status line quotes the path.
type fakePath struct {
	*store.Store
	path string
}

func (f fakePath) Path() string   { return f.path }
func (f fakePath) ReadOnly() bool { return true }

// TestHostileTextInEveryView stores each seed as a raw note of today and
// of yesterday (past the keyboard rule: the store takes any valid UTF-8),
// and as the database's path and in errors and confirmations, then draws
// every screen, the opened day, the check-in summary, the open note box
// and the status line, in colour and without.
func TestHostileTextInEveryView(t *testing.T) {
	t.Parallel()
	for _, colour := range []bool{false, true} {
		for _, seed := range hostileSeeds() {
			hostileViews(t, seed, colour)
		}
	}
}

// FuzzHostileNoteViews is TestHostileTextInEveryView for any bytes, without
// colour (the whole frame is checked).
func FuzzHostileNoteViews(f *testing.F) {
	for _, s := range hostileSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, seed string) {
		if utf8.RuneCountInString(seed) > coach.MaxNoteRunes-2 {
			return
		}
		hostileViews(t, seed, false)
	})
}

// hostileViews runs every view of the app with seed as the note of today
// and yesterday, in the path and in an error and a confirmation, at 40x12
// and 120x50, and checks each frame with checkFrame.
func hostileViews(t *testing.T, seed string, colour bool) {
	t.Helper()
	today := mustDate(t, "2026-11-26")
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	profile := colorprofile.ASCII
	if colour {
		profile = colorprofile.TrueColor
	}
	note := asNote(seed)
	for _, size := range [][2]int{{40, 12}, {120, 50}} {
		st, err := store.Open(filepath.Join(t.TempDir(), "cooldown.db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if err := st.Replace(coach.DefaultSettings(), []coach.Day{relDay(today.AddDays(-1), note), relDay(today, note)}); err != nil {
			t.Fatalf("the store refused note %q: %v", note, err)
		}
		// The UI state the app reads back (theme, guide position, check-in
		// step) is text from the database too.
		for _, k := range []string{themeKey, guidePositionKey, checkinStepKey(today), checkinStepKey(today.AddDays(-1))} {
			if err := st.SetState(k, seed); err != nil {
				t.Fatalf("state %s: %v", k, err)
			}
		}
		path := "/tmp/‹" + seed + "›/cooldown.db" // any bytes: a path need not be UTF-8
		m := New(Options{Store: fakePath{st, path}, Now: func() time.Time { return now }, Location: time.UTC,
			Terminal: Terminal{Profile: profile, Dark: true}})
		drain(t, m, m.Init())
		send := func(msg tea.Msg) { _, cmd := m.Update(msg); drain(t, m, cmd) }
		send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		// frame checks the view; show names the marker the view
		// must hold at the larger size ("" for none), so that a
		// path that drops the text cannot pass.
		frame := func(where, show string) {
			t.Helper()
			v := m.View().Content // raw: checkFrame reads the codes
			checkFrame(t, where, seed, v, colour)
			if show != "" && size[1] >= 50 && !strings.Contains(v, show) {
				t.Fatalf("%s, seed %q: the view does not show %q:\n%s", where, seed, show, v)
			}
		}
		frame("home, the read-only path on the status line", "‹")
		for s := screen(0); s < numScreens; s++ {
			send(openScreenMsg{s})
			frame(s.String(), "")
		}
		send(openScreenMsg{screenHistory})
		send(pressKey("g"))
		send(pressKey("enter"))
		frame("history, the opened day", "«")
		send(pressKey("esc"))
		send(pressKey("down"))
		send(pressKey("enter"))
		frame("history, the day before", "«")
		send(pressKey("esc"))
		send(pressKey("a")) // add a past day: the date is typed
		send(pressKey("ctrl+u"))
		send(tea.PasteMsg{Content: note})
		frame("history, a pasted date", "")
		send(pressKey("enter"))
		frame("history, the pasted date refused", "")
		send(pressKey("esc"))
		paste := tea.PasteMsg{Content: note}
		send(openScreenMsg{screenGuide})
		send(pressKey("/"))
		send(paste)
		frame("the guide's filter, pasted", "")
		send(pressKey("esc"))
		send(pressKey("enter"))
		send(pressKey("/"))
		send(paste)
		frame("the guide's search, pasted", "")
		send(pressKey("enter"))
		frame("the guide's search, run", "")
		send(pressKey("esc"))
		send(editDayMsg{date: today, step: int(stepMinutes)})
		send(paste)
		frame("the check-in's minutes, pasted", "")
		send(infoMsg{"saved " + note})
		frame("the status line with a confirmation", "«")
		send(errMsg{errors.New("save day " + today.String() + ": " + note)})
		frame("the status line with an error", "«")
		for _, d := range []coach.Date{today, today.AddDays(-1)} {
			send(editDayMsg{date: d, step: int(stepSummary)})
			frame("check-in summary of "+d.String(), "«")
			send(pressKey("n"))
			frame("the note box opened on "+d.String(), "")
			send(tea.PasteMsg{Content: note})
			frame("the note box after a paste", "«")
			send(pressKey("esc"))
			frame("check-in summary after saving", "«")
		}
		// What the note box saved keeps the keyboard rule.
		d, err := st.Day(today)
		if err != nil {
			t.Fatal(err)
		}
		if err := safetext.CheckTyped(d.Note); err != nil {
			t.Fatalf("seed %q: the note box saved %q: %v", seed, d.Note, err)
		}
	}
}

// TestNoteBoxKeyboardRule types and pastes control and bidi characters
// into the note box: they never reach the text area, a notice says so,
// and the stored note holds only what the keyboard rule allows.
func TestNoteBoxKeyboardRule(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	hs := newScreenHarness(t, "2026-11-26", []coach.Day{relDay(today, "")}, 80, 30)
	hs.send(editDayMsg{date: today, step: int(stepSummary)})
	hs.press("n")
	hs.typeText("legs")
	hs.send(tea.KeyPressMsg{Code: tea.KeyExtended, Text: "\x1b]0;x\x07"}) // as a terminal might pass it
	hs.mustContain("left out 2 control characters the note cannot hold")
	hs.send(tea.PasteMsg{Content: " sore\u202e\u2066 \u009b2Jok\nnext"})
	hs.send(pressKey("\x7f"))
	hs.mustContain("left out 1 control character the note cannot hold")
	hs.press("esc")
	d, _ := storedDay(t, hs, today)
	if want := "legs]0;x sore 2Jok\nnext"; d.Note != want {
		t.Errorf("stored note = %q, want %q", d.Note, want)
	}
}

// TestImportedNoteKeptUnlessEdited opens the note box on a note that holds
// control characters (from an import): it opens without them, says so,
// and closing it unchanged leaves the stored note exactly as it was.
func TestImportedNoteKeptUnlessEdited(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	note := "imported\x1b]0;x\x07\ttabbed \u202eend"
	hs := newScreenHarness(t, "2026-11-26", []coach.Day{relDay(today, note)}, 80, 30)
	hs.send(editDayMsg{date: today, step: int(stepSummary)})
	hs.mustContain(`imported\x1b]0;x\a tabbed \u202eend`)
	hs.press("n")
	hs.mustContain("left out 3 control characters; esc unchanged keeps the stored note")
	hs.press("esc")
	if d, _ := storedDay(t, hs, today); d.Note != note {
		t.Errorf("closing the note unchanged stored %q, want %q kept", d.Note, note)
	}
	hs.press("n")
	hs.typeText("!")
	hs.press("esc")
	if d, _ := storedDay(t, hs, today); d.Note != "imported]0;x    tabbed end!" {
		t.Errorf("an edited note stored %q, want it without the control characters", d.Note)
	}
}

// TestEscapedWidth: lipgloss counts the visible form cell for cell, so a
// view lays out an escaped note as wide as it is drawn.
func TestEscapedWidth(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"\x1b]0;x\x07", "a\u009b\u202eb", "\xff\xfe", "é\x00日本"} {
		got := safetext.Line(s)
		want := 0
		for _, r := range got {
			want++
			if r == '日' || r == '本' {
				want++
			}
		}
		if w := lipgloss.Width(got); w != want {
			t.Errorf("lipgloss.Width(%q) = %d, want %d", got, w, want)
		}
	}
}

// TestPanicMessageEscaped: the crash guard's message quotes the panic's
// value and two paths; none of them reaches the terminal raw or starts a
// line of its own.
func TestPanicMessageEscaped(t *testing.T) {
	t.Parallel()
	e := &PanicError{Stage: "view", Value: "note \x1b]52;c;eA==\x07\nfake line", DB: "/tmp/\x1b[2J\ndb", Log: "/tmp/\u202elog"}
	got := e.Error()
	want := "the app stopped on an internal error in view: note \\x1b]52;c;eA==\\a fake line\n" +
		"every change it showed as saved is in /tmp/\\x1b[2J db\n" +
		"the details are in /tmp/\\u202elog; please report the bug with that file"
	if got != want {
		t.Errorf("PanicError.Error() =\n%s\nwant\n%s", got, want)
	}
}
