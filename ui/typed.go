package ui

import (
	tea "charm.land/bubbletea/v2"

	"cooldown/coach/safetext"
)

// typed applies the keyboard rule to a key press bound for a text field
// (the note, the date picker, the minutes, the guide's filter and search):
// control characters other than new line and tab, and the bidirectional
// overrides and isolates, never reach the field, which would keep the
// bidi ones and show them. It returns the key with what is left of its
// text and how many characters it dropped; a key that had text and has
// none left (dropped > 0 and Text "") is not to be typed.
func typed(msg tea.KeyPressMsg) (tea.KeyPressMsg, int) {
	if msg.Text == "" {
		return msg, 0
	}
	runes, dropped := safetext.KeepTypedRunes([]rune(msg.Text))
	if dropped > 0 {
		msg.Text = string(runes)
	}
	return msg, dropped
}

// typedPaste applies the keyboard rule to a paste (Bubble Tea v2 delivers
// a bracketed paste as one tea.PasteMsg, not as keys): it returns the
// paste with what is left and how many characters it dropped.
func typedPaste(msg tea.PasteMsg) (tea.PasteMsg, int) {
	runes, dropped := safetext.KeepTypedRunes([]rune(msg.Content))
	if dropped > 0 {
		msg.Content = string(runes)
	}
	return msg, dropped
}

// dropKey reports whether a key filtered by typed is left with nothing to
// type.
func dropKey(msg tea.KeyPressMsg, dropped int) bool { return dropped > 0 && msg.Text == "" }
