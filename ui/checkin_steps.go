package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cooldown/coach"
)

// effortWords are the CR-10 words beside the session RPE numbers (Foster's
// modified Borg scale), index 1 to 10.
var effortWords = [11]string{
	"rest", "very easy", "easy", "moderate", "somewhat hard", "hard",
	"hard+", "very hard", "very hard+", "very, very hard", "maximal",
}

// minutesRange is the inline message for a refused number of minutes.
var minutesRange = fmt.Sprintf("minutes: allowed %d to %d", coach.MinMinutes, coach.MaxMinutes)

// ---- workout kind ----------------------------------------------------------

func (m *checkinModel) updateKind(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	n := len(coach.Kinds)
	switch {
	case key.Matches(msg, k.Up):
		m.kindCur = (m.kindCur + n - 1) % n
	case key.Matches(msg, k.Down):
		m.kindCur = (m.kindCur + 1) % n
	case key.Matches(msg, k.KindPick):
		i, _ := strconv.Atoi(msg.String())
		if i >= 1 && i <= n {
			m.kindCur = i - 1
			return tea.Batch(m.chooseKind(m.kindCur), m.setStep(stepMinutes))
		}
	case key.Matches(msg, k.Add):
		m.wi = len(m.day.Workouts)
		m.kindCur = 0
		m.minutesDirty, m.minutesErr = false, ""
	case key.Matches(msg, k.Switch):
		if n := len(m.day.Workouts); n > 1 {
			d := 1
			if key.Matches(msg, k.SwitchBack) {
				d = -1
			}
			m.wi = (min(m.wi, n-1) + d + n) % n
			m.minutesDirty = false
			m.sync()
		}
	case key.Matches(msg, k.Remove):
		if !m.hasWorkout() {
			return nil
		}
		if len(m.day.Workouts) == 1 && !m.confirmRest {
			// The last workout: ask once, the day becomes a rest day.
			m.confirmRest = true
			return nil
		}
		return m.removeWorkout()
	}
	return nil
}

// removeWorkout removes the workout being edited, by its id when it has
// one (the stored day may differ from the working copy), and keeps the
// rest of the record: without a workout the day is a rest day.
func (m *checkinModel) removeWorkout() tea.Cmd {
	m.confirmRest = false
	i := m.wi
	m.removed(m.day.Workouts[i], i)
	change := removeWorkout(refOf(m.day, i))
	last := len(m.day.Workouts) == 1
	m.wi = max(min(i, len(m.day.Workouts)-2), 0)
	m.minutesDirty = false
	info := "removed workout " + strconv.Itoa(i+1) + " · u undoes"
	if last {
		// The question was about the day as shown: apply it only to that.
		change = ifUnchanged(m.day, change)
		info = "removed the last workout: " + longDate(m.date) + " is a rest day · u undoes"
	}
	return tea.Batch(m.change(change), showInfo(info))
}

// updateConfirmRest answers "make <date> a rest day?": y or d removes the
// last workout, any other key keeps it.
func (m *checkinModel) updateConfirmRest(msg tea.KeyPressMsg) tea.Cmd {
	if key.Matches(msg, m.keys.ConfirmRest) {
		return m.removeWorkout()
	}
	m.confirmRest = false
	return nil
}

// chooseKind sets the kind of the current workout, adding it (with default
// minutes and effort) when it is new.
func (m *checkinModel) chooseKind(i int) tea.Cmd {
	kind := coach.Kinds[min(max(i, 0), len(coach.Kinds)-1)]
	if m.hasWorkout() {
		if m.day.Workouts[m.wi].Kind == kind {
			return nil
		}
		return m.change(editWorkout(refOf(m.day, m.wi), func(w *coach.Workout) { w.Kind = kind }))
	}
	return m.change(func(d *coach.Day) error {
		d.Workouts = append(d.Workouts, coach.Workout{Kind: kind, Minutes: defaultMinutes, RPE: defaultRPE})
		return nil
	})
}

