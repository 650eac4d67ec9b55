package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// Deleting a day from history: the question is asked about the day as
// shown, and the delete applies only if the stored day is still that one
// (Store.DeleteDayIf with unchangedSince); otherwise the app says the day
// changed and shows it again. A delete that finds the file held by another
// process is tried again.

// writing reports whether a confirmed delete is on its way.
func (m *historyModel) writing() bool { return m.deleting != nil || m.restoring }

// retryingWrite reports whether the delete waits for the file.
func (m *historyModel) retryingWrite() bool { return m.retrying }

// unsavedErr says that a confirmed delete has not happened yet.
func (m *historyModel) unsavedErr() error {
	if m.deleting != nil {
		return fmt.Errorf("the delete of %s has not happened yet", longDate(m.deleting.Date))
	}
	return nil
}

// ask asks before deleting date, remembering the day as shown.
func (m *historyModel) ask(date coach.Date, from historyMode) {
	d, ok := coach.Find(m.days, date)
	if !ok {
		return
	}
	m.confirm, m.confirmFrom, m.confirmDay, m.mode = date, from, d.Clone(), historyConfirm
}

// showChanged opens the day of date as it is now (or the list when it is
// gone), after a confirmation that no longer applies.
func (m *historyModel) showChanged(date coach.Date) {
	m.mode = historyList
	if _, ok := coach.Find(m.days, date); ok {
		m.open = date
		m.cursor = m.rowOf(date)
		m.follow()
		m.mode, m.detailOff, m.detailW = historyDetail, 0, -1
		m.drawDetail()
	}
}

func (m *historyModel) updateConfirm(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.keys.Yes):
		m.mode = historyList
		d := m.confirmDay
		m.deleting = &d
		return m.deleteDay(d)
	case key.Matches(msg, m.keys.No):
		m.mode = m.confirmFrom
	}
	return nil
}

// deleteDay returns a command that deletes the stored day of shown's date
// if it is still what was shown when the person confirmed, as a new
// request: a reply to an earlier try is then late, and dropped.
func (m *historyModel) deleteDay(shown coach.Day) tea.Cmd {
	m.req = m.reqs.next()
	st, req, date, check := m.ctx.store, m.req, shown.Date, unchangedSince(shown)
	return func() tea.Msg { return deletedMsg{request: req, date: date, err: st.DeleteDayIf(date, check)} }
}
