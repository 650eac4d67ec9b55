package ui

import (
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// The check-in's writes: one at a time, in order, each a read-modify-write
// of the stored day that names what it changes (an item, a workout id),
// retried while another process holds the file, and undone on the screen
// when it fails for good (writes.go).

// checkinOp is one write of the check-in: a change to the day, or a key of
// UI state (the current step, a minutes draft).
type checkinOp struct {
	date   coach.Date
	change func(*coach.Day) error
	key    string // when change is nil: the state key to write
	value  string // its value; "" removes it
	// kept, when the write fails for good, puts back into its field the
	// text the person typed, marked "not saved".
	kept func(err error)
	// req is the request of its latest try: only the reply to it lands.
	req request
}

// do runs a write now, or after the one on its way.
func (m *checkinModel) do(op checkinOp) tea.Cmd {
	if m.cur != nil {
		m.queue = append(m.queue, op)
		return nil
	}
	m.cur = &op
	return m.exec()
}

// exec tries the write on its way, as a new request: a reply to an earlier
// try of it (the file was held) is then late, and dropped.
func (m *checkinModel) exec() tea.Cmd {
	op := m.cur
	op.req = m.reqs.next()
	if op.change != nil {
		return m.ctx.saveFrom(op.req, op.date, op.change)
	}
	st, key, value, date, req := m.ctx.store, op.key, op.value, op.date, op.req
	if key == checkinStepKey(date) {
		return saveCheckinStep(st, req, date, value)
	}
	return func() tea.Msg { return stateSavedMsg{request: req, key: key, err: st.SetState(key, value)} }
}

// awaits reports whether req is the request of the write on its way.
func (m *checkinModel) awaits(req request) bool { return m.cur != nil && m.cur.req == req }

// writing reports whether a write is on its way, queued or waiting to be
// tried again.
func (m *checkinModel) writing() bool { return m.cur != nil || len(m.queue) > 0 }

// retryingWrite reports whether a write waits for another process to
// release the file.
func (m *checkinModel) retryingWrite() bool { return m.retrying }

// landed handles the reply to the write on its way: the next one starts,
// or the same one is tried again when the file was held, or the screen goes
// back to what is stored when it failed for good.
func (m *checkinModel) landed(err error, day *coach.Day) tea.Cmd {
	op := m.cur
	if op == nil {
		return nil
	}
	switch {
	case err == nil:
		m.retrying = false
		if op.change != nil && day != nil && len(m.queue) == 0 {
			m.day = day.Clone()
			m.sync()
		}
	case isLocked(err) && !m.ctx.stopping:
		m.retrying = true
		return retryLater(screenCheckin)
	case op.change == nil:
		// UI state (the step) is not a change of the day: go on.
		m.retrying = false
		if op.kept != nil {
			op.kept(err)
		}
	default:
		return m.failed(err)
	}
	return m.startNext()
}

// startNext starts the next queued write, if any.
func (m *checkinModel) startNext() tea.Cmd {
	m.cur = nil
	if len(m.queue) == 0 {
		return nil
	}
	op := m.queue[0]
	m.queue = m.queue[1:]
	m.cur = &op
	return m.exec()
}

// failed drops the write that failed and those queued after it (they
// would fail the same way), puts the screen back to the stored day, keeps
// the typed text of each in its field, marked "not saved", and re-reads
// the file.
func (m *checkinModel) failed(err error) tea.Cmd {
	ops := append([]checkinOp{*m.cur}, m.queue...)
	m.cur, m.queue, m.retrying = nil, nil, false
	m.forgetUndo() // it was about the day as the failed write left it
	m.day = coach.Day{Date: m.date}
	if d, ok := m.ctx.findDay(m.date); ok {
		m.day = d.Clone()
	}
	for _, op := range ops {
		if op.kept != nil && op.date == m.date {
			op.kept(err)
		}
	}
	m.sync()
	return reload
}

// flush saves what is typed as it stands, for quitting or a signal: the
// note in its editor (or kept after a failed write), and a half-typed
// minutes field as a draft in the UI state, never as a value the coach
// would refuse. It returns nil when there is nothing to save.
func (m *checkinModel) flush() tea.Cmd {
	if m.date.IsZero() || m.ctx.store == nil {
		return nil
	}
	var cmds []tea.Cmd
	text, open := m.note.Value(), m.noting
	if !open && m.noteKept != "" {
		text, open = m.noteKept, true
	}
	if open && text != m.day.Note && coach.ValidateNote(text) == nil {
		cmds = append(cmds, m.saveNote(text))
	}
	if m.minutesDirty && m.hasWorkout() && m.minutes.Value() != "" {
		w := m.day.Workouts[m.wi]
		draft := minutesDraft{id: w.ID, pos: m.wi, text: m.minutes.Value()}
		if draft.text != m.draftSaved {
			m.draftSaved = draft.text
			cmds = append(cmds, m.do(checkinOp{date: m.date, key: minutesDraftKey(m.date), value: draft.String(),
				kept: func(err error) { m.draftSaved, m.draftErr = "", err }}))
		}
	}
	if len(cmds) == 0 {
		return nil
	}
	return tea.Batch(cmds...)
}

// saveNote writes the note as typed; if the write fails for good the text
// stays, marked "not saved", and n opens it again.
func (m *checkinModel) saveNote(text string) tea.Cmd {
	m.noteKept, m.noteErr = "", nil
	if err := coach.ValidateNote(text); err != nil {
		return showError(err)
	}
	m.day.Note = text
	m.sync()
	return m.do(checkinOp{date: m.date, change: func(d *coach.Day) error {
		d.Note = text
		return nil
	}, kept: func(err error) { m.noteKept, m.noteErr = text, err }})
}

// unsavedErr says which change the check-in holds that is not stored: a
// write waiting for the file, or typed text whose write failed; nil when
// everything it shows is stored.
func (m *checkinModel) unsavedErr() error {
	switch {
	case m.writing():
		return fmt.Errorf("a change to %s is still being saved", longDate(m.date))
	case m.noteKept != "":
		return fmt.Errorf("the note of %s was not saved: %w", longDate(m.date), m.noteErr)
	case m.minutesDirty && m.minutesLost != nil && m.draftSaved != m.minutes.Value():
		return fmt.Errorf("the minutes typed for %s were not saved: %w", longDate(m.date), m.minutesLost)
	case m.draftErr != nil:
		return fmt.Errorf("the minutes typed for %s were not kept: %w", longDate(m.date), m.draftErr)
	}
	return nil
}

// ---- minutes drafts --------------------------------------------------------

// minutesDraft is minutes typed but not confirmed, kept in the UI state
// when the app quits: the workout they belong to (its id, and its position
// for a store that does not keep ids yet) and the text.
type minutesDraft struct {
	id, pos int
	text    string
}

func minutesDraftKey(d coach.Date) string { return "minutes-draft:" + d.String() }

func (d minutesDraft) String() string {
	return strconv.Itoa(d.id) + ":" + strconv.Itoa(d.pos) + ":" + d.text
}

// parseMinutesDraft reads a stored draft; ok is false for anything else.
func parseMinutesDraft(s string) (minutesDraft, bool) {
	parts := strings.SplitN(s, ":", 3)
	if len(parts) != 3 || parts[2] == "" || len(parts[2]) > 6 {
		return minutesDraft{}, false
	}
	id, err1 := strconv.Atoi(parts[0])
	pos, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || id < 0 || pos < 0 {
		return minutesDraft{}, false
	}
	return minutesDraft{id: id, pos: pos, text: parts[2]}, true
}

// minutesDraftMsg carries the stored minutes draft of a date.
type minutesDraftMsg struct {
	date  coach.Date
	draft minutesDraft
	ok    bool
}

func (minutesDraftMsg) recipient() screen { return screenCheckin }

func loadMinutesDraft(st Store, date coach.Date) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		v, err := st.State(minutesDraftKey(date))
		if err != nil || v == "" {
			return minutesDraftMsg{date: date}
		}
		d, ok := parseMinutesDraft(v)
		return minutesDraftMsg{date: date, draft: d, ok: ok}
	}
}

// offerDraft puts a stored draft back into the minutes field of its
// workout, marked as not saved yet.
func (m *checkinModel) offerDraft(msg minutesDraftMsg) {
	if msg.date != m.date || !msg.ok {
		return
	}
	m.draftSaved = msg.draft.text
	i := workoutRef{id: msg.draft.id, pos: msg.draft.pos}.index(m.day)
	if i < 0 {
		return
	}
	m.wi = i
	m.minutes.SetValue(msg.draft.text)
	m.minutes.CursorEnd()
	m.minutesDirty, m.minutesFor = true, i
	m.minutesErr = ""
	if _, ok := parseMinutes(msg.draft.text); !ok {
		m.minutesErr = minutesRange
	}
	m.minutesMark = "typed last time, not saved yet: enter saves it"
	m.sync()
}

// dropDraft removes a stored draft once the minutes are confirmed.
func (m *checkinModel) dropDraft() tea.Cmd {
	if m.draftSaved == "" {
		return nil
	}
	m.draftSaved = ""
	return m.do(checkinOp{date: m.date, key: minutesDraftKey(m.date)})
}