func (m *checkinModel) kindView(add func(...string), list func([]string, int)) {
	st := m.ctx.styles
	if n := len(m.day.Workouts); n > 0 {
		var parts []string
		for i, w := range m.day.Workouts {
			text := fmt.Sprintf("%d %s %d min", i+1, w.Kind.Label(), w.Minutes)
			if i == m.wi {
				parts = append(parts, st.Selected.Render("["+text+"]"))
			} else {
				parts = append(parts, st.Muted.Render(" "+text+" "))
			}
		}
		if m.wi >= n {
			parts = append(parts, st.Selected.Render("[+ new]"))
		}
		add(st.Text.Render("Workouts: ") + strings.Join(parts, " "))
		if m.wi >= n {
			add(m.para(st.Muted, fmt.Sprintf("Adding workout %d. What kind was it?", n+1), "")...)
		} else {
			add(m.para(st.Muted, fmt.Sprintf("Editing workout %d of %d. What kind was it?", m.wi+1, n), "")...)
		}
	} else {
		add(m.para(st.Text, "What did you train?", "")...)
		if len(m.day.Done) > 0 || m.day.Note != "" || m.day.Bedtime != nil || m.day.Morning != nil {
			add(m.para(st.Muted, longDate(m.date)+" is a rest day until you add a workout.", "")...)
		}
	}
	if m.confirmRest {
		add(m.para(st.Warn, "Make "+shortDate(m.date)+" a rest day? Its ticks, note and answers stay.", st.Accent.Render("y")+st.Muted.Render(" yes · any other key no"))...)
	}
	add("")
	rows := make([]string, len(coach.Kinds))
	current := -1
	if m.hasWorkout() {
		current = kindIndex(m.day.Workouts[m.wi].Kind)
	}
	for i, k := range coach.Kinds {
		mark := "  "
		if i == current {
			mark = st.Good.Render("✓ ")
		}
		rows[i] = cursorRow(st, i == m.kindCur, mark, fmt.Sprintf("%d  %s", i+1, k.Label()))
	}
	list(rows, m.kindCur)
}

// ---- minutes ---------------------------------------------------------------

// parseMinutes reads typed minutes, refusing anything outside 1 to 600.
func parseMinutes(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < coach.MinMinutes || n > coach.MaxMinutes {
		return 0, false
	}
	return n, true
}

func (m *checkinModel) updateMinutes(msg tea.KeyPressMsg) tea.Cmd {
	if !m.hasWorkout() {
		return nil
	}
	var dropped int
	if msg, dropped = typed(msg); dropKey(msg, dropped) {
		return nil
	}
	return m.typeMinutes(msg)
}

// typeMinutes gives the minutes field a key or a paste that passed the
// keyboard rule, and checks what it holds after.
func (m *checkinModel) typeMinutes(msg tea.Msg) tea.Cmd {
	before := m.minutes.Value()
	var cmd tea.Cmd
	m.minutes, cmd = m.minutes.Update(msg)
	if m.minutes.Value() == before {
		return cmd
	}
	m.minutesDirty, m.minutesFor = true, m.wi
	m.minutesMark = ""
	if _, ok := parseMinutes(m.minutes.Value()); !ok {
		m.minutesErr = minutesRange
		return cmd
	}
	m.minutesErr = ""
	return cmd
}

// commitMinutes stores valid typed minutes when they differ from the
// stored ones, as the step is left; invalid text is kept as typed. The
// number is stored whole rather than per key, so "700" never stores 70.
func (m *checkinModel) commitMinutes() tea.Cmd {
	if !m.hasWorkout() {
		return nil
	}
	n, ok := parseMinutes(m.minutes.Value())
	if !ok {
		m.minutesErr = minutesRange
		return nil
	}
	m.minutesErr, m.minutesMark, m.minutesLost = "", "", nil
	if m.day.Workouts[m.wi].Minutes == n {
		m.minutesDirty = false
		return m.dropDraft()
	}
	ref, text := refOf(m.day, m.wi), m.minutes.Value()
	m.minutesDirty = false
	cmd := m.changeKept(editWorkout(ref, func(w *coach.Workout) { w.Minutes = n }), func(err error) {
		// The write failed for good: the typed number stays in the field
		// of its workout, marked "not saved".
		if i := ref.index(m.day); i >= 0 {
			m.wi = i
			m.minutes.SetValue(text)
			m.minutesDirty, m.minutesFor, m.minutesLost = true, i, err
			m.minutesMark = notSaved(err)
		}
	})
	return tea.Batch(cmd, m.dropDraft())
}

