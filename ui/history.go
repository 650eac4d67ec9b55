package ui

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cooldown/coach"
	"cooldown/coach/safetext"
	"cooldown/store"
)

// historyMode is what the history screen is doing.
type historyMode int

const (
	historyList    historyMode = iota // the list of days
	historyDetail                     // one day, everything in it
	historyConfirm                    // asking before a delete
	historyPicker                     // choosing a past date to add
	historyGoto                       // typing a date to go to
)

// historyModel is the history screen: every training day, newest first.
// Moving the cursor touches only the rows on screen, so a history of ten
// years scrolls as fast as one of ten days.
type historyModel struct {
	ctx           *context
	reqs          requests // the deletes asked for, counted
	req           request  // the delete on its way
	keys          historyKeys
	width, height int

	days     []coach.Day // the shared history, oldest first; row i is days[len-1-i]
	settings coach.Settings
	today    coach.Date

	mode   historyMode
	cursor int // row under the cursor, 0 = newest
	top    int // first row shown

	rows      map[coach.Date]string // drawn rows (without the cursor) for rowsW
	rowsW     int
	rowsTheme string

	detail    []string // the open day, drawn for detailW
	detailW   int
	detailOff int
	open      coach.Date

	confirm     coach.Date  // the date a delete waits for
	confirmFrom historyMode // where the question was asked: list or day
	confirmDay  coach.Day   // the day as shown when the question was asked
	deleting    *coach.Day  // a confirmed delete on its way
	retrying    bool        // ... waiting for another process to release the file

	picker   textinput.Model
	pickDate coach.Date
	pickErr  string

	gotoInput textinput.Model // the date to go to (history_jump.go)
	gotoErr   string

	undo       *coach.Day // the day just deleted, until another key (history_undo.go)
	restoreReq request
	restoring  bool
}

func newHistory(ctx *context) *historyModel {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = len(coach.DateLayout)
	ti.Placeholder = "YYYY-MM-DD"
	ti.SetStyles(inputStyles(ctx.dark(), true))
	gi := textinput.New()
	gi.Prompt = ""
	gi.CharLimit = len(coach.DateLayout)
	gi.Placeholder = "YYYY-MM-DD or YYYY-MM"
	gi.SetStyles(inputStyles(ctx.dark(), true))
	m := &historyModel{ctx: ctx, reqs: requests{owner: screenHistory}, keys: defaultHistoryKeys(), picker: ti, gotoInput: gi, rows: map[coach.Date]string{}}
	m.setData(ctx.settings, ctx.days, ctx.today)
	return m
}

func (m *historyModel) enter() tea.Cmd {
	m.forgetUndo()
	return reload
}

func (m *historyModel) typing() bool { return m.mode == historyPicker || m.mode == historyGoto }

func (m *historyModel) setSize(w, h int) {
	m.width, m.height = w, h
	m.picker.SetWidth(max(w-4, 1))
	m.gotoInput.SetWidth(max(w-8, 1))
	m.follow()
	if m.mode == historyDetail {
		m.drawDetail()
	}
	m.cacheRows()
}

// listHeight is the number of day rows on screen: the space less the column
// header and the position line.
func (m *historyModel) listHeight() int { return max(m.height-2, 1) }

// day returns the day of row i (0 = newest).
func (m *historyModel) day(i int) *coach.Day { return &m.days[len(m.days)-1-i] }

// rowOf returns the row of date, or the row where it would be.
func (m *historyModel) rowOf(d coach.Date) int {
	i := sort.Search(len(m.days), func(i int) bool { return !m.days[i].Date.Before(d) })
	return clampInt(len(m.days)-1-i, 0, max(len(m.days)-1, 0))
}

// setData takes a new history, keeping the cursor on the same date.
func (m *historyModel) setData(s coach.Settings, days []coach.Day, today coach.Date) {
	var at coach.Date
	if m.cursor < len(m.days) {
		at = m.day(m.cursor).Date
	}
	m.days, m.settings, m.today = days, s, today
	clear(m.rows)
	if !at.IsZero() {
		m.cursor = m.rowOf(at)
	}
	m.cursor = clampInt(m.cursor, 0, max(len(m.days)-1, 0))
	m.follow()
	if m.mode == historyDetail {
		if _, ok := coach.Find(days, m.open); !ok {
			m.mode = historyList
		} else {
			m.drawDetail()
		}
	}
}

