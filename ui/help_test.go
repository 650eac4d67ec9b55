package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
)

// helpStates are the screens and states a help line is checked in: each
// opens one on a fresh harness.
var helpStates = []struct {
	name   string
	typing bool
	open   func(hs *screenHarness)
}{
	{"home", false, func(hs *screenHarness) {}},
	{"home/morning", false, func(hs *screenHarness) { hs.press("m") }},
	{"checkin/kind", false, func(hs *screenHarness) { hs.press("enter") }},
	{"checkin/minutes", true, func(hs *screenHarness) { hs.press("enter", "enter") }},
	{"checkin/effort", false, func(hs *screenHarness) { hs.press("enter", "enter", "enter") }},
	{"checkin/blood-flow", false, func(hs *screenHarness) { hs.press("enter", "enter", "enter", "enter") }},
	{"checkin/sleep", false, func(hs *screenHarness) { hs.press("enter", "enter", "enter", "enter", "enter", "enter") }},
	{"checkin/summary", false, func(hs *screenHarness) { hs.press("enter", "enter", "enter", "enter", "enter", "enter", "enter") }},
	{"checkin/note", true, func(hs *screenHarness) { hs.press("enter", "enter", "enter", "enter", "enter", "enter", "enter", "n") }},
	{"guide/contents", false, func(hs *screenHarness) { hs.open(screenGuide) }},
	{"guide/filter", true, func(hs *screenHarness) { hs.open(screenGuide); hs.press("/") }},
	{"guide/pager", false, func(hs *screenHarness) { hs.send(openSectionMsg{"overview"}) }},
	{"guide/search", true, func(hs *screenHarness) { hs.send(openSectionMsg{"overview"}); hs.press("/") }},
	{"streak", false, func(hs *screenHarness) { hs.open(screenStreak) }},
	{"history", false, func(hs *screenHarness) { hs.open(screenHistory) }},
	{"history/day", false, func(hs *screenHarness) { hs.open(screenHistory); hs.press("enter") }},
	{"history/confirm", false, func(hs *screenHarness) { hs.open(screenHistory); hs.press("d") }},
	{"history/picker", true, func(hs *screenHarness) { hs.open(screenHistory); hs.press("a") }},
	{"settings", false, func(hs *screenHarness) { hs.open(screenSettings) }},
}

// TestHelpLineKeepsWhatMatters checks the help line of every screen at
// 40, 60, 80 and 120 columns: one line within the width, " · " between
// keys, ending in "? more keys · q quit" (in a text field "esc done ·
// ctrl+c quit"), each key once.
func TestHelpLineKeepsWhatMatters(t *testing.T) {
	t.Parallel()
	today := "2026-11-26"
	days := testHistory(mustDate(t, "2026-11-25"), 40)
	for _, st := range helpStates {
		for _, w := range []int{40, 60, 80, 120} {
			t.Run(fmt.Sprintf("%s/%d", st.name, w), func(t *testing.T) {
				hs := newScreenHarness(t, today, days, w, 24)
				st.open(hs)
				if got := hs.m.page().typing(); got != st.typing {
					t.Fatalf("typing = %v, want %v (the state did not open)", got, st.typing)
				}
				line := plain(hs.m.helpView())
				if lipgloss.Height(line) != 1 {
					t.Fatalf("help is %d lines, want 1:\n%s", lipgloss.Height(line), line)
				}
				if lw := lipgloss.Width(line); lw > hs.m.help.Width() {
					t.Errorf("help is %d cells wide, want at most %d: %q", lw, hs.m.help.Width(), line)
				}
				tail := "? more keys · q quit"
				if st.typing {
					tail = "esc done · ctrl+c quit"
				}
				if !strings.HasSuffix(line, tail) {
					t.Errorf("help = %q, want it to end in %q", line, tail)
				}
				if strings.Contains(line, "•") || strings.Contains(line, "…") {
					t.Errorf("help = %q, want \" · \" between whole keys", line)
				}
				seen := map[string]bool{}
				for _, part := range strings.Split(line, " · ") {
					k, _, _ := strings.Cut(part, " ")
					if seen[k] {
						t.Errorf("help = %q names %q twice", line, k)
					}
					seen[k] = true
				}
				// At 120 columns the screen's own first key fits too.
				if w == 120 && !st.typing && len(shownKeys(hs.m.page().ShortHelp(), map[string]bool{})) > 0 && line == tail {
					t.Errorf("help at 120 columns = %q, want the screen's keys before the tail", line)
				}
			})
		}
	}
}

// TestFullHelpHasEveryKeyOnce opens the full help on every screen and
// checks that it names each key once, leaves out "?" (it is open), and
// keeps every enabled key of the screen's short help.
func TestFullHelpHasEveryKeyOnce(t *testing.T) {
	t.Parallel()
	days := testHistory(mustDate(t, "2026-11-25"), 40)
	for _, st := range helpStates {
		if st.typing {
			continue
		}
		t.Run(st.name, func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", days, 160, 40)
			st.open(hs)
			hs.press("?")
			if !hs.m.help.ShowAll {
				t.Fatal("? did not open the full help")
			}
			groups := fullHelpGroups(hs.m.page().FullHelp(), hs.m.keys, false)
			seen := map[string]bool{}
			glyphs := map[string]string{}
			var descs []string
			for _, g := range groups {
				for _, b := range g {
					h := b.Help()
					if seen[h.Key] {
						t.Errorf("full help names %q twice", h.Key)
					}
					seen[h.Key] = true
					// "↑/↓ move" beside "↓/j next" names ↓ twice.
					glyphList := strings.Split(h.Key, "/")
					if h.Key == "/" {
						glyphList = []string{"/"}
					}
					for _, glyph := range glyphList {
						if glyphs[glyph] != "" {
							t.Errorf("full help names %q in %q and %q", glyph, glyphs[glyph], h.Key)
						}
						glyphs[glyph] = h.Key
					}
					descs = append(descs, h.Desc)
					for _, k := range b.Keys() {
						if k == "?" {
							t.Errorf("full help offers ? while it is open (%q)", h.Key)
						}
					}
				}
			}
			for _, b := range shownKeys(hs.m.page().ShortHelp(), map[string]bool{}) {
				if strings.Contains(b.Help().Key, "/") && !seen[b.Help().Key] {
					continue // a pair: the full help lists its two halves
				}
				if !seen[b.Help().Key] {
					t.Errorf("full help lacks %q %q of the short help", b.Help().Key, b.Help().Desc)
				}
			}
			view := plain(hs.m.helpView())
			if !regexp.MustCompile(`q +quit`).MatchString(view) || strings.Contains(view, "more keys") {
				t.Errorf("full help view = %q, want q quit and no \"more keys\"", view)
			}
			if st.name == "checkin/sleep" {
				for _, want := range []string{"15 min earlier", "15 min later"} {
					if !strings.Contains(strings.Join(descs, "|"), want) {
						t.Errorf("sleep's full help = %q, want %q", descs, want)
					}
				}
			}
		})
	}
}
