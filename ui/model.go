package ui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cooldown/coach/safetext"
	"cooldown/content"
	"cooldown/store"
)

// Minimum window size; below it the app shows a short note instead.
const (
	minWidth  = 40
	minHeight = 12
)

// Model is the parent model: it owns the shared context, handles what is
// global (quit, help, window size, errors, the clock, navigation) and
// routes the rest (pages.go): a reply to the screen that asked, the
// shared messages to every screen, keys to the screen shown.
type Model struct {
	ctx *context

	// The screens, one typed field each; active is the one shown.
	home     *homeModel
	checkin  *checkinModel
	guide    *guideModel
	streak   *streakModel
	history  *historyModel
	settings *settingsModel
	active   screen
	back     []screen // screens to return to with backMsg

	keys     globalKeys
	help     help.Model
	err      error  // last error, shown inline until the next key
	info     string // last confirmation, shown inline until the next key
	ready    bool   // a WindowSizeMsg has arrived
	quitting bool   // quit was asked for: waiting for writes, or done
	exit     exitState
}

// newModel builds the parent model and every screen around one context.
func newModel(ctx *context) *Model {
	m := &Model{ctx: ctx, keys: defaultGlobalKeys(), help: newHelp()}
	m.newScreens(ctx)
	m.syncHelp()
	return m
}

// Init starts the clock, the watch on the file and the first screen.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tick(), poll(), tea.RequestBackgroundColor}
	if !m.ctx.loaded {
		cmds = append(cmds, m.ctx.load())
	}
	cmds = append(cmds, m.page().enter())
	return tea.Batch(cmds...)
}

// Update handles global messages and routes the rest. Quitting waits for
// the writes on their way (a box ticked just before q) and asks before it
// drops a change that is not stored (quit.go).
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, handled := m.quitMessage(msg); handled {
		m.syncHelp()
		return m, cmd
	}
	_, cmd := m.update(msg)
	cmd = tea.Batch(cmd, m.afterQuitting())
	m.syncHelp()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.ctx.width, m.ctx.height = msg.Width, msg.Height
		m.ready = true
		m.resize()
		w, h := m.bodySize()
		return m, m.broadcast(sizeMsg{w, h})

	case tea.KeyPressMsg:
		m.err, m.info = nil, ""
		typing := m.page().typing()
		m.keys.Quit.SetEnabled(!typing)
		m.keys.Help.SetEnabled(!typing)
		switch {
		case m.quitting:
			return m, m.quitKey(msg)
		case key.Matches(msg, m.keys.ForceQuit), key.Matches(msg, m.keys.Quit):
			return m, m.startQuit()
		case key.Matches(msg, m.keys.Help):
			m.help.ShowAll = !m.help.ShowAll
			m.resize()
			return m, nil
		}
		return m, m.page().update(msg)

	case tea.PasteMsg:
		// A paste is text for a field: the active screen's, and only while
		// one is open (the screen applies the keyboard rule, typedPaste).
		if m.quitting || !m.page().typing() {
			return m, nil
		}
		m.err, m.info = nil, ""
		return m, m.page().update(msg)

	case tea.BackgroundColorMsg:
		// The terminal's answer to the one question the app asks at start:
		// restyle for it (the theme "auto" follows it) and keep it for the
		// next start's first frame.
		dark := msg.IsDark()
		if dark == m.ctx.term.Dark {
			return m, nil
		}
		m.ctx.term.Dark = dark
		m.ctx.setTheme(m.ctx.theme)
		m.resize()
		return m, tea.Batch(m.broadcast(restyleMsg{}), saveBackground(m.ctx.store, dark))

	case tea.MouseClickMsg:
		c, ok := m.bodyClick(msg)
		if !ok || m.quitting {
			return m, nil
		}
		m.err, m.info = nil, ""
		return m, m.page().update(c)

	case tea.MouseMsg:
		return m, m.page().update(msg)

	case tickMsg:
		cmds := []tea.Cmd{tick()}
		if m.ctx.loaded && m.ctx.todayAt(m.ctx.now()) != m.ctx.today {
			cmds = append(cmds, m.ctx.load())
		}
		return m, tea.Batch(cmds...)

	case dataMsg:
		if msg.err != nil {
			m.err = msg.err
			return m, nil
		}
		if msg.gen != m.ctx.gen {
			return m, nil // read before a later write: a fresher copy is on its way
		}
		m.ctx.loaded = true
		m.ctx.settings, m.ctx.days, m.ctx.today, m.ctx.summary = msg.settings, msg.days, msg.today, msg.summary
		m.ctx.dataGen = msg.dataGen
		return m, m.broadcast(msg)

	case pollMsg:
		if m.quitting {
			return m, nil
		}
		if !m.ctx.loaded || m.writing() {
			return m, poll() // a write's own reply brings the day
		}
		return m, tea.Batch(poll(), readGeneration(m.ctx.store))

	case genMsg:
		if msg.gen != m.ctx.dataGen && !m.writing() {
			return m, m.ctx.load() // another process changed the file
		}
		return m, nil

	case savedMsg:
		// The parent keeps what was stored, a late reply included (it is
		// stored); the reply itself goes to the screen that asked, shown or
		// not: the guide may open from the check-in before its write lands.
		if msg.err != nil {
			if !isLocked(msg.err) { // a held file is retried, with "saving…" shown
				m.err = msg.err
			}
			return m, m.route(msg)
		}
		m.ctx.days = withDay(m.ctx.days, msg.day)
		m.ctx.gen++
		m.ctx.dataGen = 0 // another process may have written too: read it all next time
		return m, tea.Batch(m.route(msg), m.ctx.resummarize())

	case deletedMsg:
		if msg.err != nil {
			if !isLocked(msg.err) {
				m.err = msg.err
			}
			if errors.Is(msg.err, store.ErrChanged) {
				m.err = fmt.Errorf("not deleted: %w; here it is now", msg.err)
			}
			return m, tea.Batch(m.route(msg), m.ctx.load())
		}
		m.ctx.days = withoutDay(m.ctx.days, msg.date)
		m.ctx.gen++
		m.ctx.dataGen = 0
		m.info = "deleted " + msg.date.String()
		return m, tea.Batch(m.route(msg), m.ctx.resummarize())

	case errMsg:
		m.err = msg.err
		return m, nil

	case infoMsg:
		m.info = msg.text
		return m, nil

	case openScreenMsg:
		return m, m.open(msg.to)

	case backMsg:
		if len(m.back) == 0 {
			if m.active == screenHome {
				return m, nil
			}
			return m, m.show(screenHome)
		}
		to := m.back[len(m.back)-1]
		m.back = m.back[:len(m.back)-1]
		return m, m.show(to)

	case openSectionMsg:
		cmd := m.guide.openSection(msg.id)
		return m, tea.Batch(m.open(screenGuide), cmd)

	case openItemMsg:
		section, heading, found := content.ItemHeading(string(msg.item))
		if !found {
			return m, nil
		}
		cmd := m.guide.openHeading(section, heading)
		return m, tea.Batch(m.open(screenGuide), cmd)

	case editDayMsg:
		cmd := m.checkin.edit(msg.date, msg.step)
		return m, tea.Batch(m.open(screenCheckin), cmd)

	case themeMsg:
		return m, m.setTheme(msg.theme)

	case reloadMsg:
		return m, m.ctx.load()

	case addressed:
		return m, m.route(msg)
	}
	// Keys, the mouse and the messages of the components inside a screen
	// (a text field's cursor blink) are for the screen shown.
	return m, m.page().update(msg)
}