// follow scrolls so the cursor row is on screen.
func (m *historyModel) follow() {
	m.top = scrollTo(m.cursor, m.top, m.listHeight(), len(m.days))
}

func (m *historyModel) move(n int) {
	m.cursor = clampInt(m.cursor+n, 0, max(len(m.days)-1, 0))
	m.follow()
}

// cacheRows draws the rows on screen not drawn yet for the width and
// theme now and keeps them; update and setSize call it, so that view only
// reads them.
func (m *historyModel) cacheRows() {
	if m.rowsW != m.width || m.rowsTheme != m.ctx.theme {
		clear(m.rows)
		m.rowsW, m.rowsTheme = m.width, m.ctx.theme
	}
	lay := m.listRows()
	end := lay.start + lay.n
	for i := lay.start; i < end; i++ {
		if d := m.day(i); m.rows[d.Date] == "" {
			m.rows[d.Date] = m.row(d)
		}
	}
}

func (m *historyModel) update(msg tea.Msg) tea.Cmd {
	defer m.cacheRows()
	switch msg := msg.(type) {
	case dataMsg:
		if msg.err == nil {
			m.setData(msg.settings, msg.days, msg.today)
			if m.mode == historyConfirm {
				if d, ok := coach.Find(m.days, m.confirm); !ok || unchangedSince(m.confirmDay)(d) != nil {
					// The day changed in another process while the question
					// was asked: the question was about another day.
					m.showChanged(m.confirm)
					return showError(fmt.Errorf("%s changed in another process; nothing was deleted: here it is now", longDate(m.confirm)))
				}
			}
		}
		return nil
	case deletedMsg:
		if m.deleting != nil && msg.request == m.req {
			if isLocked(msg.err) && !m.ctx.stopping {
				m.retrying = true
				return retryLater(screenHistory)
			}
			var cmd tea.Cmd
			if msg.err == nil {
				cmd = m.deleted(*m.deleting) // u brings it back
			}
			m.deleting, m.retrying = nil, false
			if msg.err == nil {
				m.setData(m.ctx.settings, m.ctx.days, m.ctx.today)
				return cmd
			}
		}
		if msg.err == nil {
			m.setData(m.ctx.settings, m.ctx.days, m.ctx.today)
		} else if errors.Is(msg.err, store.ErrChanged) {
			m.showChanged(msg.date)
		}
		return nil
	case retryMsg:
		if m.deleting != nil && m.retrying {
			return m.deleteDay(*m.deleting)
		}
		return nil
	case tea.PasteMsg:
		if m.mode == historyGoto {
			msg, _ = typedPaste(msg)
			var cmd tea.Cmd
			m.gotoInput, cmd = m.gotoInput.Update(msg)
			m.gotoErr = ""
			return cmd
		}
		if m.mode != historyPicker {
			return nil
		}
		msg, _ = typedPaste(msg)
		var cmd tea.Cmd
		m.picker, cmd = m.picker.Update(msg)
		m.pickErr = ""
		if d, err := coach.ParseDate(m.picker.Value()); err == nil {
			m.pickDate = d
		}
		return cmd
	case restyleMsg:
		m.picker.SetStyles(inputStyles(m.ctx.dark(), true))
		m.gotoInput.SetStyles(inputStyles(m.ctx.dark(), true))
		clear(m.rows) // drawn for the old background
		return nil
	case tea.MouseWheelMsg:
		step := 0
		switch msg.Button {
		case tea.MouseWheelUp:
			step = -3
		case tea.MouseWheelDown:
			step = 3
		}
		if m.mode == historyDetail {
			m.scrollDetail(step)
		} else if m.mode == historyList {
			m.move(step)
		}
		return nil
	case savedMsg:
		if m.restoring && msg.request == m.restoreReq {
			return m.restored(msg)
		}
		return nil
	case clickMsg:
		return m.click(msg)
	case tea.KeyPressMsg:
		if m.undo != nil && !(m.mode == historyList && key.Matches(msg, m.keys.Undo)) {
			m.forgetUndo() // the chance to undo is right after the delete
		}
		switch m.mode {
		case historyGoto:
			return m.updateGoto(msg)
		case historyDetail:
			return m.updateDetail(msg)
		case historyConfirm:
			return m.updateConfirm(msg)
		case historyPicker:
			return m.updatePicker(msg)
		}
		return m.updateList(msg)
	}
	return nil
}

