package ui

import (
	"time"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// Screens ask the parent for navigation with these messages; only the
// parent switches screens.

// openScreenMsg asks the parent to show a screen, remembering the current
// one for backMsg.
type openScreenMsg struct{ to screen }

// backMsg asks the parent to return to the previous screen.
type backMsg struct{}

// openSectionMsg asks the parent to open the guide at a section; backMsg
// from the guide returns to the screen that asked, in the same place.
type openSectionMsg struct{ id string }

// openItemMsg asks the parent to open the guide at a checklist item's own
// heading (content.ItemHeading), where its paragraph starts with any
// safety note it carries.
type openItemMsg struct{ item coach.Item }

// editDayMsg asks the parent to open the check-in steps on a given date
// (today's check-in, or a past day from history).
type editDayMsg struct {
	date coach.Date
	step int // -1 resumes where the person left
}

// reloadMsg asks the parent to read the store again (context.load): a
// screen asks, the parent reads, so the shared context changes in the
// parent alone.
type reloadMsg struct{}

// errMsg carries an error to show inline; nothing typed is lost.
type errMsg struct{ err error }

// infoMsg carries a short confirmation to show inline.
type infoMsg struct{ text string }

// dataMsg carries a fresh copy of everything stored, read in one
// transaction, with the figures derived from it for the current date.
type dataMsg struct {
	settings coach.Settings
	days     []coach.Day
	today    coach.Date
	summary  coach.Summary
	err      error
	gen      int    // the context's write count when it was read
	dataGen  uint64 // the store's data generation of days; 0 unknown
}

// request names one request a screen made: the screen that asked and the
// screen's count of its requests. A reply carries it, so the parent gives
// the reply to that screen alone, and the screen tells the reply to the
// request it waits for from a late one for an earlier request (two writes
// of one date are never confused).
type request struct {
	owner screen
	id    int
}

// recipient is the screen that made the request.
func (r request) recipient() screen { return r.owner }

// requests counts the requests of one screen.
type requests struct {
	owner screen
	n     int
}

// next returns a new request of the screen.
func (r *requests) next() request {
	r.n++
	return request{owner: r.owner, id: r.n}
}

// addressed is a message for one screen: a reply to a request it made, or
// a timer it started. The parent gives it to that screen only, shown or
// not (Model.route).
type addressed interface{ recipient() screen }

// savedMsg reports a write: the stored day after the change, or the error,
// to the screen and request that asked.
type savedMsg struct {
	request
	date coach.Date
	day  coach.Day
	err  error
}

// deletedMsg reports that the day of date was deleted, or the error, to
// the screen and request that asked.
type deletedMsg struct {
	request
	date coach.Date
	err  error
}

// sizeMsg tells every screen, after the window was resized, the space it
// now has, so a screen can start work that depends on it (the guide
// re-renders its section for the new width in a command).
type sizeMsg struct{ width, height int }

// tickMsg re-reads the clock so the date rolls over while the app is open.
type tickMsg time.Time

func navigate(to screen) tea.Cmd     { return func() tea.Msg { return openScreenMsg{to} } }
func goBack() tea.Msg                { return backMsg{} }
func reload() tea.Msg                { return reloadMsg{} }
func openSection(id string) tea.Cmd  { return func() tea.Msg { return openSectionMsg{id} } }
func openItem(it coach.Item) tea.Cmd { return func() tea.Msg { return openItemMsg{it} } }
func showError(err error) tea.Cmd    { return func() tea.Msg { return errMsg{err} } }
func showInfo(text string) tea.Cmd   { return func() tea.Msg { return infoMsg{text} } }