// setTheme switches the theme chosen in settings: every screen restyles
// and the choice is stored for the next start.
func (m *Model) setTheme(theme string) tea.Cmd {
	m.ctx.setTheme(theme)
	m.resize()
	st := m.ctx.store
	save := func() tea.Msg {
		if err := st.SetState(themeKey, theme); err != nil {
			return errMsg{fmt.Errorf("save theme: %w", err)}
		}
		return nil
	}
	return tea.Batch(save, m.broadcast(restyleMsg{}))
}

// open shows a screen and remembers the current one for backMsg.
func (m *Model) open(to screen) tea.Cmd {
	if to == m.active {
		return m.page().enter()
	}
	m.back = append(m.back, m.active)
	if len(m.back) > 16 {
		m.back = m.back[len(m.back)-16:]
	}
	return m.show(to)
}

// show makes a screen active and lets it reload what it shows.
func (m *Model) show(to screen) tea.Cmd {
	m.active = to
	m.resize()
	return m.page().enter()
}

// resize gives the active screen the space between the header and the
// status and help lines.
func (m *Model) resize() {
	m.syncHelp()
	w, h := m.bodySize()
	m.help.SetWidth(w)
	for _, p := range m.screens() {
		p.setSize(w, h)
	}
}

// bodySize is the space a screen may draw in.
func (m *Model) bodySize() (int, int) {
	w := m.ctx.width - m.ctx.styles.App.GetHorizontalFrameSize()
	h := m.ctx.height - 2 - lipgloss.Height(m.helpView()) // header and status lines
	return max(w, 0), max(h, 0)
}

// syncHelp readies the help line after a message: the styles of the theme
// now, and q and ? shown only when they act (a key may have focused or
// left a text field). Update calls it, so that View changes nothing.
func (m *Model) syncHelp() {
	m.help.Styles = m.ctx.styles.Help
	typing := m.page().typing()
	m.keys.Quit.SetEnabled(!typing)
	m.keys.Help.SetEnabled(!typing)
}

// helpView is the help line, or the full help, of the active screen and
// the app (keys.go), cut to the width.
func (m *Model) helpView() string {
	p, w := m.page(), m.help.Width()
	typing := p.typing()
	if m.help.ShowAll {
		return truncate(m.help.FullHelpView(fullHelpGroups(p.FullHelp(), m.keys, typing)), w)
	}
	return shortHelpLine(m.help.Styles, p.ShortHelp(), m.keys, typing, w)
}

