package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles holds every style of the app, so screens share one look. Build it
// with DefaultStyles; under NO_COLOR the colours fall away but bold,
// reverse and glyphs keep every state readable.
type Styles struct {
	App       lipgloss.Style // outer padding of every screen
	Title     lipgloss.Style // screen title
	Subtitle  lipgloss.Style // secondary heading
	Text      lipgloss.Style
	Muted     lipgloss.Style // hints, secondary text
	Accent    lipgloss.Style // highlighted numbers and words
	Selected  lipgloss.Style // the row under the cursor
	Cursor    lipgloss.Style // the cursor glyph
	Good      lipgloss.Style // complete, met
	Warn      lipgloss.Style // pending, rising
	Bad       lipgloss.Style // partial, missed, spike
	Error     lipgloss.Style // inline error messages
	Info      lipgloss.Style // inline confirmations
	Box       lipgloss.Style // a bordered panel
	Link      lipgloss.Style // a guide link
	Match     lipgloss.Style // a search match
	Today     lipgloss.Style // today on the heat map
	MatchCur  lipgloss.Style // the current search match
	StatusBar lipgloss.Style
	Help      help.Styles

	// Colours for components that take colours rather than styles
	// (progress bars, charts).
	AccentColor color.Color
	MutedColor  color.Color
	GoodColor   color.Color
	WarnColor   color.Color
	BadColor    color.Color
}

// DefaultStyles returns the styles for a dark or light background.
func DefaultStyles(dark bool) Styles {
	pick := func(d, l string) color.Color {
		if dark {
			return lipgloss.Color(d)
		}
		return lipgloss.Color(l)
	}
	accent := pick("#7AA2F7", "#2E5BBA")
	muted := pick("#737994", "#6C6F85")
	text := pick("#D8DEE9", "#2E3440")
	good := pick("#9ECE6A", "#2E7D32")
	warn := pick("#E0AF68", "#A15C00")
	bad := pick("#F7768E", "#C62828")
	selBg := pick("#2E3450", "#DCE3F5")

	s := Styles{
		AccentColor: accent,
		MutedColor:  muted,
		GoodColor:   good,
		WarnColor:   warn,
		BadColor:    bad,
	}
	s.App = lipgloss.NewStyle().Padding(0, 1)
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Subtitle = lipgloss.NewStyle().Bold(true).Foreground(text)
	s.Text = lipgloss.NewStyle().Foreground(text)
	s.Muted = lipgloss.NewStyle().Foreground(muted)
	s.Accent = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Selected = lipgloss.NewStyle().Bold(true).Foreground(accent).Background(selBg)
	s.Cursor = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Good = lipgloss.NewStyle().Foreground(good)
	s.Warn = lipgloss.NewStyle().Foreground(warn)
	s.Bad = lipgloss.NewStyle().Foreground(bad)
	s.Error = lipgloss.NewStyle().Bold(true).Foreground(bad)
	s.Info = lipgloss.NewStyle().Foreground(good)
	s.Box = lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(muted).Padding(0, 1)
	s.Link = lipgloss.NewStyle().Underline(true).Foreground(accent)
	s.Match = lipgloss.NewStyle().Reverse(true)
	s.Today = lipgloss.NewStyle().Reverse(true)
	s.MatchCur = lipgloss.NewStyle().Reverse(true).Bold(true).Underline(true)
	s.StatusBar = lipgloss.NewStyle().Foreground(muted)

	s.Help = help.New().Styles
	s.Help.ShortKey = lipgloss.NewStyle().Foreground(text)
	s.Help.FullKey = s.Help.ShortKey
	s.Help.ShortDesc = lipgloss.NewStyle().Foreground(muted)
	s.Help.FullDesc = s.Help.ShortDesc
	s.Help.ShortSeparator = lipgloss.NewStyle().Foreground(muted)
	s.Help.FullSeparator = s.Help.ShortSeparator
	s.Help.Ellipsis = s.Help.ShortSeparator
	return s
}

// inputStyles are the one-line text fields' styles: bubbles' own for the
// background; blink says whether the cursor blinks (as in v1: the search,
// filter and date fields blink, the minutes do not).
func inputStyles(dark, blink bool) textinput.Styles {
	s := textinput.DefaultStyles(dark)
	s.Cursor.Blink = blink
	return s
}

// noteStyles are the note's text area styles, with a cursor that does not
// blink.
func noteStyles(dark bool) textarea.Styles {
	s := textarea.DefaultStyles(dark)
	s.Cursor.Blink = false
	return s
}
