package ui

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCheckinNote writes a note on the summary step: q and ? are typed
// into it, esc saves it, and a note over the limit is refused with the
// range while what was typed stays.
func TestCheckinNote(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	today := mustDate(t, "2026-11-26")
	hs.press("enter", "enter") // strength, 45 minutes
	for i := 0; i < 5; i++ {
		hs.press("enter")
	}
	hs.mustContain("Step 7 of 7", "n adds one")

	hs.press("n")
	if !checkinOf(hs).typing() {
		t.Fatal("the open note does not take the keys")
	}
	hs.typeText("legs, quads sore? q")
	hs.press("enter")
	hs.typeText("ok")
	hs.mustContain("esc done · ctrl+c quit", "legs, quads sore? q")
	if activeScreen(hs) != screenCheckin {
		t.Fatalf("typing q in the note left the check-in for %v", activeScreen(hs))
	}
	hs.press("esc")
	d, ok := storedDay(t, hs, today)
	if want := "legs, quads sore? q\nok"; !ok || d.Note != want {
		t.Fatalf("stored note = %q, want %q", d.Note, want)
	}
	hs.mustContain("Note    legs, quads sore? q ok", "Step 7 of 7")

	// The text area holds at most the coach's limit, so a longer paste is
	// cut at 2,000 characters rather than lost.
	hs.press("n")
	checkinOf(hs).note.SetValue(strings.Repeat("é", 2001))
	hs.press("esc")
	if d, _ := storedDay(t, hs, today); utf8.RuneCountInString(d.Note) != 2000 {
		t.Fatalf("stored note has %d characters, want the limit, 2000", utf8.RuneCountInString(d.Note))
	}
	hs.mustContain("Note    éé")
}

// TestNoteCountsDownNearLimit checks the line under the note box: the
// limit while far from it, the characters left near it, none at it.
func TestNoteCountsDownNearLimit(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.press("enter", "enter")
	for i := 0; i < 5; i++ {
		hs.press("enter")
	}
	hs.press("n")
	for _, c := range []struct {
		runes int
		want  string
	}{
		{0, "at most 2,000 characters"},
		{1799, "at most 2,000 characters"},
		{1800, "200 characters left"},
		{1999, "1 character left"},
		{2000, "no characters left"},
	} {
		checkinOf(hs).note.SetValue(strings.Repeat("é", c.runes))
		hs.press("end") // a key, so the screen is drawn again
		hs.mustContain(c.want)
	}
}
