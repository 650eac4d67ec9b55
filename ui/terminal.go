package ui

import (
	"os"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"cooldown/content"
)

// Terminal is what the program knows of the terminal it draws on before
// Bubble Tea starts. Nothing here queries the terminal: the background is
// asked for by the app, through Bubble Tea, once it runs
// (tea.RequestBackgroundColor), and the first frame is drawn without
// waiting for the answer.
type Terminal struct {
	// Profile is the colour profile, after cooldown's colour rules
	// (content.ColorProfile); Bubble Tea reduces every colour to it.
	Profile colorprofile.Profile
	// Dark is the background to draw for until the terminal answers:
	// true unless the app learnt otherwise last time.
	Dark bool
}

// DetectTerminal returns the colour profile of stdout under the colour
// rules, from the detection lipgloss made at start (lipgloss.Writer), so
// the environment, terminfo and tmux are not read a second time. It never
// writes to the terminal.
func DetectTerminal() Terminal {
	return Terminal{Profile: content.ColorProfile(lipgloss.Writer.Profile, true, os.Getenv), Dark: true}
}

// glamourStyle returns the guide style that suits the terminal and theme
// ("auto", "dark" or "light").
func (t Terminal) glamourStyle(theme string) content.Style {
	return content.StyleFor(t.Profile, t.isDark(theme))
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

// backgroundKey is the state key under which the app keeps the last
// background the terminal reported ("dark" or "light"), so that the next
// start's first frame, drawn before the terminal answers, has the right
// colours under the theme "auto".
const backgroundKey = "background"

// restyleMsg tells the screens the styles changed (the terminal reported
// its background): those that keep styled components restyle them.
type restyleMsg struct{}

// storedBackgroundDark reads the background the app stored last time:
// dark unless it was "light".
func storedBackgroundDark(st Store) bool {
	v, err := st.State(backgroundKey)
	return err != nil || v != ThemeLight
}

// saveBackground returns a command that stores the background the
// terminal reported, for the next start. Failing to store it (a read-only
// database) costs only a first frame in the other colours: nothing is
// shown.
func saveBackground(st Store, dark bool) tea.Cmd {
	if st == nil || st.ReadOnly() {
		return nil
	}
	v := ThemeLight
	if dark {
		v = ThemeDark
	}
	return func() tea.Msg {
		_ = st.SetState(backgroundKey, v)
		return nil
	}
}

// StoredDark reports, from what the app stored and without asking the
// terminal, whether to draw for a dark background: the theme chosen in
// settings, and under "auto" the background the terminal last reported
// to the app (dark when it never did). `cooldown guide` uses it.
func StoredDark(st interface{ State(string) (string, error) }) bool {
	theme, _ := st.State(themeKey)
	switch theme {
	case ThemeDark:
		return true
	case ThemeLight:
		return false
	}
	bg, err := st.State(backgroundKey)
	return err != nil || bg != ThemeLight
}
