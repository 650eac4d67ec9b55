package ui

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"cooldown/content"
)

// Terminal is what the program knows of the terminal it draws on. It is
// detected once, before the Bubble Tea program owns stdin: querying the
// terminal later can stall the first frame for seconds.
type Terminal struct {
	Profile termenv.Profile // colour profile; termenv.Ascii under NO_COLOR
	Dark    bool            // dark background
}

// DetectTerminal reads the colour profile (honouring NO_COLOR) and the
// background of the terminal on stdout. Call it in main before Run. It asks
// lipgloss, whose answer Bubble Tea's own init has already fetched and
// cached, so the terminal is queried once per process, not twice.
func DetectTerminal() Terminal {
	t := Terminal{Profile: lipgloss.ColorProfile(), Dark: true}
	if t.Profile != termenv.Ascii {
		t.Dark = lipgloss.HasDarkBackground()
	}
	return t
}

// apply makes lipgloss use the detected terminal without querying it again.
func (t Terminal) apply() {
	lipgloss.SetColorProfile(t.Profile)
	lipgloss.SetHasDarkBackground(t.Dark)
}

// glamourStyle returns the guide style that suits the terminal and theme
// ("auto", "dark" or "light").
func (t Terminal) glamourStyle(theme string) content.Style {
	if t.Profile == termenv.Ascii {
		return content.StylePlain
	}
	if t.isDark(theme) {
		return content.StyleDark
	}
	return content.StyleLight
}

// isDark reports whether to draw for a dark background under theme.
func (t Terminal) isDark(theme string) bool {
	switch theme {
	case ThemeDark:
		return true
	case ThemeLight:
		return false
	}
	return t.Dark
}

// The themes a person can choose in settings.
const (
	ThemeAuto  = "auto"
	ThemeDark  = "dark"
	ThemeLight = "light"
)
