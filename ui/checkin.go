package ui

import (
	"strconv"

	"image/color"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// checkinStep is one screen of the guided check-in.
type checkinStep int

// The check-in steps, in order.
const (
	stepKind checkinStep = iota
	stepMinutes
	stepEffort
	stepBloodFlow
	stepDiet
	stepSleep
	stepSummary
	numSteps
)

// stepNames are the names under which the current step is stored, so a
// check-in resumes where the person left.
var stepNames = [numSteps]string{"workout", "minutes", "effort", "blood-flow", "diet", "sleep", "summary"}

// stepDoneName is stored once the person finished the check-in.
const stepDoneName = "done"

func (s checkinStep) String() string {
	if s < 0 || s >= numSteps {
		return "unknown"
	}
	return stepNames[s]
}

// title is the step's heading.
func (s checkinStep) title() string {
	switch s {
	case stepKind:
		return "workout"
	case stepMinutes:
		return "minutes"
	case stepEffort:
		return "effort"
	case stepBloodFlow:
		return "blood flow"
	case stepDiet:
		return "diet"
	case stepSleep:
		return "sleep plan"
	case stepSummary:
		return "summary"
	}
	return "unknown"
}

// stepByName returns the step stored under name; "done" is not a step.
func stepByName(name string) (checkinStep, bool) {
	for i, n := range stepNames {
		if n == name {
			return checkinStep(i), true
		}
	}
	return 0, false
}

// checkinStepKey is the state key of a date's check-in step.
func checkinStepKey(d coach.Date) string { return "checkin-step:" + d.String() }

// checkinStepMsg carries the stored check-in step of a date, after it was
// read (saved false) or written (saved true).
type checkinStepMsg struct {
	request // the screen that read or wrote it
	date    coach.Date
	step    string
	saved   bool
	err     error
	// writes is, for a read, how many step writes the reader had seen
	// when it asked (the home screen drops reads older than a write).
	writes int
}

// loadCheckinStep returns a command that reads the check-in step of date
// for the request req.
func loadCheckinStep(st Store, req request, date coach.Date) tea.Cmd {
	if st == nil {
		return nil
	}
	return func() tea.Msg {
		v, err := st.State(checkinStepKey(date))
		return checkinStepMsg{request: req, date: date, step: v, err: err}
	}
}

// saveCheckinStep returns a command that stores the check-in step of date
// for the request req.
func saveCheckinStep(st Store, req request, date coach.Date, name string) tea.Cmd {
	return func() tea.Msg {
		err := st.SetState(checkinStepKey(date), name)
		return checkinStepMsg{request: req, date: date, step: name, saved: true, err: err}
	}
}

// Defaults of a workout whose kind was just chosen: a day is stored at
// every step, so minutes and effort need a sensible value until they are
// answered.
const (
	defaultMinutes = 45
	defaultRPE     = 5
	defaultBedtime = coach.Clock(22*60 + 30)
	bedtimeStep    = 15 // minutes
)

// checkinModel is the guided check-in of one date, one step a screen.
type checkinModel struct {
	ctx           *context
	reqs          requests // the check-in's reads and writes, counted
	width, height int
	keys          checkinKeyMap

	date    coach.Date
	day     coach.Day // the working copy: stored day plus changes on their way
	step    checkinStep
	resume  bool   // waiting for the stored step of date
	stored  string // the step last written
	wi      int    // the workout being edited; len(day.Workouts) adds one
	kindCur int
	effort  int // cursor of the effort step, 1 to 10
	cursor  [numSteps]int
	bed     coach.Clock

	minutes      textinput.Model
	minutesFor   int  // the workout the text belongs to
	minutesDirty bool // typed and not (validly) stored yet
	minutesErr   string
	minutesMark  string // why typed minutes are not stored yet (a draft, a failed write)
	minutesLost  error  // the failure of the last write of typed minutes
	draftSaved   string // the minutes draft stored in the UI state
	draftErr     error  // the failure to store the draft

	note     textarea.Model // the day's note, open on the summary step
	noting   bool
	noteAt   string // the note as the text area showed it when opened
	noteKept string // a note whose write failed, kept to be saved again
	noteErr  error  // why

	// confirmRest asks, once, before the last workout goes: the day then
	// becomes a rest day (its other fields are kept).
	confirmRest bool
	// undo is the workout just removed, until another key
	// (checkin_undo.go).
	undo *removedWorkout
	// form is the morning answers of the date, open on the summary step
	// (m): any past day's answers can be given or corrected there.
	form    *morningForm
	formErr string

	advice coach.SleepGoal

	cur      *checkinOp // the write on its way, or waiting for the file
	queue    []checkinOp
	retrying bool // cur found the file held by another process

	bar       progress.Model
	barCache  string
	barKey    [2]int
	barAccent color.Color // the theme the bar was drawn in
}

func newCheckin(ctx *context) *checkinModel {
	ti := textinput.New()
	ti.Prompt = ""
	ti.CharLimit = 6
	ti.SetWidth(5)
	ti.Placeholder = "minutes"
	ti.SetStyles(inputStyles(ctx.dark(), false))
	m := &checkinModel{ctx: ctx, reqs: requests{owner: screenCheckin}, keys: defaultCheckinKeyMap(), minutes: ti, note: newNoteArea(ctx.dark()), effort: defaultRPE, bed: defaultBedtime, minutesFor: -1}
	m.updateKeys()
	return m
}

// edit opens the check-in on date at step (-1 resumes at the stored step).
// The parent calls it for editDayMsg, before showing the screen.
func (m *checkinModel) edit(date coach.Date, step int) tea.Cmd {
	if date != m.date {
		m.cursor = [numSteps]int{}
		m.stored = ""
	}
	m.date = date
	m.resume = false
	m.noting = false
	m.confirmRest = false
	m.forgetUndo()
	m.form, m.formErr = nil, ""
	m.note.Blur()
	m.day = coach.Day{Date: date}
	if d, ok := m.ctx.findDay(date); ok {
		m.day = d.Clone()
	}
	m.wi = max(len(m.day.Workouts)-1, 0)
	m.minutesDirty, m.minutesErr, m.minutesMark, m.minutesLost = false, "", "", nil
	m.noteKept, m.noteErr, m.draftSaved, m.draftErr = "", nil, "", nil
	m.sync()
	var cmd tea.Cmd
	switch {
	case step < 0:
		m.step = stepKind
		m.resume = true
		cmd = loadCheckinStep(m.ctx.store, m.reqs.next(), date)
	default:
		cmd = m.setStep(checkinStep(min(step, int(numSteps)-1)))
	}
	m.updateKeys()
	return tea.Batch(cmd, loadMinutesDraft(m.ctx.store, date))
}

// enter reloads what is stored: another process may have written. A
// field left with the keys blinks again: its cursor's blink messages went
// to the screen shown meanwhile.
func (m *checkinModel) enter() tea.Cmd {
	m.forgetUndo()
	if m.date.IsZero() {
		return tea.Batch(reload, m.edit(m.ctx.today, -1))
	}
	cmds := []tea.Cmd{reload}
	if m.minutes.Focused() {
		cmds = append(cmds, m.minutes.Focus())
	}
	if m.note.Focused() {
		cmds = append(cmds, m.note.Focus())
	}
	return tea.Batch(cmds...)
}

func (m *checkinModel) setSize(w, h int) {
	m.width, m.height = w, h
	m.barCache = ""
	m.note.SetWidth(max(w-8, 10))
	m.drawBar()
}

// typing reports whether the minutes field or the note has the keys.
func (m *checkinModel) typing() bool { return (m.step == stepMinutes && m.hasWorkout()) || m.noting }

// hasWorkout reports whether the workout being edited exists.
func (m *checkinModel) hasWorkout() bool { return m.wi >= 0 && m.wi < len(m.day.Workouts) }

// sync sets the cursors from the working day: the kind and effort of the
// current workout, the minutes text (unless the person is typing one) and
// the bedtime. It also recomputes the sleep advice.
func (m *checkinModel) sync() {
	m.wi = min(max(m.wi, 0), len(m.day.Workouts))
	if m.hasWorkout() {
		w := m.day.Workouts[m.wi]
		m.kindCur = kindIndex(w.Kind)
		m.effort = w.RPE
		if !m.minutesDirty || m.minutesFor != m.wi {
			m.minutes.SetValue(strconv.Itoa(w.Minutes))
			m.minutes.CursorEnd()
			m.minutesDirty, m.minutesErr = false, ""
		}
		m.minutesFor = m.wi
	} else {
		m.effort = defaultRPE
	}
	if m.day.Bedtime != nil {
		m.bed = *m.day.Bedtime
	}
	m.advice = adviceFor(m.ctx.days, m.day, m.ctx.settings)
}

func kindIndex(k coach.Kind) int {
	for i, v := range coach.Kinds {
		if v == k {
			return i
		}
	}
	return 0
}

// setStep moves to step s and stores it, so quitting resumes here.
func (m *checkinModel) setStep(s checkinStep) tea.Cmd {
	s = min(max(s, 0), numSteps-1)
	m.step = s
	m.resume = false
	if s == stepMinutes && m.hasWorkout() {
		m.minutes.Focus()
		m.minutes.CursorEnd()
	} else {
		m.minutes.Blur()
	}
	return m.storeStep(s.String())
}

// storeStep writes the current step unless it is already stored. A
// finished check-in stays finished: reviewing it and leaving it does not
// turn it back into one in progress.
func (m *checkinModel) storeStep(name string) tea.Cmd {
	if name == m.stored || m.stored == stepDoneName || m.ctx.store == nil {
		return nil
	}
	m.stored = name
	return m.do(checkinOp{date: m.date, key: checkinStepKey(m.date), value: name})
}

// change applies fn to the working day at once and queues the write.
func (m *checkinModel) change(fn func(*coach.Day) error) tea.Cmd { return m.changeKept(fn, nil) }

// changeKept is change with a function that keeps what was typed when the
// write fails for good.
func (m *checkinModel) changeKept(fn func(*coach.Day) error, kept func(error)) tea.Cmd {
	if err := fn(&m.day); err != nil {
		return showError(err)
	}
	m.sync()
	return m.do(checkinOp{date: m.date, change: fn, kept: kept})
}

func (m *checkinModel) update(msg tea.Msg) tea.Cmd {
	defer m.drawBar()
	defer m.updateKeys()
	switch msg := msg.(type) {
	case dataMsg:
		if msg.err == nil && !m.writing() && !m.date.IsZero() {
			stored := coach.Day{Date: m.date} // none: deleted elsewhere
			if d, ok := m.ctx.findDay(m.date); ok {
				stored = d
			}
			if sameDay(stored, m.day) {
				// A reload that brings the day shown (the poll after this
				// screen's own write) leaves the cursors where they are.
				m.advice = adviceFor(m.ctx.days, m.day, m.ctx.settings)
				return nil
			}
			m.day = stored.Clone()
			m.sync()
		}
	case savedMsg:
		if !m.awaits(msg.request) {
			return nil // a late reply to an earlier try
		}
		return m.landed(msg.err, &msg.day)
	case stateSavedMsg:
		if !m.awaits(msg.request) {
			return nil
		}
		return m.landed(msg.err, nil)
	case retryMsg:
		if m.cur != nil && m.retrying {
			return m.exec()
		}
		return nil
	case minutesDraftMsg:
		m.offerDraft(msg)
		return nil
	case checkinStepMsg:
		if msg.saved {
			if m.awaits(msg.request) {
				return m.landed(msg.err, nil)
			}
			return nil
		}
		if msg.date != m.date {
			return nil
		}
		if m.resume && msg.err == nil {
			m.resume = false
			m.stored = msg.step
			switch s, ok := stepByName(msg.step); {
			case ok:
				return m.setStep(s)
			case msg.step == stepDoneName:
				m.step = stepSummary
			}
		}
	case tea.KeyPressMsg:
		return m.updateKey(msg)
	case clickMsg:
		return m.click(msg)
	case tea.PasteMsg:
		return m.updatePaste(msg)
	case restyleMsg:
		m.minutes.SetStyles(inputStyles(m.ctx.dark(), false))
		m.note.SetStyles(noteStyles(m.ctx.dark()))
	}
	return nil
}

func (m *checkinModel) updateKey(msg tea.KeyPressMsg) tea.Cmd {
	if m.date.IsZero() {
		return nil
	}
	if m.undo != nil {
		if m.step == stepKind && !m.noting && m.form == nil && key.Matches(msg, m.keys.Undo) {
			return m.undoRemove()
		}
		m.forgetUndo() // the chance to undo is right after the removal
	}
	if m.noting {
		return m.updateNote(msg)
	}
	if m.form != nil {
		return m.updateMorning(msg)
	}
	if m.confirmRest {
		return m.updateConfirmRest(msg)
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Back):
		return m.back()
	case key.Matches(msg, k.Next):
		return m.next()
	}
	switch m.step {
	case stepKind:
		return m.updateKind(msg)
	case stepMinutes:
		return m.updateMinutes(msg)
	case stepEffort:
		return m.updateEffort(msg)
	case stepBloodFlow, stepDiet:
		return m.updateItems(msg)
	case stepSleep:
		return m.updateSleep(msg)
	case stepSummary:
		if sec := m.summaryMessage().Section; key.Matches(msg, k.Why) && sec != "" {
			return openSection(sec)
		}
		if key.Matches(msg, k.Note) {
			return m.startNote()
		}
		if key.Matches(msg, k.Morning) {
			m.openMorning()
		}
	}
	return nil
}

