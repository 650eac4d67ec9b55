package ui

import (
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// Undoing a delete: right after a day is deleted, u writes it back, only
// if its date is still empty in the store (checked in the write's own
// transaction); a date recorded again meanwhile is left alone, with a
// notice. Any other key ends the chance.

// errRecordedAgain refuses an undo when the date holds a day again.
var errRecordedAgain = errors.New("the date was recorded again after the delete")

// emptyDay reports whether d holds nothing: what a deleted date reads as.
func emptyDay(d coach.Day) bool {
	return len(d.Workouts) == 0 && len(d.Done) == 0 && d.Bedtime == nil && d.Morning == nil && d.Note == "" && len(d.Held) == 0
}

// deleted remembers a day just deleted, so that u can bring it back.
func (m *historyModel) deleted(d coach.Day) tea.Cmd {
	m.undo = &d
	m.keys.Undo.SetEnabled(true)
	return showInfo("deleted " + longDate(d.Date) + " · u undoes")
}

// forgetUndo ends the chance to undo the last delete.
func (m *historyModel) forgetUndo() {
	m.undo = nil
	m.keys.Undo.SetEnabled(false)
}

// restore writes the deleted day back if its date is still empty.
func (m *historyModel) restore() tea.Cmd {
	d := m.undo.Clone()
	m.forgetUndo()
	m.restoreReq, m.restoring = m.reqs.next(), true
	st, req := m.ctx.store, m.restoreReq
	return func() tea.Msg {
		day, err := st.Update(d.Date, func(now *coach.Day) error {
			if !emptyDay(*now) {
				return errRecordedAgain
			}
			*now = d.Clone()
			return nil
		})
		return savedMsg{request: req, date: d.Date, day: day, err: err}
	}
}

// restored takes the reply to restore.
func (m *historyModel) restored(msg savedMsg) tea.Cmd {
	m.restoring = false
	switch {
	case errors.Is(msg.err, errRecordedAgain):
		return showError(fmt.Errorf("not restored: %s was recorded again after the delete", longDate(msg.date)))
	case msg.err != nil:
		return showError(fmt.Errorf("not restored: %w", msg.err))
	}
	m.setData(m.ctx.settings, m.ctx.days, m.ctx.today)
	m.jumpTo(msg.date)
	return showInfo("restored " + longDate(msg.date))
}
