package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// homeKeyMap holds the keys of the home screen. The morning keys work while
// the morning form is open; the others while it is closed.
type homeKeyMap struct {
	Checkin  key.Binding
	Morning  key.Binding
	Why      key.Binding
	Numbers  key.Binding
	Guide    key.Binding
	Streak   key.Binding
	History  key.Binding
	Settings key.Binding

	Up     key.Binding
	Down   key.Binding
	Less   key.Binding
	More   key.Binding
	Digit  key.Binding
	Half   key.Binding
	Save   key.Binding
	Cancel key.Binding
}

func defaultHomeKeyMap() homeKeyMap {
	return homeKeyMap{
		Checkin:  key.NewBinding(key.WithKeys("enter", "c"), key.WithHelp("enter", "start check-in")),
		Morning:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "morning check")),
		Why:      key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "why")),
		Numbers:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "what these mean")),
		Guide:    key.NewBinding(key.WithKeys("g"), key.WithHelp("g", "guide")),
		Streak:   key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "streak")),
		History:  key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
		Settings: key.NewBinding(key.WithKeys(","), key.WithHelp(",", "settings")),

		Up:     key.NewBinding(key.WithKeys("up", "k", "shift+tab"), key.WithHelp("↑/k", "previous question")),
		Down:   key.NewBinding(key.WithKeys("down", "j", "tab"), key.WithHelp("↓/j", "next question")),
		Less:   key.NewBinding(key.WithKeys("left", "-"), key.WithHelp("←/-", "less")),
		More:   key.NewBinding(key.WithKeys("right", "+", "="), key.WithHelp("→/+", "more")),
		Digit:  key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-7", "rate")),
		Half:   key.NewBinding(key.WithKeys("."), key.WithHelp(".", "half hour")),
		Save:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// homeModel is the home screen: today's state, the open morning check,
// the streaks, one coach message and the ways on.
type homeModel struct {
	ctx           *context
	reqs          requests // home's reads and writes, counted
	req           request  // the morning check's write on its way
	width, height int
	keys          homeKeyMap

	// The stored check-in step of today ("" when none), read in a command
	// whenever the date changes or a step is saved.
	stepDate   coach.Date
	stepName   string
	stepWrites int // step writes seen; a read from before one is stale

	form     *morningForm // non-nil while the morning check is open
	saving   bool         // the morning check is being written
	retrying bool         // ... and waits for another process to release the file
	pending  func(*coach.Day) error
	formErr  string
	lost     error // the last write of the form failed for good

	ask      homeAsk // the one-key questions: effort, same session (home_effort.go)
	watching bool    // the watch folders are scanned (watch.go)
}

func newHome(ctx *context) *homeModel {
	m := &homeModel{ctx: ctx, reqs: requests{owner: screenHome}, keys: defaultHomeKeyMap(), ask: homeAsk{keys: defaultAskKeyMap()}}
	m.updateKeys()
	return m
}

// enter reloads everything stored (another process may have written) and
// today's check-in step.
func (m *homeModel) enter() tea.Cmd {
	m.refreshSame()
	m.updateKeys()
	return tea.Batch(reload, m.loadStep(m.ctx.today), m.startWatch())
}

func (m *homeModel) setSize(w, h int) { m.width, m.height = w, h }

// loadStep reads the check-in step of date, tagged with the step writes
// seen so far.
func (m *homeModel) loadStep(date coach.Date) tea.Cmd {
	load, writes := loadCheckinStep(m.ctx.store, m.reqs.next(), date), m.stepWrites
	if load == nil {
		return nil
	}
	return func() tea.Msg {
		msg, _ := load().(checkinStepMsg)
		msg.writes = writes
		return msg
	}
}

// writing reports whether the morning check is being written.
func (m *homeModel) writing() bool { return m.saving || m.ask.saving }

// retryingWrite reports whether the morning check waits for another
// process to release the file.
func (m *homeModel) retryingWrite() bool { return m.retrying || m.ask.retrying }

// unsavedErr says whether the open morning check holds answers that are
// not stored.
func (m *homeModel) unsavedErr() error {
	switch {
	case m.form == nil:
		return nil
	case m.saving:
		return fmt.Errorf("the morning check of %s is still being saved", longDate(m.form.date))
	case m.lost != nil:
		return fmt.Errorf("the morning check of %s was not saved: %w", longDate(m.form.date), m.lost)
	}
	return nil
}

// typing is false: the morning form takes single keys, not text.
func (m *homeModel) typing() bool { return false }

