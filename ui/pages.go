package ui

import (
	"errors"

	tea "charm.land/bubbletea/v2"
)

// The parent's screens and how a message reaches them.
//
// The parent holds one typed field per screen. A message reaches a screen
// in one of three ways, decided here and nowhere else:
//   - addressed: a reply to a request a screen made (savedMsg,
//     deletedMsg, stateSavedMsg, checkinStepMsg, settingsSavedMsg, the
//     guide's renderings, search results and reading position) or a timer
//     it started (retryMsg, guideSaveMsg) names its screen, and goes to
//     that screen alone, shown or not: a write may land after the person
//     left the screen that asked. One more screen hears of one reply: a
//     check-in step the check-in stored is what the home screen offers to
//     continue.
//   - broadcast: what every screen must see, whether shown or not: the
//     space it has after a resize (sizeMsg), the data read again
//     (dataMsg), new styles (restyleMsg). Nothing else is broadcast; the
//     clock's tick, the poll and errors are the parent's alone.
//   - the active screen: keys, pastes, the mouse, and the messages of the
//     bubbles components inside a screen (a text field's cursor blink).

// newScreens builds one model per screen around the shared context.
func (m *Model) newScreens(ctx *context) {
	m.home = newHome(ctx)
	m.checkin = newCheckin(ctx)
	m.guide = newGuide(ctx)
	m.streak = newStreak(ctx)
	m.history = newHistory(ctx)
	m.settings = newSettings(ctx)
}

// screenOf returns the model of screen s.
func (m *Model) screenOf(s screen) page {
	switch s {
	case screenHome:
		return m.home
	case screenCheckin:
		return m.checkin
	case screenGuide:
		return m.guide
	case screenStreak:
		return m.streak
	case screenHistory:
		return m.history
	case screenSettings:
		return m.settings
	}
	return nil
}

// page returns the active screen's model.
func (m *Model) page() page { return m.screenOf(m.active) }

// screens returns every screen's model, in the order of the screen enum.
func (m *Model) screens() [numScreens]page {
	return [numScreens]page{m.home, m.checkin, m.guide, m.streak, m.history, m.settings}
}

// route gives a message for one screen to that screen.
func (m *Model) route(msg addressed) tea.Cmd {
	to := msg.recipient()
	p := m.screenOf(to)
	if p == nil {
		return nil
	}
	cmd := p.update(msg)
	if step, ok := msg.(checkinStepMsg); ok && step.saved && to != screenHome {
		// The step the check-in stored is what home offers to continue.
		cmd = tea.Batch(cmd, m.home.update(step))
	}
	return cmd
}

// broadcast gives a message to every screen, shown or not; only sizeMsg,
// dataMsg and restyleMsg are sent this way (see above).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for _, p := range m.screens() {
		cmds = append(cmds, p.update(msg))
	}
	return tea.Batch(cmds...)
}

// flush starts the saves screens keep waiting on a timer (the guide's
// reading position) and saves typed text as it stands (the check-in's
// note, a minutes draft), so that quitting loses none of them; nil when
// there are none.
func (m *Model) flush() tea.Cmd {
	return tea.Batch(m.checkin.flush(), m.guide.flush())
}

// writing reports whether a screen has a write on its way.
func (m *Model) writing() bool {
	return m.home.writing() || m.checkin.writing() || m.guide.writing() ||
		m.history.writing() || m.settings.writing()
}

// retrying reports whether a screen waits for another process to release
// the file.
func (m *Model) retrying() bool {
	return m.home.retryingWrite() || m.checkin.retryingWrite() ||
		m.history.retryingWrite() || m.settings.retryingWrite()
}

// unsavedErr joins what the screens hold that is not stored; nil when
// every change shown is stored.
func (m *Model) unsavedErr() error {
	return errors.Join(m.home.unsavedErr(), m.checkin.unsavedErr(),
		m.history.unsavedErr(), m.settings.unsavedErr())
}
