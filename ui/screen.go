package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// screen names one screen of the app.
type screen int

// The screens, in the order the home screen offers them.
const (
	screenHome screen = iota
	screenCheckin
	screenGuide
	screenStreak
	screenHistory
	screenSettings
	numScreens
)

// String returns the screen's name, for logs and tests.
func (s screen) String() string {
	switch s {
	case screenHome:
		return "home"
	case screenCheckin:
		return "check-in"
	case screenGuide:
		return "guide"
	case screenStreak:
		return "streak"
	case screenHistory:
		return "history"
	case screenSettings:
		return "settings"
	}
	return "unknown"
}

// page is what every screen gives the parent model, which holds each
// screen in a typed field (Model) and uses page for what it does alike for
// all: routing, sizes, help. Screens keep their own state, so leaving one
// and coming back finds it where it was; they change the shared context
// never, asking the parent with a message instead (reloadMsg, themeMsg,
// openScreenMsg...).
type page interface {
	help.KeyMap
	// enter is called each time the screen is shown; it returns the
	// commands that reload what the screen shows.
	enter() tea.Cmd
	// update handles a message the parent routes to the screen (pages.go):
	// its keys while shown, the replies to its requests at any time, and
	// the broadcast ones.
	update(msg tea.Msg) tea.Cmd
	// view draws the screen in the size given to setSize. It changes
	// nothing: what it reads is readied in update and setSize.
	view() string
	// setSize gives the screen the space below the title and above the help.
	setSize(width, height int)
	// typing reports whether a text field has focus, so q and ? are typed
	// rather than acted on.
	typing() bool
}