func (m *homeModel) update(msg tea.Msg) tea.Cmd {
	defer m.updateKeys()
	if cmd, ok := m.updateAsk(msg); ok {
		return cmd
	}
	if cmd, ok := m.updateWatch(msg); ok {
		return cmd
	}
	switch msg := msg.(type) {
	case dataMsg:
		if msg.err == nil && msg.today != m.stepDate {
			// The date rolled over (or first data): today's step is another.
			m.stepDate, m.stepName = msg.today, ""
			return m.loadStep(msg.today)
		}
		if m.form != nil && !m.saving && !m.isOpen(m.form.date) {
			m.form = nil // answered elsewhere, or no longer asked
		}
	case checkinStepMsg:
		if msg.saved {
			m.stepWrites++
		} else if msg.writes != m.stepWrites {
			return nil // read before a later write of the step
		}
		if msg.err == nil && msg.date == m.ctx.today {
			m.stepDate, m.stepName = msg.date, msg.step
		}
	case savedMsg:
		if msg.request == m.req && m.form != nil && m.saving {
			if isLocked(msg.err) && !m.ctx.stopping {
				m.retrying = true
				return retryLater(screenHome)
			}
			m.saving, m.retrying, m.pending = false, false, nil
			if msg.err != nil {
				// The answers stay in the form; enter tries again.
				m.lost = msg.err
				m.formErr = notSaved(msg.err)
				return nil
			}
			m.form, m.lost = nil, nil
			// The parent has stored the day in ctx.days; ctx.summary still
			// holds the figures from before the write.
			c := m.ctx
			after := coach.Summarize(c.days, c.today, c.settings)
			return showInfo(morningSavedText(msg.day, c.summary, after, c.settings))
		}
	case retryMsg:
		if m.saving && m.pending != nil && m.form != nil {
			return m.saveForm()
		}
	case tea.KeyPressMsg:
		if m.form != nil {
			return m.updateForm(msg)
		}
		return m.updateKeysPressed(msg)
	}
	return nil
}

func (m *homeModel) updateKeysPressed(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Checkin):
		date := m.ctx.today
		return func() tea.Msg { return editDayMsg{date: date, step: -1} }
	case key.Matches(msg, k.Morning):
		if q := m.ctx.summary.OpenQuestions; len(q) > 0 {
			m.form = m.newHomeMorningForm(q[0])
			m.formErr = ""
		}
	case key.Matches(msg, k.Why):
		if sec := m.ctx.summary.Message.Section; sec != "" {
			return openSection(sec)
		}
	case key.Matches(msg, k.Numbers):
		return openSection(coach.SectionNumbers)
	case key.Matches(msg, k.Guide):
		return navigate(screenGuide)
	case key.Matches(msg, k.Streak):
		return navigate(screenStreak)
	case key.Matches(msg, k.History):
		return navigate(screenHistory)
	case key.Matches(msg, k.Settings):
		return navigate(screenSettings)
	}
	return nil
}

func (m *homeModel) updateForm(msg tea.KeyPressMsg) tea.Cmd {
	f, k := m.form, m.keys
	if m.saving {
		return nil // wait for the write; keys would change what is being saved
	}
	m.formErr = ""
	switch {
	case key.Matches(msg, k.Cancel):
		m.form, m.lost = nil, nil
	case key.Matches(msg, k.Save):
		mo, err := f.morning()
		if err != nil {
			m.formErr = err.Error()
			f.focusMissing()
			return nil
		}
		m.saving = true
		m.pending = func(d *coach.Day) error {
			d.Morning = &mo
			return nil
		}
		return m.saveForm()
	default:
		f.edit(msg, k)
	}
	return nil
}

// saveForm writes the morning check's answers (m.pending) as a new
// request; a reply to an earlier try is then late, and dropped.
func (m *homeModel) saveForm() tea.Cmd {
	m.req = m.reqs.next()
	return m.ctx.saveFrom(m.req, m.form.date, m.pending)
}

// isOpen reports whether date still waits for its morning check.
func (m *homeModel) isOpen(date coach.Date) bool {
	for _, d := range m.ctx.summary.OpenQuestions {
		if d == date {
			return true
		}
	}
	return false
}

// updateKeys enables the keys that work in the current state, so the short
// help shows exactly those.
func (m *homeModel) updateKeys() {
	form := m.form != nil
	for _, b := range []*key.Binding{&m.keys.Checkin, &m.keys.Numbers, &m.keys.Guide, &m.keys.Streak, &m.keys.History, &m.keys.Settings} {
		b.SetEnabled(!form)
	}
	m.keys.Morning.SetEnabled(!form && len(m.ctx.summary.OpenQuestions) > 0)
	m.keys.Why.SetEnabled(!form && m.ctx.summary.Message.Section != "")
	for _, b := range []*key.Binding{&m.keys.Up, &m.keys.Down, &m.keys.Less, &m.keys.More, &m.keys.Digit, &m.keys.Save, &m.keys.Cancel} {
		b.SetEnabled(form)
	}
	m.keys.Half.SetEnabled(form && m.form.field == 0)
	if form && m.form.field == 0 {
		m.keys.Digit.SetHelp("0-9", "hours")
	} else {
		m.keys.Digit.SetHelp("1-7", "rate")
	}
	m.keys.Checkin.SetHelp("enter", m.checkinAction())
}