func (m *checkinModel) minutesView(add func(...string)) {
	st := m.ctx.styles
	if !m.hasWorkout() {
		add(m.para(st.Muted, "Choose the kind of workout first (esc goes back).", "")...)
		return
	}
	w := m.day.Workouts[m.wi]
	add(m.para(st.Text, fmt.Sprintf("How many minutes did the %s session last?", w.Kind.Noun()), "")...)
	add("")
	add(st.Accent.Render("› ") + m.minutes.View() + st.Muted.Render(" min"))
	switch {
	case m.minutesErr != "":
		add(st.Error.Render("✗ " + m.minutesErr))
	case m.minutesMark != "":
		add(m.para(st.Warn, m.minutesMark, "")...)
	default:
		add(m.para(st.Muted, fmt.Sprintf("%d to %d; saved when you leave the step", coach.MinMinutes, coach.MaxMinutes), "")...)
	}
}

// ---- effort ----------------------------------------------------------------

func (m *checkinModel) updateEffort(msg tea.KeyPressMsg) tea.Cmd {
	if !m.hasWorkout() {
		return nil
	}
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		m.effort = max(m.effort-1, coach.MinRPE)
	case key.Matches(msg, k.Down):
		m.effort = min(m.effort+1, coach.MaxRPE)
	case key.Matches(msg, k.Digit):
		n, _ := strconv.Atoi(msg.String())
		if n == 0 {
			n = 10
		}
		// One choice on the step: a digit chooses and moves on, as on
		// the kind step (docs/keys.md).
		m.effort = n
		return tea.Batch(m.setEffort(n), m.setStep(m.step+1))
	}
	return nil
}

func (m *checkinModel) setEffort(rpe int) tea.Cmd {
	if !m.hasWorkout() || rpe < coach.MinRPE || rpe > coach.MaxRPE {
		return nil
	}
	return m.change(editWorkout(refOf(m.day, m.wi), func(w *coach.Workout) { w.RPE = rpe }))
}

func (m *checkinModel) effortView(add func(...string), list func([]string, int)) {
	st := m.ctx.styles
	if !m.hasWorkout() {
		add(m.para(st.Muted, "Choose the kind of workout first (esc goes back).", "")...)
		return
	}
	stored := m.day.Workouts[m.wi].RPE
	if w := m.day.Workouts[m.wi]; !w.EffortGiven() {
		// A device workout: the file did not say; nothing is chosen for
		// the person (leaving the step gives no effort).
		add(m.para(st.Text, "How hard was "+coach.WorkoutSubject(w)+"? (CR-10 scale)", "")...)
		add(m.para(st.Warn, "not yet given: 1-9, 0 for 10", "")...)
	} else {
		add(m.para(st.Text, "How hard was the whole session? (CR-10 scale)", "")...)
	}
	add("")
	rows := make([]string, 0, coach.MaxRPE)
	for r := coach.MinRPE; r <= coach.MaxRPE; r++ {
		mark := "  "
		if r == stored {
			mark = st.Good.Render("✓ ")
		}
		rows = append(rows, cursorRow(st, r == m.effort, mark, fmt.Sprintf("%2d  %s", r, effortWords[r])))
	}
	list(rows, m.effort-1)
}

// ---- blood flow and diet ---------------------------------------------------