// View draws the header, the active screen, the status line and the help,
// and declares what the app asks of the terminal on every path: the
// alternate screen, mouse wheel reports (cell motion), no terminal cursor
// (text fields draw their own).
func (m *Model) View() tea.View { return appView(m.content()) }

// appView is a frame of the app with what it asks of the terminal: every
// view the program shows comes from here, the crash guard's included, so
// the terminal modes never change between frames.
func appView(content string) tea.View {
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.Cursor = nil
	return v
}

// content is the frame View shows.
func (m *Model) content() string {
	if m.quitting && m.exit.done {
		return ""
	}
	if !m.ready {
		return ""
	}
	if m.ctx.width < minWidth || m.ctx.height < minHeight {
		return tooSmall(m.ctx.width, m.ctx.height)
	}
	help := m.helpView()
	w := max(m.ctx.width-m.ctx.styles.App.GetHorizontalFrameSize(), 0)
	h := max(m.ctx.height-2-lipgloss.Height(help), 0)
	return m.frame(w, h, m.header(w), m.page().view(), m.statusLine(w), help)
}

// frame lays out the header, the body (cut or filled to h lines) and the
// status and help lines, each line cut to w cells and padded to w inside
// the app's padding: what lipgloss would draw with MaxWidth, MaxHeight,
// Height and JoinVertical, in one pass instead of four over every cell
// (a key press at 200x60 spent most of its time there).
func (m *Model) frame(w, h int, header, body, status, help string) string {
	app := m.ctx.styles.App
	left := strings.Repeat(" ", app.GetPaddingLeft())
	right := app.GetPaddingRight()
	var b strings.Builder
	b.Grow((w + 8) * (h + 4))
	first := true
	line := func(l string) {
		if !first {
			b.WriteByte('\n')
		}
		first = false
		if strings.IndexByte(l, '\t') >= 0 {
			l = strings.ReplaceAll(l, "\t", "    ")
		}
		lw := ansi.StringWidth(l)
		if lw > w {
			l = ansi.Truncate(l, w, "")
			lw = ansi.StringWidth(l)
		}
		b.WriteString(left)
		b.WriteString(l)
		b.WriteString(strings.Repeat(" ", w-lw+right))
	}
	lines := func(s string, limit int) int {
		n := 0
		for n < limit {
			i := strings.IndexByte(s, '\n')
			if i < 0 {
				line(strings.TrimSuffix(s, "\r"))
				return n + 1
			}
			line(strings.TrimSuffix(s[:i], "\r"))
			s = s[i+1:]
			n++
		}
		return n
	}
	lines(header, 1<<30)
	for n := lines(body, h); n < h; n++ {
		line("")
	}
	lines(status, 1<<30)
	lines(help, 1<<30)
	return b.String()
}

// header is the top line: the app, the screen and the date.
func (m *Model) header(w int) string {
	st := m.ctx.styles
	left := st.Title.Render("cooldown") + st.Muted.Render(" · "+m.active.String())
	right := ""
	if m.ctx.loaded {
		right = st.Muted.Render(m.ctx.today.Time().Format("Mon 2 Jan 2006"))
	}
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return truncate(left, w)
	}
	return left + strings.Repeat(" ", gap) + right
}

// statusLine shows the last error or confirmation, or that the database
// cannot be written. Every error and confirmation the app shows passes
// here: they may quote a note, a path or a value from the database, so
// safetext.Line shows their control characters instead of sending them to
// the terminal.
func (m *Model) statusLine(w int) string {
	st := m.ctx.styles
	switch {
	case m.quitting && m.exit.asking:
		return truncate(st.Warn.Render(m.quitQuestion()), w)
	case m.err != nil:
		return truncate(st.Error.Render("✗ "+safetext.Line(errText(m.err))), w)
	case m.retrying() && !m.exit.waiting:
		return truncate(st.Warn.Render("saving… the database is in use by another process ("+safetext.Line(m.ctx.store.Path())+")"), w)
	case m.quitting && m.exit.waiting:
		return truncate(st.Warn.Render("waiting to save before quitting… · x quit and lose it"), w)
	case m.quitting:
		return truncate(st.Muted.Render("saving before quitting…"), w)
	case m.info != "":
		return truncate(st.Info.Render("✓ "+safetext.Line(m.info)), w)
	case m.ctx.store != nil && m.ctx.store.ReadOnly():
		return truncate(st.Warn.Render("read-only: changes cannot be saved ("+safetext.Line(m.ctx.store.Path())+")"), w)
	}
	return ""
}

// tooSmall is the note shown in a window below the minimum size.
func tooSmall(w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := []string{"window too small", fmt.Sprintf("now %dx%d", w, h), fmt.Sprintf("needs %dx%d", minWidth, minHeight)}
	var b strings.Builder
	for i := 0; i < len(lines) && i < h; i++ {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(truncate(lines[i], w))
	}
	return b.String()
}

// truncate cuts s to at most w cells, keeping escape codes intact (see
// fitWords for where it cuts).
func truncate(s string, w int) string {
	if w <= 0 {
		return ""
	}
	return fitWords(s, w)
}
