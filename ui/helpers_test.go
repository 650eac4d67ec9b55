package ui

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"cooldown/coach"
	"cooldown/store"
)

// Helpers shared by the screen tests, on top of screenHarness
// (history_harness_test.go): it drives the parent Model over a real store
// in t.TempDir() with a fixed clock in UTC and colour off.

func homeOf(hs *screenHarness) *homeModel { return hs.m.home }

func checkinOf(hs *screenHarness) *checkinModel {
	return hs.m.checkin
}

// storedDay re-opens the harness's database file, as another process
// would, and returns the day of date as stored; ok is false when there is
// none.
func storedDay(t testing.TB, hs *screenHarness, date coach.Date) (coach.Day, bool) {
	t.Helper()
	st, err := store.Open(hs.st.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("re-open store: %v", err)
	}
	d, err := st.Day(date)
	if err != nil {
		return coach.Day{}, false
	}
	return d, true
}

// storedState re-opens the database file and returns the UI state of key.
func storedState(t testing.TB, hs *screenHarness, key string) string {
	t.Helper()
	st, err := store.Open(hs.st.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("re-open store: %v", err)
	}
	v, err := st.State(key)
	if err != nil {
		t.Fatalf("read state %s: %v", key, err)
	}
	return v
}

// reopen starts a new run of the app on the same database, as a person
// who quit and came back would.
func reopen(hs *screenHarness, today string, w, h int) *screenHarness {
	hs.t.Helper()
	return openHarness(hs.t, hs.st, today, w, h)
}

// activeScreen returns the screen the parent shows.
func activeScreen(hs *screenHarness) screen { return hs.m.active }

// goldenSizes are the window sizes of the golden files: every screen is
// pinned at each.
var goldenSizes = [][2]int{{40, 12}, {60, 20}, {80, 24}, {120, 40}}

// pressKey builds the key press Bubble Tea v2 delivers for a key name
// ("enter", "ctrl+d", "space", "j"); any other text is one key carrying
// that text, as a terminal sends a character it has no code for.
func pressKey(k string) tea.KeyPressMsg {
	codes := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"tab": tea.KeyTab, "backspace": tea.KeyBackspace, "delete": tea.KeyDelete,
		"home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if c, ok := codes[k]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	switch {
	case k == "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case k == "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case strings.HasPrefix(k, "ctrl+") && utf8.RuneCountInString(k) == 6:
		return tea.KeyPressMsg{Code: rune(k[5]), Mod: tea.ModCtrl}
	case utf8.RuneCountInString(k) == 1:
		r, _ := utf8.DecodeRuneInString(k)
		return tea.KeyPressMsg{Code: r, Text: k}
	}
	return tea.KeyPressMsg{Code: tea.KeyExtended, Text: k}
}

// viewOf is the content of a view.
func viewOf(m interface{ View() tea.View }) string { return plain(m.View().Content) }

// plain is a frame's text without escape codes, for the tests that look
// for words in it (v2 leaves colour to Bubble Tea: a view always holds
// its styles).
func plain(s string) string { return ansi.Strip(s) }

// asciiFrame is a frame as Bubble Tea writes it under the ASCII profile
// (NO_COLOR on a terminal): no colour, bold and reverse video kept. The
// goldens hold it.
func asciiFrame(s string) string {
	var b bytes.Buffer
	w := colorprofile.Writer{Forward: &b, Profile: colorprofile.ASCII}
	_, _ = w.WriteString(s)
	return b.String()
}
