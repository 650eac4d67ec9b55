package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// The morning answers of a past day are given or corrected on the
// check-in's summary step (m), so every day can be completed from history,
// however old: home asks only the training days of the last 7 days.

// morningKeys are the keys of the morning form, the same as on home.
var morningKeys = defaultHomeKeyMap()

// morningFormHelp is the short help while the form is open.
var morningFormHelp = []key.Binding{pair(morningKeys.Up, "↑/↓", "move"), pair(morningKeys.Less, "←/→", "change"), morningKeys.Digit, morningKeys.Save, morningKeys.Cancel}

// openMorning opens the form on the date's answers (or the target hours
// and no ratings when there are none yet).
func (m *checkinModel) openMorning() {
	f := newMorningForm(m.date, m.ctx.settings.SleepTargetHours)
	if mo := m.day.Morning; mo != nil {
		f.hours = mo.SleepHours
		f.ratings = [4]int{mo.SleepQuality, mo.Fatigue, mo.Stress, mo.Soreness}
	}
	m.form, m.formErr = f, ""
}

// updateMorning answers the form; enter saves the answers into the day,
// esc closes it without a change.
func (m *checkinModel) updateMorning(msg tea.KeyPressMsg) tea.Cmd {
	f, k := m.form, morningKeys
	m.formErr = ""
	switch {
	case key.Matches(msg, k.Cancel):
		m.form = nil
	case key.Matches(msg, k.Save):
		mo, err := f.morning()
		if err != nil {
			m.formErr = err.Error()
			f.focusMissing()
			return nil
		}
		m.form = nil
		// Say what the answers change, from the figures before and after
		// (the history with the working day, then with the answers).
		c := m.ctx
		before := coach.Summarize(withDay(c.days, m.day), c.today, c.settings)
		cmd := m.change(func(d *coach.Day) error {
			d.Morning = &mo
			return nil
		})
		after := coach.Summarize(withDay(c.days, m.day), c.today, c.settings)
		return tea.Batch(cmd, showInfo(morningSavedText(m.day, before, after, c.settings)))
	default:
		f.edit(msg, k)
	}
	return nil
}

// morningView adds the open form, or nothing.
func (m *checkinModel) morningView(add func(...string)) {
	if m.form == nil {
		return
	}
	st := m.ctx.styles
	label := func(s string) string { return st.Subtitle.Render(padRight(s, 8)) }
	add(m.form.view(st, m.width, label, "        ")...)
	if m.formErr != "" {
		add(st.Error.Render("✗ " + m.formErr))
	}
	add("")
}
