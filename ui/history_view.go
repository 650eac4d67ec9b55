package ui

// The history screen's drawing: the list of days and one day's view.

import (
	"fmt"
	"strings"
	"time"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

func (m *historyModel) view() string {
	switch m.mode {
	case historyDetail:
		return scrollWindow(m.ctx.styles, m.detail, m.detailOff, m.height, m.width)
	case historyPicker:
		return m.pickerView()
	case historyGoto:
		return m.gotoView()
	}
	return m.listView()
}

// listView draws the column header, the rows on screen and a position line
// (or the delete question).
func (m *historyModel) listView() string {
	st := m.ctx.styles
	if len(m.days) == 0 {
		return strings.Join(append([]string{st.Muted.Render("No training days yet.")},
			wrapWords(st.Muted, "Press a to add a past day, or start today's check-in from home.", m.width)...), "\n")
	}
	kept := m.rowsW == m.width && m.rowsTheme == m.ctx.theme
	var b strings.Builder
	header := historyHeader
	if m.narrow() {
		header = historyNarrowHeader
	}
	b.WriteString(truncate(st.Muted.Render(header), m.width))
	end := min(len(m.days), m.top+m.listHeight())
	for i := m.top; i < end; i++ {
		b.WriteByte('\n')
		d := m.day(i)
		row, ok := m.rows[d.Date]
		if !ok || !kept {
			row = m.row(d) // not kept: view changes nothing (cacheRows keeps them)
		}
		if i == m.cursor {
			b.WriteString(st.Cursor.Render("›") + " " + st.Selected.Render(ansi.Strip(row)))
		} else {
			b.WriteString("  " + row)
		}
	}
	for i := end - m.top; i < m.listHeight(); i++ {
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
	if m.mode == historyConfirm {
		b.WriteString(st.Warn.Render(fmt.Sprintf("delete %s? y/n", m.confirm)))
	} else {
		b.WriteString(st.Muted.Render("day " + thousands(m.cursor+1) + " of " + thousands(len(m.days))))
	}
	return b.String()
}

// statusCell is the glyph and word of a day's status, as on the heat map.
func statusCell(st Styles, s coach.Status) string {
	switch s {
	case coach.StatusComplete:
		return st.Good.Render(glyphComplete + " complete")
	case coach.StatusPending:
		return st.Warn.Render(glyphPending + " pending ")
	case coach.StatusPartial:
		return st.Bad.Render(glyphPartial + " partial ")
	}
	return st.Muted.Render(glyphRest + " rest    ")
}

// The list's column headings, wide and narrow (without weekday and load).
const (
	historyHeader       = "  date            status      load  what"
	historyNarrowHeader = "  date        status      what"
)

// narrow reports whether the list is too narrow for the weekday and load
// columns.
func (m *historyModel) narrow() bool { return m.width < 60 }

// row draws one day of the list without the cursor column.
func (m *historyModel) row(d *coach.Day) string {
	st := m.ctx.styles
	status := d.Status(m.settings)
	cell := statusCell(st, status)
	if d.Date.After(m.today) {
		cell = st.Muted.Render("  future  ")
	}
	line := d.Date.String() + " " + d.Date.Time().Format("Mon") + "  " + cell + "  " +
		fmt.Sprintf("%4d", d.Load()) + "  " + daySummary(d)
	if m.narrow() {
		// The weekday and the load give way to what was done.
		line = d.Date.String() + "  " + cell + "  " + daySummary(d)
	}
	return truncate(line, m.width-2)
}

// daySummary is a short line about a day: workouts, blood flow, diet and
// sleep.
func daySummary(d *coach.Day) string {
	var parts []string
	for _, w := range d.Workouts {
		parts = append(parts, fmt.Sprintf("%s %dm", w.Kind, w.Minutes))
	}
	if len(parts) == 0 {
		parts = append(parts, "no workout")
	}
	parts = append(parts,
		fmt.Sprintf("flow %d", d.CountDone(coach.PillarBloodFlow)),
		fmt.Sprintf("diet %d", d.CountDone(coach.PillarDiet)))
	if d.Morning != nil {
		parts = append(parts, "slept "+halfHours(d.Morning.SleepHours)+"h")
	}
	return strings.Join(parts, " · ")
}

// drawDetail draws the open day for the current width.
func (m *historyModel) drawDetail() {
	d, ok := coach.Find(m.days, m.open)
	if !ok {
		m.detail = nil
		return
	}
	st := m.ctx.styles
	w := max(m.width, 1)
	var l []string
	add := func(s string) { l = append(l, truncate(s, w)) }
	status := d.Status(m.settings)
	add(st.Title.Render(d.Date.Time().Format("Monday 2 January 2006")) + "  " + statusCell(st, status))
	add("")
	add(st.Subtitle.Render("Workouts"))
	if len(d.Workouts) == 0 {
		add(st.Muted.Render("  none recorded"))
	}
	for _, wo := range d.Workouts {
		add(fmt.Sprintf("  %-17s %3d min  RPE %2d  ", wo.Kind.Label(), wo.Minutes, wo.RPE) + st.Muted.Render(fmt.Sprintf("load %d", wo.Load())))
	}
	for _, p := range []coach.Pillar{coach.PillarBloodFlow, coach.PillarDiet} {
		add("")
		add(st.Subtitle.Render(capitalize(p.String())) + "  " + pillarWord(st, d.Pillar(p, m.settings)))
		var missing []string
		for _, it := range coach.ItemsOf(p) {
			t, done := d.Done.At(it.ID)
			if !done {
				missing = append(missing, strings.ToLower(it.Label))
				continue
			}
			add(st.Good.Render("  ✓ ") + fmt.Sprintf("%-24s", it.Label) + st.Muted.Render(tickTime(t, d.Date, m.ctx.loc, m.settings.DayStartHour)))
		}
		if len(missing) > 0 {
			for _, s := range wrapWords(st.Muted, "not done: "+strings.Join(missing, ", "), w-2) {
				add("  " + s)
			}
		}
	}
	add("")
	add(st.Subtitle.Render("Sleep") + "  " + pillarWord(st, d.Pillar(coach.PillarSleep, m.settings)))
	if d.Bedtime != nil {
		// The same advice as the sleep-plan step and the summary: the
		// target, or the raised figure after a hard day (advice only; the
		// pillar is met at the target).
		target := m.settings.SleepTargetHours
		a := adviceFor(m.days, d, m.settings)
		line := fmt.Sprintf("  bedtime %s · wake %s for %s h", d.Bedtime, coach.WakeTime(*d.Bedtime, a.Hours), halfHours(a.Hours))
		if a.Raised {
			line += st.Muted.Render(fmt.Sprintf(" (advised; target %s h)", halfHours(target)))
		}
		add(line)
	} else {
		add(st.Muted.Render("  no bedtime planned"))
	}
	if mo := d.Morning; mo != nil {
		add(fmt.Sprintf("  slept %s h · quality %d · fatigue %d · stress %d · soreness %d", halfHours(mo.SleepHours), mo.SleepQuality, mo.Fatigue, mo.Stress, mo.Soreness))
		add("  Hooper index " + st.Accent.Render(fmt.Sprint(mo.Hooper())) + st.Muted.Render(" (4 very good to 28 very bad)"))
	} else {
		add(st.Muted.Render("  morning check not answered yet"))
	}
	if d.Note != "" {
		add("")
		add(st.Subtitle.Render("Note"))
		// The note may come from an import: its control characters are
		// shown, not obeyed.
		for _, s := range wrapWords(st.Text, safetext.Block(d.Note), w-2) {
			add("  " + s)
		}
	}
	add("")
	add(st.Muted.Render(fmt.Sprintf("day load %d", d.Load())))
	m.detail, m.detailW = l, m.width
	m.scrollDetail(0)
}

// pillarWord is a pillar's state as a word with a glyph.
func pillarWord(st Styles, p coach.PillarState) string {
	switch p {
	case coach.PillarMet:
		return st.Good.Render("✓ met")
	case coach.PillarPending:
		return st.Warn.Render("… pending")
	}
	return st.Bad.Render("✗ missed")
}

// wrapWords wraps text to w cells and styles each line.
func wrapWords(style lipgloss.Style, text string, w int) []string {
	wrapped := lipgloss.NewStyle().Width(max(w, 1)).Render(text)
	lines := strings.Split(wrapped, "\n")
	for i, s := range lines {
		lines[i] = style.Render(strings.TrimRight(s, " "))
	}
	return lines
}

// thousands writes n with a comma between groups of three digits.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// tickTime shows when an item was ticked: its clock time when the tick
// falls on the day's own date, otherwise the date it was made (a past day
// filled in later keeps the real instant of each tick).
func tickTime(at time.Time, day coach.Date, loc *time.Location, dayStart int) string {
	if coach.DateAt(at, loc, dayStart) == day {
		return at.In(loc).Format("15:04")
	}
	return "ticked " + at.In(loc).Format("Mon 2 Jan")
}
