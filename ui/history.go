package ui

import (
	"errors"
	"fmt"
	"sort"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
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
