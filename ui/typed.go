package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"cooldown/coach/safetext"
)

// typed applies the keyboard rule to a key press or a paste bound for a
// text field (the note, the date picker, the minutes, the guide's filter
// and search): control characters other than new line and tab, and the
// bidirectional overrides and isolates, never reach the field, which
// would keep the bidi ones and show them. It returns the key with what is
// left and how many characters it dropped; a key left with no runes is
// not to be typed.
func typed(msg tea.KeyMsg) (tea.KeyMsg, int) {
	if msg.Type != tea.KeyRunes {
		return msg, 0
	}
	runes, dropped := safetext.KeepTypedRunes(msg.Runes)
	msg.Runes = runes
	return msg, dropped
}
