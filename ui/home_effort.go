package ui

import (
	"fmt"
	"path/filepath"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// The questions home asks with one key (issue 21): the effort of a device
// workout not yet given (coach.OpenEfforts: the 7-day window only), a
// digit 1 to 9, 0 for 10, as in the check-in's effort step; and whether a
// held device workout is the typed one of its day
// (coach.SameSessionQuestions), y or n. Each answer is one write through
// the store by workout id (Store.SetEffort, Store.AnswerSameSession) on
// the day as stored now; a file held by another process is retried with
// "saving…" shown, any other failure is marked "not saved".

// askKeyMap holds the keys of home's one-key questions.
type askKeyMap struct {
	Effort key.Binding
	Yes    key.Binding
	No     key.Binding
}

func defaultAskKeyMap() askKeyMap {
	return askKeyMap{
		Effort: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1-9,0", "effort")),
		Yes:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "same session")),
		No:     key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "another session")),
	}
}

// homeAsk is the state of home's one-key questions.
type homeAsk struct {
	keys askKeyMap
	// same is the first held workout to ask about, found when the data
	// changes (not in view: it walks the history).
	same     *coach.SameSessionQuestion
	saving   bool // an answer is being written
	retrying bool // ... and waits for another process to release the file
	date     coach.Date
	req      request // the write on its way; a reply to another is late
	write    func(Store) (coach.Day, error)
	done     string // what to say once it is stored
	err      string // the last answer was not saved
}

// refreshSame finds the held workout to ask about in the shared days.
func (m *homeModel) refreshSame() {
	m.ask.same = nil
	if q := coach.SameSessionQuestions(m.ctx.days, m.ctx.today); len(q) > 0 {
		m.ask.same = &q[0]
	}
}

// effortQuestion returns the effort home asks now, if any.
func (m *homeModel) effortQuestion() (coach.EffortQuestion, bool) {
	if q := m.ctx.summary.OpenEfforts; len(q) > 0 {
		return q[0], true
	}
	return coach.EffortQuestion{}, false
}

// updateAsk handles the messages of the one-key questions and reports
// whether msg was one of theirs.
func (m *homeModel) updateAsk(msg tea.Msg) (tea.Cmd, bool) {
	a := &m.ask
	switch msg := msg.(type) {
	case dataMsg:
		if msg.err == nil {
			m.refreshSame()
			m.followStoredHours()
		}
		return nil, false // home's own handling runs too
	case savedMsg:
		if msg.request != a.req || !a.saving || msg.date != a.date || m.form != nil {
			return nil, false
		}
		if isLocked(msg.err) && !m.ctx.stopping {
			a.retrying = true
			return retryLater(screenHome), true
		}
		a.saving, a.retrying = false, false
		if msg.err != nil {
			a.err = notSaved(msg.err)
			return nil, true
		}
		a.err = ""
		return showInfo(a.done), true
	case retryMsg:
		if msg.owner != screenHome || !a.saving || m.form != nil {
			return nil, false
		}
		return m.askWrite(), true
	case tea.KeyPressMsg:
		if m.form != nil {
			return nil, false
		}
		if a.saving {
			// Wait for the write of the last answer: another answer, or
			// the morning form (whose reply would be told from this one
			// by date alone), would start a second write on home.
			if key.Matches(msg, a.keys.Effort, a.keys.Yes, a.keys.No, m.keys.Morning) {
				return nil, true
			}
			return nil, false
		}
		switch {
		case key.Matches(msg, a.keys.Effort):
			q, ok := m.effortQuestion()
			if !ok {
				return nil, false
			}
			rpe, _ := strconv.Atoi(msg.String())
			if rpe == 0 {
				rpe = 10
			}
			id := q.Workout.ID
			a.done = fmt.Sprintf("effort saved: %s on %s, RPE %d (%s)", q.Subject(), shortDate(q.Date), rpe, effortWords[rpe])
			return m.startAsk(q.Date, func(st Store) (coach.Day, error) { return st.SetEffort(q.Date, id, rpe) }), true
		case key.Matches(msg, a.keys.Yes, a.keys.No):
			q := a.same
			if q == nil {
				return nil, false
			}
			same := key.Matches(msg, a.keys.Yes)
			typed, src := q.Typed.ID, q.Held.Source
			a.done = "kept as one session: " + coach.WorkoutSubject(q.Typed) + " now carries the file's start and heart rate"
			if !same {
				a.done = "kept as two sessions: " + coach.WorkoutSubject(q.Held) + " added to " + shortDate(q.Date)
			}
			return m.startAsk(q.Date, func(st Store) (coach.Day, error) { return st.AnswerSameSession(q.Date, typed, src, same) }), true
		}
	}
	return nil, false
}

