package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode"

	tea "charm.land/bubbletea/v2"
)

// The cut-word rule: no line of a screen ends in part of a word. Each
// golden's lines are checked against the same screen drawn in a window
// wide and tall enough that nothing is cut or wrapped: the text the lines
// come from.

// wideSize is the window the source text of a golden is drawn in.
const wideW, wideH = 400, 200

// scrollPos is a position in a scrolled text, "0%" to "100%".
var scrollPos = regexp.MustCompile(`^[0-9]{1,3}%$`)

// isWord reports whether a token holds a letter or a digit; rules, bars
// and the heat map's cells are graphics, not words.
func isWord(tok string) bool {
	return strings.IndexFunc(tok, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// cutWords returns the lines of frame whose last word is neither a word of
// source nor ends in "…", and how many lines ended in a word at all (so a
// caller can tell a frame with no words from a frame that passed). The
// last word is checked with the word before it where there is one: "start
// to" is a cut of "start today's" even though "to" is a word elsewhere.
func cutWords(frame, source string) (bad []string, checked int) {
	words, pairs := map[string]bool{}, map[string]bool{}
	for _, line := range strings.Split(plain(source), "\n") {
		f := strings.Fields(line)
		for i, tok := range f {
			words[tok] = true
			if i > 0 {
				pairs[f[i-1]+" "+tok] = true
			}
		}
	}
	for _, line := range strings.Split(plain(frame), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		last := f[len(f)-1]
		if !isWord(last) {
			continue
		}
		checked++
		// A scroll position ("40%") is computed for the frame's own size.
		if strings.HasSuffix(last, "…") || scrollPos.MatchString(last) {
			continue
		}
		if len(f) > 1 && isWord(f[len(f)-2]) {
			if pairs[f[len(f)-2]+" "+last] {
				continue
			}
		} else if words[last] {
			continue
		}
		bad = append(bad, line)
	}
	return bad, checked
}

// checkWords fails when a line of frame ends in a cut word, or when no
// line of frame ends in a word (the check would prove nothing). wide draws
// the same screen in a wideW x wideH window.
func checkWords(t testing.TB, frame string, wide func() string) {
	t.Helper()
	bad, checked := cutWords(frame, wide()+"\n"+sizedText())
	if checked == 0 {
		t.Fatalf("no line of the frame ends in a word:\n%s", plain(frame))
	}
	for _, l := range bad {
		t.Errorf("line ends in a cut word (not in the screen's full text, no \"…\"): %q", strings.TrimRight(l, " "))
	}
}

// sizedText is the text a screen words differently in a narrow window
// than in a wide one, whole: the narrow list heading, the heat map's span,
// which has as many weeks as fit, and how many rows of a list are hidden.
func sizedText() string {
	lines := []string{historyNarrowHeader}
	for n := 1; n <= heatWeeks; n++ {
		lines = append(lines, fmt.Sprintf("Last %d weeks", n))
	}
	for n := 1; n < 100; n++ {
		lines = append(lines, listMore(n, n))
	}
	return strings.Join(lines, "\n")
}

// wideView draws the model's screen in a wideW x wideH window, then
// gives it back its size.
func wideView(m tea.Model, w, h int) string {
	m.Update(tea.WindowSizeMsg{Width: wideW, Height: wideH})
	v := plain(m.View().Content)
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return v
}

// TestCutWordsCatchesCuts checks the rule itself on lines cut as the
// screens once cut them, and on the same text whole or shortened at a
// word with "…".
func TestCutWordsCatchesCuts(t *testing.T) {
	t.Parallel()
	source := "ratio needs 28 days since your first training day\nmobility 25m · flow 0m\nPress a to add a day, or start today's check-in\nto"
	for _, c := range []struct {
		frame string
		bad   int
	}{
		{"ratio needs 28 days since your first trainin", 1},
		{"2026-11-20 mo", 1},
		{"ratio needs 28 days since your first…\nmobility 25m", 0},
		{"ratio needs 28 days\nsince your first training day", 0},
		{"░░░▒▒", 0},
		{"your first", 0},
		{"since your first 28", 1},
		{"Press a to add a day, or start to", 1},
	} {
		bad, _ := cutWords(c.frame, source)
		if len(bad) != c.bad {
			t.Errorf("cutWords(%q) flags %q, want %d lines", c.frame, bad, c.bad)
		}
	}
}

// TestFitListSaysWhatIsHidden checks the line under a list shown in part.
func TestFitListSaysWhatIsHidden(t *testing.T) {
	t.Parallel()
	list := []string{"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"}
	for _, c := range []struct {
		cur, h int
		want   string
	}{
		{0, 5, "↓ 6 more"},
		{9, 5, "↑ 6 more"},
		{5, 5, "↑ 3 more · ↓ 3 more"},
		{3, 20, "r9"}, // it fits: no line of what is hidden
	} {
		out := fitList(DefaultStyles(true), nil, list, c.cur, nil, c.h)
		if last := plain(out[len(out)-1]); strings.TrimSpace(last) != c.want {
			t.Errorf("cursor %d in %d lines: last line %q, want %q", c.cur, c.h, last, c.want)
		}
		if len(out) > c.h {
			t.Errorf("cursor %d in %d lines: %d lines", c.cur, c.h, len(out))
		}
	}
}