// back goes to the previous step, or leaves the check-in from the first.
func (m *checkinModel) back() tea.Cmd {
	var cmd tea.Cmd
	if m.step == stepMinutes {
		cmd = m.commitMinutes()
	}
	if m.step == stepKind {
		return tea.Batch(cmd, goBack)
	}
	return tea.Batch(cmd, m.setStep(m.step-1))
}

// next commits the step's choice and goes on; from the summary it
// finishes the check-in.
func (m *checkinModel) next() tea.Cmd {
	var cmd tea.Cmd
	switch m.step {
	case stepKind:
		cmd = m.chooseKind(m.kindCur)
	case stepMinutes:
		if m.hasWorkout() {
			if m.minutesErr != "" {
				return nil // refused inline; what was typed stays
			}
			cmd = m.commitMinutes()
		}
	case stepEffort:
		if m.hasWorkout() && m.day.Workouts[m.wi].RPE != m.effort {
			cmd = m.setEffort(m.effort)
		}
	case stepSleep:
		if m.day.Bedtime == nil {
			cmd = m.setBedtime(m.bed)
		}
	case stepSummary:
		m.stored = stepDoneName
		date := m.date
		text := "check-in saved"
		if date != m.ctx.today {
			text = "saved " + longDate(date)
		}
		return tea.Batch(m.do(checkinOp{date: date, key: checkinStepKey(date), value: stepDoneName}), goBack, showInfo(text))
	}
	return tea.Batch(cmd, m.setStep(m.step+1))
}
