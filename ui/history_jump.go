package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// Moving through a long history: to a typed date or month (/), and to the
// start of the month before or after ([ and ]).

// errGotoFormat is the refusal of a typed text that is no date or month.
var errGotoFormat = errors.New("type a date as YYYY-MM-DD or a month as YYYY-MM")

// parseGoto reads a date (YYYY-MM-DD) or a month (YYYY-MM, its first day).
func parseGoto(s string) (coach.Date, error) {
	s = strings.TrimSpace(s)
	if len(s) == len("2006-01") {
		s += "-01"
	}
	d, err := coach.ParseDate(s)
	if err != nil {
		return coach.Date{}, errGotoFormat
	}
	return d, nil
}

// jumpTo puts the cursor on date's day, or on the nearest newer one when
// date was not a training day (the newest when none is newer).
func (m *historyModel) jumpTo(date coach.Date) {
	m.cursor = m.rowOf(date)
	m.follow()
}

// firstOfMonth returns the first day of d's month.
func firstOfMonth(d coach.Date) coach.Date { return d.AddDays(1 - d.Day) }

// monthStart moves to the first training day of the cursor's month, or of
// the month before when already there (dir < 0), or of the next month
// (dir > 0).
func (m *historyModel) monthStart(dir int) {
	if len(m.days) == 0 {
		return
	}
	first := firstOfMonth(m.day(m.cursor).Date)
	switch {
	case dir > 0:
		first = firstOfMonth(first.AddDays(31))
	case m.rowOf(first) == m.cursor:
		first = firstOfMonth(first.AddDays(-1))
	}
	m.jumpTo(first)
}

// openGoto opens the field for a date to go to.
func (m *historyModel) openGoto() tea.Cmd {
	m.mode, m.gotoErr = historyGoto, ""
	m.gotoInput.SetValue("")
	return m.gotoInput.Focus()
}

func (m *historyModel) updateGoto(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = historyList
		m.gotoInput.Blur()
		return nil
	case key.Matches(msg, k.Choose):
		d, err := parseGoto(m.gotoInput.Value())
		if err != nil {
			m.gotoErr = err.Error()
			return nil
		}
		m.mode = historyList
		m.gotoInput.Blur()
		m.jumpTo(d)
		return nil
	}
	var dropped int
	if msg, dropped = typed(msg); dropKey(msg, dropped) {
		return nil
	}
	var cmd tea.Cmd
	m.gotoInput, cmd = m.gotoInput.Update(msg)
	m.gotoErr = ""
	return cmd
}

// gotoView is the list with the field in place of its position line.
func (m *historyModel) gotoView() string {
	st := m.ctx.styles
	lines := strings.Split(m.listView(), "\n")
	field := st.Subtitle.Render("go to ") + m.gotoInput.View()
	if m.gotoErr != "" {
		field = st.Error.Render("✗ " + m.gotoErr)
	}
	lines[len(lines)-1] = truncate(field, m.width)
	return strings.Join(lines, "\n")
}
