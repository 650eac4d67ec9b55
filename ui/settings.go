package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"cooldown/coach"
	"cooldown/coach/safetext"
)

// settingRow names one row of the settings screen.
type settingRow int

const (
	rowSleepTarget settingRow = iota
	rowDietMin
	rowDayStart
	rowTheme
	numSettingRows
)

// themes are the choices of the theme row, in order.
var themes = []string{ThemeAuto, ThemeDark, ThemeLight}

// settingsSavedMsg reports a write of the settings to the request that
// asked.
type settingsSavedMsg struct {
	request
	err error
}

// themeMsg asks the parent to switch the theme: it restyles every screen
// and stores the choice (Model.setTheme).
type themeMsg struct{ theme string }

// settingsModel is the settings screen. Every change is validated by the
// coach, written at once and applied everywhere: the theme restyles the
// app, the rules reload the data so streaks and statuses are recomputed.
type settingsModel struct {
	ctx           *context
	reqs          requests // the settings writes asked for, counted
	req           request  // the write on its way
	keys          settingsKeys
	width, height int

	cursor settingRow
	draft  coach.Settings // what the screen shows; saved or being saved
	err    string         // the coach's refusal of the last change
	limit  string         // the limit the last change stopped at

	saving   bool // a settings write is in flight
	dirty    bool // draft changed while it was
	retrying bool // the write waits for another process to release the file
}

// writing reports whether a settings write is on its way.
func (m *settingsModel) writing() bool { return m.saving }

// retryingWrite reports whether the settings wait for the file.
func (m *settingsModel) retryingWrite() bool { return m.retrying }

// unsavedErr says that the settings shown are not stored yet.
func (m *settingsModel) unsavedErr() error {
	if m.saving {
		return fmt.Errorf("the settings are still being saved")
	}
	return nil
}

type settingsKeys struct {
	Up, Down, Less, More, Back key.Binding
}

func defaultSettingsKeys() settingsKeys {
	return settingsKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "choose")),
		Down: key.NewBinding(key.WithKeys("down", "j", "tab")),
		Less: key.NewBinding(key.WithKeys("left", "h", "-"), key.WithHelp("←/→", "change")),
		More: key.NewBinding(key.WithKeys("right", "l", "+", "space")),
		Back: key.NewBinding(key.WithKeys("esc", "enter"), key.WithHelp("esc", "back")),
	}
}

func newSettings(ctx *context) *settingsModel {
	return &settingsModel{ctx: ctx, reqs: requests{owner: screenSettings}, keys: defaultSettingsKeys(), draft: ctx.settings}
}

func (m *settingsModel) enter() tea.Cmd {
	m.err, m.limit = "", ""
	return reload
}

func (m *settingsModel) typing() bool { return false }

func (m *settingsModel) setSize(w, h int) { m.width, m.height = w, h }

func (m *settingsModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dataMsg:
		if msg.err == nil && !m.saving {
			m.draft = msg.settings
		}
	case retryMsg:
		if m.retrying {
			m.dirty = false
			return m.save()
		}
	case settingsSavedMsg:
		if msg.request != m.req {
			return nil // a late reply to an earlier try
		}
		if isLocked(msg.err) && !m.ctx.stopping {
			m.retrying = true // the draft is written again, as it then stands
			return retryLater(screenSettings)
		}
		m.saving, m.retrying = false, false
		if msg.err != nil {
			m.dirty = false
			return tea.Batch(showError(fmt.Errorf("save settings: %w", msg.err)), reload)
		}
		if m.dirty {
			m.dirty = false
			return m.save()
		}
		return reload
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Back):
			return goBack
		case key.Matches(msg, m.keys.Up):
			m.cursor = (m.cursor + numSettingRows - 1) % numSettingRows
			m.err, m.limit = "", ""
		case key.Matches(msg, m.keys.Down):
			m.cursor = (m.cursor + 1) % numSettingRows
			m.err, m.limit = "", ""
		case key.Matches(msg, m.keys.Less):
			return m.change(-1)
		case key.Matches(msg, m.keys.More):
			return m.change(1)
		}
	}
	return nil
}