// stepItems returns the checklist items of a step.
func stepItems(s checkinStep) []coach.ItemInfo {
	if s == stepBloodFlow {
		return bloodFlowItems
	}
	return dietItems
}

var (
	bloodFlowItems = coach.ItemsOf(coach.PillarBloodFlow)
	dietItems      = coach.ItemsOf(coach.PillarDiet)
)

func (m *checkinModel) updateItems(msg tea.KeyPressMsg) tea.Cmd {
	items := stepItems(m.step)
	if len(items) == 0 {
		return nil
	}
	c := &m.cursor[m.step]
	*c = min(max(*c, 0), len(items)-1)
	k := m.keys
	switch {
	case key.Matches(msg, k.Up):
		*c = (*c + len(items) - 1) % len(items)
	case key.Matches(msg, k.Down):
		*c = (*c + 1) % len(items)
	case key.Matches(msg, k.Why):
		return openItem(items[*c].ID)
	case key.Matches(msg, k.Toggle):
		// What the person sees unticked becomes ticked in the stored day,
		// whatever another process did meanwhile: a set, not a flip.
		id := items[*c].ID
		return m.change(setItem(id, !m.day.IsDone(id), m.ctx.now()))
	}
	return nil
}

// click on a checklist item moves the cursor there and ticks it, the same
// set (not a flip) of what is shown as the space key; elsewhere a click
// does nothing. The item comes from stepLines, the lines view draws.
func (m *checkinModel) click(c clickMsg) tea.Cmd {
	m.forgetUndo() // as a key would
	if m.date.IsZero() || m.noting || m.form != nil || m.confirmRest || m.width <= 0 || m.height <= 0 {
		return nil
	}
	if m.step != stepBloodFlow && m.step != stepDiet {
		return nil
	}
	_, lay := m.stepLines()
	i, ok := lay.at(c.y)
	items := stepItems(m.step)
	if !ok || i >= len(items) {
		return nil
	}
	// The cursor follows the click unless that would scroll the list (it
	// is shown in part): the next click on the same cell must reach the
	// same item.
	was := m.cursor[m.step]
	m.cursor[m.step] = i
	if _, now := m.stepLines(); now.start != lay.start {
		m.cursor[m.step] = was
	}
	id := items[i].ID
	return m.change(setItem(id, !m.day.IsDone(id), m.ctx.now()))
}

func (m *checkinModel) itemsView(add func(...string), list func([]string, int)) {
	st := m.ctx.styles
	p := coach.PillarBloodFlow
	need := coach.BloodFlowMin
	if m.step == stepDiet {
		p, need = coach.PillarDiet, m.ctx.settings.DietMinGroups
	}
	n := m.day.CountDone(p)
	count := fmt.Sprintf("%d done", n) // never "3 of 1"
	needed := fmt.Sprintf(", %d needed", need)
	state := pillarGlyph(st, m.day.Pillar(p, m.ctx.settings))
	if p == coach.PillarBloodFlow {
		add(m.para(st.Text, "What did you do for blood flow?", state+" "+st.Accent.Render(count)+st.Muted.Render(needed))...)
		// Safety where it is needed (guide: blood flow, about).
		add(m.para(st.Warn, "Never massage or roll a hot, swollen calf or a fresh injury.", "")...)
	} else {
		add(m.para(st.Text, "Which food groups did you eat "+m.dayWord()+"?", state+" "+st.Accent.Render(count)+st.Muted.Render(needed))...)
	}
	add("")
	items := stepItems(m.step)
	c := min(max(m.cursor[m.step], 0), len(items)-1)
	rows := make([]string, len(items))
	for i, it := range items {
		box := st.Muted.Render("[ ]") + " "
		if m.day.IsDone(it.ID) {
			box = st.Good.Render("[x]") + " "
		}
		row := cursorRow(st, i == c, box, padRight(it.Label, 23))
		rows[i] = row + st.Muted.Render(fitHint(" "+it.Hint, m.width-lipgloss.Width(row)))
	}
	list(rows, c)
}
