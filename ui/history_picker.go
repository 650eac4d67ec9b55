package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// The date picker of the history screen: t jumps to a date typed or stepped
// with the arrows, never one after today.

// openPicker starts the "add a past day" date picker on yesterday.
func (m *historyModel) openPicker() tea.Cmd {
	m.mode = historyPicker
	m.pickErr = ""
	m.setPick(m.today.AddDays(-1))
	return m.picker.Focus()
}

func (m *historyModel) setPick(d coach.Date) {
	m.pickErr = ""
	if d.After(m.today) {
		d = m.today
		m.pickErr = m.futureError(d.AddDays(1)).Error()
	}
	m.pickDate = d
	m.picker.SetValue(d.String())
	m.picker.CursorEnd()
}

// futureError is the coach's refusal of a future date, which names the
// allowed range.
func (m *historyModel) futureError(d coach.Date) error {
	return coach.Day{Date: d}.ValidateEntry(m.today)
}

func (m *historyModel) updatePicker(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Cancel):
		m.mode = historyList
		m.picker.Blur()
		return nil
	case key.Matches(msg, k.PrevDay):
		m.setPick(m.pickBase().AddDays(-1))
		return nil
	case key.Matches(msg, k.NextDay):
		m.setPick(m.pickBase().AddDays(1))
		return nil
	case key.Matches(msg, k.PrevWeek):
		m.setPick(m.pickBase().AddDays(-7))
		return nil
	case key.Matches(msg, k.NextWeek):
		m.setPick(m.pickBase().AddDays(7))
		return nil
	case key.Matches(msg, k.Choose):
		d, err := coach.ParseDate(strings.TrimSpace(m.picker.Value()))
		if err == nil {
			err = m.futureError(d)
		}
		if err != nil {
			m.pickErr = err.Error() // the typed text stays
			return nil
		}
		m.mode = historyList
		m.picker.Blur()
		return editDay(d)
	}
	var dropped int
	if msg, dropped = typed(msg); dropKey(msg, dropped) {
		return nil
	}
	var cmd tea.Cmd
	m.picker, cmd = m.picker.Update(msg)
	m.pickErr = ""
	if d, err := coach.ParseDate(m.picker.Value()); err == nil {
		m.pickDate = d
	}
	return cmd
}

// pickBase is the date the arrows step from: the typed date when it parses.
func (m *historyModel) pickBase() coach.Date {
	if d, err := coach.ParseDate(strings.TrimSpace(m.picker.Value())); err == nil {
		return d
	}
	return m.pickDate
}

// pickerView draws the "add a past day" date picker.
func (m *historyModel) pickerView() string {
	st := m.ctx.styles
	lines := []string{
		st.Subtitle.Render("Add a past day"),
		st.Muted.Render("Pick the date of a training day to record or fix."),
		"",
		"date  " + m.picker.View(),
		"      " + st.Muted.Render(m.pickDate.Time().Format("Monday 2 January 2006")),
	}
	if _, ok := coach.Find(m.days, m.pickDate); ok {
		lines = append(lines, "      "+st.Muted.Render("already recorded: enter edits it"))
	}
	lines = append(lines, "")
	for i, l := range lines {
		lines[i] = truncate(l, m.width)
	}
	if m.pickErr != "" {
		lines = append(lines, wrapWords(st.Error, "✗ "+safetext.Line(m.pickErr), m.width)...)
	} else {
		lines = append(lines, wrapWords(st.Muted, "allowed up to today, "+m.today.String(), m.width)...)
	}
	return strings.Join(lines, "\n")
}