// change steps the value under the cursor by dir and saves it.
func (m *settingsModel) change(dir int) tea.Cmd {
	m.err, m.limit = "", ""
	if m.cursor == rowTheme {
		i := 0
		for j, t := range themes {
			if t == m.ctx.theme {
				i = j
			}
		}
		t := themes[(i+dir+len(themes))%len(themes)]
		return func() tea.Msg { return themeMsg{t} } // the parent restyles and stores it
	}
	s := m.draft
	// A value at its limit stays there, and the line below says so.
	limit := func(at bool, low, high string) bool {
		if at {
			m.err = ""
			m.limit = high
			if dir < 0 {
				m.limit = low
			}
		}
		return at
	}
	switch m.cursor {
	case rowSleepTarget:
		s.SleepTargetHours += 0.5 * float64(dir)
		if limit(s.SleepTargetHours < coach.MinSleepTarget || s.SleepTargetHours > coach.MaxSleepTarget,
			halfHours(coach.MinSleepTarget)+" h is the lowest sleep target", halfHours(coach.MaxSleepTarget)+" h is the highest sleep target") {
			return nil
		}
	case rowDietMin:
		s.DietMinGroups += dir
		if limit(s.DietMinGroups < coach.MinDietGroups || s.DietMinGroups > coach.MaxDietGroups,
			"at least 1 food group is needed", fmt.Sprintf("%d groups is all of them", coach.MaxDietGroups)) {
			return nil
		}
	case rowDayStart:
		s.DayStartHour += dir
		if limit(s.DayStartHour < coach.MinDayStartHour || s.DayStartHour > coach.MaxDayStartHour,
			fmt.Sprintf("%02d:00 is the earliest start", coach.MinDayStartHour), fmt.Sprintf("%02d:00 is the latest start", coach.MaxDayStartHour)) {
			return nil
		}
	}
	if err := s.Validate(); err != nil {
		m.err = err.Error()
		return nil
	}
	m.draft = s
	if m.saving {
		m.dirty = true
		return nil
	}
	return m.save()
}

// save writes the draft; one write at a time, so the last change wins.
func (m *settingsModel) save() tea.Cmd {
	m.saving = true
	m.req = m.reqs.next()
	st, s, req := m.ctx.store, m.draft, m.req
	return func() tea.Msg { return settingsSavedMsg{request: req, err: st.SetSettings(s)} }
}

func (m *settingsModel) view() string {
	st := m.ctx.styles
	type row struct{ name, value, hint string }
	rows := [numSettingRows]row{
		rowSleepTarget: {"Sleep target", halfHours(m.draft.SleepTargetHours) + " h", "Hours of sleep that meet the sleep pillar: 6 to 10, in half hours."},
		rowDietMin:     {"Diet minimum", nounCount(m.draft.DietMinGroups, "group", "groups"), "Food groups that meet the diet pillar: 1 to 9 of the nine."},
		rowDayStart:    {"Day starts at", fmt.Sprintf("%02d:00", m.draft.DayStartHour), "Hour the day starts, 0 to 6: a check-in before it counts for the day before."},
		rowTheme:       {"Theme", m.ctx.theme, "Colours for a dark or light terminal background, or auto to detect it."},
	}
	if rows[rowTheme].value == "" {
		rows[rowTheme].value = ThemeAuto
	}
	lines := []string{st.Subtitle.Render("Settings"), ""}
	for i, r := range rows {
		cur, value := "  ", "  "+r.value
		if settingRow(i) == m.cursor {
			cur = st.Cursor.Render("› ")
			value = st.Selected.Render("‹ " + r.value + " ›")
		}
		lines = append(lines, truncate(cur+fmt.Sprintf("%-15s", r.name)+value, m.width))
	}
	// The hint of the row under the cursor, or the coach's refusal, below
	// the rows, wrapped so a narrow window shows all of it.
	lines = append(lines, "")
	text, style := rows[m.cursor].hint, st.Muted
	if m.limit != "" {
		text, style = m.limit, st.Warn
	}
	if m.err != "" {
		text, style = "✗ "+safetext.Line(m.err), st.Error
	}
	lines = append(lines, wrapWords(style, text, m.width)...)
	lines = append(lines, "", truncate(st.Muted.Render("Changes are saved at once; streaks follow the new rules."), m.width))
	return lipgloss.JoinVertical(lipgloss.Left, lines...)
}

func (m *settingsModel) ShortHelp() []key.Binding {
	return []key.Binding{m.keys.Up, m.keys.Less, m.keys.Back}
}

func (m *settingsModel) FullHelp() [][]key.Binding {
	return [][]key.Binding{m.ShortHelp()}
}