// checkinState says how far today's check-in is: none, in progress or done.
type checkinState int

const (
	checkinNone checkinState = iota
	checkinInProgress
	checkinDone
)

// todayState returns how far today's check-in is and today's day.
func (m *homeModel) todayState() (checkinState, coach.Day) {
	day, ok := m.ctx.findDay(m.ctx.today)
	switch {
	case !ok, day.IsRest() && m.stepName == "":
		return checkinNone, day
	case m.stepName == stepDoneName:
		return checkinDone, day
	case m.stepName != "":
		return checkinInProgress, day
	case day.Status(m.ctx.settings) == coach.StatusPartial:
		return checkinInProgress, day
	}
	return checkinDone, day
}

func (m *homeModel) checkinAction() string {
	switch st, _ := m.todayState(); st {
	case checkinInProgress:
		return "continue check-in"
	case checkinDone:
		return "review check-in"
	}
	return "start check-in"
}

// view draws the home screen from the shared summary; nothing here walks
// the history. The screen is built of blocks with a priority; when the
// window is short the least important go first (blank rows, today's
// details, the list of ways on, the coach), so the open morning check and
// today's state stay in view.
func (m *homeModel) view() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	st := m.ctx.styles
	w := m.width
	const labelW = 9
	label := func(s string) string { return st.Subtitle.Render(padRight(s, labelW)) }
	indent := strings.Repeat(" ", labelW)
	var blocks []homeBlock
	block := func(prio int, lines ...string) { blocks = append(blocks, homeBlock{prio, lines}) }
	labelled := func(name string, style lipgloss.Style, prefix string, text string) []string {
		var out []string
		for i, l := range wrapText(text, max(w-labelW-lipgloss.Width(prefix), 1)) {
			if i == 0 {
				out = append(out, label(name)+prefix+style.Render(l))
			} else {
				out = append(out, indent+strings.Repeat(" ", lipgloss.Width(prefix))+style.Render(l))
			}
		}
		return out
	}
	const (
		prioBlank = iota
		prioDetail
		prioWays
		prioCoach
		prioStreak
		prioMorning
		prioToday
	)

	// Today.
	// Two things, two labels: the check-in's progress (not started, step
	// k of 7, finished) and, once there is a day, its status in the words
	// of every screen (complete, pending, partial, rest).
	state, day := m.todayState()
	switch state {
	case checkinNone:
		lines := labelled("Today", st.Text, st.Muted.Render("○ "), "Check-in not started")
		if _, ok := m.ctx.findDay(m.ctx.today); ok {
			// A rest day holding ticks, a note or answers.
			lines = append(lines, labelled("", st.Muted, st.Muted.Render("status: "), statusWord(coach.StatusNone))...)
		}
		block(prioToday, lines...)
	default:
		progress := "Check-in finished"
		if state == checkinInProgress {
			progress = "Check-in in progress"
			if s, ok := stepByName(m.stepName); ok {
				progress = fmt.Sprintf("Check-in step %d of %d (%s)", int(s)+1, int(numSteps), s.title())
			}
		}
		status := day.Status(m.ctx.settings)
		lines := labelled("Today", st.Text, statusGlyph(st, status)+" ", progress)
		lines = append(lines, labelled("", statusStyle(st, status), st.Muted.Render("status: "), statusWord(status))...)
		block(prioToday, lines...)
	}
	if state != checkinNone {
		details := []string{indent + st.Text.Render(truncateRunes(workoutsLine(day), max(w-labelW, 1)))}
		for _, l := range pillarsLines(st, day, m.ctx.settings, w-labelW) {
			details = append(details, indent+l)
		}
		block(prioDetail, details...)
	}
	block(prioBlank, "")

	// Streak and strength.
	sum := m.ctx.summary
	var streak []string
	for i, l := range flowParts([]string{
		st.Accent.Render(plural(sum.Streak.Current, "day", "days")) + st.Muted.Render(" current"),
		st.Text.Render(fmt.Sprintf("%d", sum.Streak.Longest)) + st.Muted.Render(" longest"),
		st.Text.Render(plural(sum.Streak.Week, "week", "weeks")) + st.Muted.Render(" in a row"),
	}, st.Muted.Render(" · "), w-labelW) {
		if i == 0 {
			streak = append(streak, label("Streak")+l)
		} else {
			streak = append(streak, indent+l)
		}
	}
	barW := min(20, max(w-labelW-6, 1))
	strength := strengthBar(st, sum.StrengthPercent, barW) + " " + st.Accent.Render(fmt.Sprintf("%d%%", sum.StrengthPercent))
	if labelW+lipgloss.Width(strength)+18 <= w {
		strength += st.Muted.Render(" recovery strength")
	}
	// The figures lead to "Reading your numbers" (r).
	if hint := st.Muted.Render(" · ") + st.Accent.Render("r") + st.Muted.Render(" what these mean"); labelW+lipgloss.Width(strength+hint) <= w {
		strength += hint
	}
	// Not "Strength": that is a workout kind.
	block(prioStreak, append(streak, label("Recovery")+strength)...)
	block(prioBlank, "")

	// Morning.
	if m.form != nil {
		form := m.form.view(st, w, label, indent)
		if m.formErr != "" {
			form = append(form, indent+st.Error.Render("✗ "+safetext.Line(m.formErr)))
		} else if m.retrying {
			form = append(form, indent+st.Warn.Render("saving… the database is in use by another process"))
		} else if m.saving {
			form = append(form, indent+st.Muted.Render("saving…"))
		}
		block(prioMorning, form...)
		block(prioBlank, "")
	} else if q := sum.OpenQuestions; len(q) > 0 {
		text := m.morningAskText(q[0])
		if len(q) > 1 {
			text += fmt.Sprintf(" (%d more open)", len(q)-1)
		}
		lines := labelled("Morning", st.Text, st.Warn.Render("? "), text)
		lines = append(lines, indent+st.Muted.Render("press ")+st.Accent.Render("m")+st.Muted.Render(" to answer here"))
		block(prioMorning, lines...)
		block(prioBlank, "")
	}

	if m.form == nil {
		ask := m.askView(func(name, prefix, text string) []string { return labelled(name, st.Text, prefix, text) }, indent)
		if len(ask) > 0 {
			block(prioMorning, ask...)
			block(prioBlank, "")
		}
	}

	// Coach.
	if msg := sum.Message; msg.Text != "" {
		lines := labelled("Coach", st.Text, "", msg.Text)
		if msg.Section != "" {
			lines = append(lines, indent+st.Muted.Render("→ ")+st.Link.Render(sectionTitle(msg.Section))+st.Muted.Render("  (i)"))
		}
		block(prioCoach, lines...)
	}
	if m.form == nil {
		block(prioBlank, "")
		way := func(k, what string) string { return st.Accent.Render(k) + st.Muted.Render(" "+what) }
		block(prioWays, flowParts([]string{way("enter", m.checkinAction()), way("g", "guide"), way("s", "streak"),
			way("h", "history"), way(",", "settings"), way("q", "quit")}, st.Muted.Render(" · "), w)...)
	}
	return fitLines(fitBlocks(blocks, m.height), w, m.height)
}