// startAsk writes an answer of the day of date.
func (m *homeModel) startAsk(date coach.Date, write func(Store) (coach.Day, error)) tea.Cmd {
	a := &m.ask
	a.saving, a.retrying, a.err = true, false, ""
	a.date, a.write = date, write
	return m.askWrite()
}

// askWrite returns the command that writes the answer being saved, as a
// new request of home (every retry is one); its reply is a savedMsg.
func (m *homeModel) askWrite() tea.Cmd {
	m.ask.req = m.reqs.next()
	st, date, write, req := m.ctx.store, m.ask.date, m.ask.write, m.ask.req
	return func() tea.Msg {
		day, err := write(st)
		return savedMsg{request: req, date: date, day: day, err: err}
	}
}

// askView draws the one-key questions: the effort first, then the held
// session; nothing when neither is open.
func (m *homeModel) askView(labelled func(name, prefix, text string) []string, indent string) []string {
	st := m.ctx.styles
	a := &m.ask
	var lines []string
	if q, ok := m.effortQuestion(); ok {
		text := "How hard was " + q.Subject() + "?"
		if q.Date != m.ctx.today {
			text = "How hard was " + q.Subject() + " on " + shortDate(q.Date) + "?"
		}
		if n := len(m.ctx.summary.OpenEfforts); n > 1 {
			text += fmt.Sprintf(" (%d more open)", n-1)
		}
		lines = append(lines, labelled("Effort", st.Warn.Render("? "), text)...)
		lines = append(lines, indent+st.Muted.Render("press ")+st.Accent.Render("1")+st.Muted.Render(" very easy … ")+
			st.Accent.Render("5")+st.Muted.Render(" hard … ")+st.Accent.Render("7")+st.Muted.Render(" very hard … ")+
			st.Accent.Render("0")+st.Muted.Render(" maximal (10)"))
	}
	if q := a.same; q != nil {
		from := q.Held.Source.Kind
		if f := q.Held.Source.File; f != "" {
			from = filepath.Base(f)
		}
		text := fmt.Sprintf("Is %s (%s) %s you typed on %s?", coach.WorkoutSubject(q.Held), safetext.Line(from),
			coach.WorkoutSubject(q.Typed), shortDate(q.Date))
		lines = append(lines, labelled("Same?", st.Warn.Render("? "), text)...)
		lines = append(lines, indent+st.Accent.Render("y")+st.Muted.Render(" one session · ")+
			st.Accent.Render("n")+st.Muted.Render(" two sessions"))
	}
	switch {
	case len(lines) == 0:
	case a.err != "":
		lines = append(lines, indent+st.Error.Render("✗ "+a.err))
	case a.retrying:
		lines = append(lines, indent+st.Warn.Render("saving… the database is in use by another process"))
	case a.saving:
		lines = append(lines, indent+st.Muted.Render("saving…"))
	}
	return lines
}

// askHelp returns the keys of the questions open now.
func (m *homeModel) askHelp() []key.Binding {
	var out []key.Binding
	if _, ok := m.effortQuestion(); ok {
		out = append(out, m.ask.keys.Effort)
	}
	if m.ask.same != nil {
		out = append(out, m.ask.keys.Yes, m.ask.keys.No)
	}
	return out
}

// newHomeMorningForm opens the morning check of date on home: the hours
// slept already stored (from a phone, before the ratings) are prefilled,
// else the sleep target; the ratings are asked.
func (m *homeModel) newHomeMorningForm(date coach.Date) *morningForm {
	f := newMorningForm(date, m.ctx.settings.SleepTargetHours)
	if d, ok := m.ctx.findDay(date); ok && d.Morning != nil {
		f.hours = d.Morning.SleepHours
		if d.Morning.Rated() {
			f.ratings = [4]int{d.Morning.SleepQuality, d.Morning.Fatigue, d.Morning.Stress, d.Morning.Soreness}
		}
	}
	return f
}

// followStoredHours puts the hours slept that arrived while the morning
// form was open (a watch folder's import, another process) into the form,
// unless the person has set the hours already.
func (m *homeModel) followStoredHours() {
	f := m.form
	if f == nil || m.saving || f.hoursSet {
		return
	}
	if d, ok := m.ctx.findDay(f.date); ok && d.Morning != nil && !d.Morning.Rated() {
		f.hours = d.Morning.SleepHours
	}
}

// morningAskText is home's morning question of date: with the hours slept
// already known (hours only), it asks how the body feels.
func (m *homeModel) morningAskText(date coach.Date) string {
	if d, ok := m.ctx.findDay(date); ok && d.Morning != nil && !d.Morning.Rated() {
		return fmt.Sprintf("You slept %s after %s. How do you feel?", hoursText(d.Morning.SleepHours), shortDate(date))
	}
	return "How did you sleep after " + shortDate(date) + "?"
}