func (m *historyModel) updateList(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		return goBack
	case key.Matches(msg, k.Up):
		m.move(-1)
	case key.Matches(msg, k.Down):
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.move(-m.listHeight())
	case key.Matches(msg, k.PageDown):
		m.move(m.listHeight())
	case key.Matches(msg, k.HalfUp):
		m.move(-max(m.listHeight()/2, 1))
	case key.Matches(msg, k.HalfDown):
		m.move(max(m.listHeight()/2, 1))
	case key.Matches(msg, k.Top):
		m.move(-len(m.days))
	case key.Matches(msg, k.Bottom):
		m.move(len(m.days))
	case key.Matches(msg, k.Add):
		return m.openPicker()
	case len(m.days) == 0:
	case key.Matches(msg, k.Open):
		m.openDay()
	case key.Matches(msg, k.Edit):
		return m.edit(m.day(m.cursor).Date)
	case key.Matches(msg, k.Delete):
		m.ask(m.day(m.cursor).Date, historyList)
	case key.Matches(msg, k.Undo):
		if m.undo != nil {
			return m.restore()
		}
	case key.Matches(msg, k.Goto):
		return m.openGoto()
	case key.Matches(msg, k.PrevMonth):
		m.monthStart(-1)
	case key.Matches(msg, k.NextMonth):
		m.monthStart(1)
	}
	return nil
}

// openDay opens the day under the cursor.
func (m *historyModel) openDay() {
	m.open = m.day(m.cursor).Date
	m.mode, m.detailOff, m.detailW = historyDetail, 0, -1
	m.drawDetail()
}

// listRows is where listView draws the days: the column header on line 0,
// then the rows from m.top.
func (m *historyModel) listRows() listLayout {
	return listLayout{first: 1, start: m.top, n: max(min(len(m.days), m.top+m.listHeight())-m.top, 0)}
}

// click selects the day clicked in the list, and opens it when it was
// selected already.
func (m *historyModel) click(c clickMsg) tea.Cmd {
	if m.mode != historyList {
		return nil
	}
	i, ok := m.listRows().at(c.y)
	if !ok {
		return nil
	}
	m.forgetUndo() // as a key would
	if i == m.cursor {
		m.openDay()
		return nil
	}
	m.cursor = i
	m.follow()
	return nil
}

func (m *historyModel) updateDetail(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		m.mode = historyList
	case key.Matches(msg, k.Up):
		m.scrollDetail(-1)
	case key.Matches(msg, k.Down):
		m.scrollDetail(1)
	case key.Matches(msg, k.PageUp):
		m.scrollDetail(-m.height)
	case key.Matches(msg, k.PageDown):
		m.scrollDetail(m.height)
	case key.Matches(msg, k.HalfUp):
		m.scrollDetail(-max(m.height/2, 1))
	case key.Matches(msg, k.HalfDown):
		m.scrollDetail(max(m.height/2, 1))
	case key.Matches(msg, k.Edit):
		return m.edit(m.open)
	case key.Matches(msg, k.Delete):
		m.ask(m.open, historyDetail)
	}
	return nil
}

func (m *historyModel) scrollDetail(n int) {
	m.detailOff = clampInt(m.detailOff+n, 0, max(len(m.detail)-viewLines(len(m.detail), m.height), 0))
}

// edit opens the check-in steps on date, unless it is after today (an
// imported day from a machine whose clock differs): the coach refuses
// entering such a day by hand, and says why.
func (m *historyModel) edit(date coach.Date) tea.Cmd {
	if err := m.futureError(date); err != nil {
		return showError(err)
	}
	return editDay(date)
}

// editDay asks the parent to open the check-in steps on date.
func editDay(date coach.Date) tea.Cmd {
	return func() tea.Msg { return editDayMsg{date: date, step: 0} }
}

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