// homeBlock is a group of lines of the home screen with its priority.
type homeBlock struct {
	prio  int
	lines []string
}

// fitBlocks drops the blocks of lowest priority, lowest first and the last
// of equals first, until the rest fit in h lines (the most important block
// always stays); the order of the rest is kept.
func fitBlocks(blocks []homeBlock, h int) []string {
	total := 0
	for _, b := range blocks {
		total += len(b.lines)
	}
	keep := make([]bool, len(blocks))
	for i := range keep {
		keep[i] = true
	}
	for kept := len(blocks); total > h && kept > 1; kept-- {
		drop := -1
		for i := len(blocks) - 1; i >= 0; i-- {
			if keep[i] && (drop < 0 || blocks[i].prio < blocks[drop].prio) {
				drop = i
			}
		}
		keep[drop] = false
		total -= len(blocks[drop].lines)
	}
	var out []string
	for i, b := range blocks {
		if keep[i] {
			out = append(out, b.lines...)
		}
	}
	return out
}

// ShortHelp returns the keys that work right now.
func (m *homeModel) ShortHelp() []key.Binding {
	k := m.keys
	if m.form != nil {
		return []key.Binding{pair(k.Up, "↑/↓", "move"), pair(k.Less, "←/→", "change"), k.Digit, k.Half, k.Save, k.Cancel}
	}
	// The ways on (enter, g, s, h, ",") are listed on the screen itself
	// and in the full help; the line does not repeat them. The one-key
	// questions' keys come first while one is asked.
	return append(m.askHelp(), k.Morning, k.Why)
}

// FullHelp returns every key of the screen, grouped.
func (m *homeModel) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Checkin, k.Morning, k.Why, k.Numbers},
		{k.Guide, k.Streak, k.History, k.Settings},
		{k.Up, k.Down, k.Less, k.More},
		{k.Digit, k.Half, k.Save, k.Cancel},
		m.askHelp(),
	}
}
