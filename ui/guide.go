package ui

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cooldown/coach/safetext"
	"cooldown/content"
)

// guidePositionKey is the state key of the reading position, stored as
// "section-id:line:width" (the width the line counts at).
const guidePositionKey = "guide.position"

// guideSaveDelay is how long the reading position must rest before it is
// written, so scrolling does not write on every key.
const guideSaveDelay = 400 * time.Millisecond

// guideMode is what the guide screen shows.
type guideMode int

const (
	guideContents guideMode = iota // the table of contents
	guidePager                     // one section
)

// tocEntry is one row of the table of contents: a section or a heading.
type tocEntry struct {
	section int
	heading int // index in Section.Headings; -1 for the section itself
	text    string
	folded  string // text in lower case, for the filter
}

// guidePosMsg carries the reading position stored by an earlier run.
type guidePosMsg struct {
	id     string
	offset int
	width  int // the width offset counts lines at; 0 when unknown
	ok     bool
}

// parsePosition reads a stored reading position.
func parsePosition(v string) guidePosMsg {
	parts := strings.Split(v, ":")
	if len(parts) < 2 || len(parts) > 3 || parts[0] == "" {
		return guidePosMsg{}
	}
	off, err := strconv.Atoi(parts[1])
	if err != nil || off < 0 {
		return guidePosMsg{}
	}
	p := guidePosMsg{id: parts[0], offset: off, ok: true}
	if len(parts) == 3 {
		if w, err := strconv.Atoi(parts[2]); err == nil && w > 0 {
			p.width = w
		}
	}
	return p
}

// guideSaveMsg fires when the reading position has rested; seq names the
// movement it follows, so only the last one saves.
type guideSaveMsg struct{ seq int }

// guideModel is the guide screen: a filterable table of contents and a
// pager over sections rendered by glamour in commands, with search across
// the whole guide. The pager draws only the lines on screen and highlights
// matches in those lines alone.
type guideModel struct {
	ctx           *context
	keys          guideKeys
	width, height int

	sections     []content.Section
	ids          []string
	mode         guideMode
	cur          int  // section in the pager
	fromTOC      bool // the pager was opened from the contents: esc returns to them
	tocFromPager bool // the contents were opened from the pager: esc returns to it
	touched      bool // the person moved before the stored position arrived
	posRead      bool // the stored position was asked for

	cache    map[renderKey]*rendered // renderings for the current width and style
	inflight map[renderKey]bool      // renderings asked for and not yet back
	want     renderKey               // what the pager shows or waits for
	shown    *rendered               // nil while the section renders
	vp       viewport.Model          // scroll state; lines are drawn by the guide
	err      error

	// Where to scroll once the wanted rendering arrives.
	pendingLine    int
	pendingHeading int     // -1: none
	pendingFrac    float64 // -1: none; position kept across a resize
	pendingMatch   bool    // scroll to the current match

	// Contents.
	toc       []tocEntry
	rows      []int // entries shown under the filter
	tocCursor int
	tocTop    int
	filter    textinput.Model
	filtering bool

	// Search.
	input     textinput.Model
	searching bool   // the search field has focus
	query     string // the last query searched
	searchW   int    // width and style the matches belong to
	searchS   content.Style
	pending   bool // a search command is running
	matches   []guideMatch
	bySection [][]int // match indexes per section, in order
	current   int     // current match, -1 for none

	// Reading position.
	saveSeq int
	saved   string
	saving  bool // a save of the position is on its way
}

type guideKeys struct {
	Up, Down, PageUp, PageDown, HalfUp, HalfDown, Top, Bottom key.Binding
	NextSection, PrevSection, Search, Next, Prev, Contents    key.Binding
	Open, Filter, Back, Submit, Cancel                        key.Binding
	// While the contents filter is typed: done (the filter stays), and
	// the arrows that still move through the list (letters are typed).
	FilterDone, FilterMove key.Binding
}

func defaultGuideKeys() guideKeys {
	return guideKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b/pgup", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "f", "space"), key.WithHelp("f/pgdn", "page down")),
		HalfUp:      key.NewBinding(key.WithKeys("ctrl+u", "u"), key.WithHelp("ctrl+u", "½ page up")),
		HalfDown:    key.NewBinding(key.WithKeys("ctrl+d", "d"), key.WithHelp("ctrl+d", "½ page down")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		NextSection: key.NewBinding(key.WithKeys("]", "tab"), key.WithHelp("]/tab", "next section")),
		PrevSection: key.NewBinding(key.WithKeys("[", "shift+tab"), key.WithHelp("[", "previous section")),
		Search:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "search")),
		Next:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n/N", "next/prev match")),
		Prev:        key.NewBinding(key.WithKeys("N")),
		Contents:    key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "contents")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Back:        key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Submit:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "search")),
		Cancel:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		FilterDone:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "done")),
		FilterMove:  key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move")),
	}
}

func newGuide(ctx *context) *guideModel {
	m := &guideModel{
		ctx:            ctx,
		keys:           defaultGuideKeys(),
		cache:          map[renderKey]*rendered{},
		inflight:       map[renderKey]bool{},
		current:        -1,
		pendingHeading: -1,
		pendingFrac:    -1,
	}
	m.vp = viewport.New()
	m.vp.KeyMap = viewport.KeyMap{} // the guide matches its own keys
	m.vp.MouseWheelDelta = 3
	m.filter = textinput.New()
	m.filter.Prompt = "filter: "
	m.filter.SetStyles(inputStyles(ctx.dark(), true))
	m.input = textinput.New()
	m.input.Prompt = "/"
	m.input.SetStyles(inputStyles(ctx.dark(), true))
	m.input.CharLimit = 200
	return m
}

// load reads the section index once, on first use, so the guide costs
// nothing at start.
func (m *guideModel) load() {
	if m.sections != nil {
		return
	}
	m.sections = content.Sections()
	m.ids = make([]string, len(m.sections))
	for i, s := range m.sections {
		m.ids[i] = s.ID
		for h, hd := range s.Headings {
			if hd.Level > 2 || (hd.Level == 1 && h > 0) {
				continue
			}
			e := tocEntry{section: i, heading: h, text: hd.Text}
			if hd.Level == 1 {
				e.heading = -1
				e.text = s.Title
			}
			e.folded = strings.ToLower(e.text)
			m.toc = append(m.toc, e)
		}
	}
	m.applyFilter()
}

func (m *guideModel) enter() tea.Cmd {
	m.load()
	m.fromTOC, m.tocFromPager = false, false
	var cmds []tea.Cmd
	if !m.posRead {
		m.posRead = true
		st := m.ctx.store
		cmds = append(cmds, func() tea.Msg {
			v, err := st.State(guidePositionKey)
			if err != nil {
				return guidePosMsg{}
			}
			return parsePosition(v)
		})
	}
	if m.mode == guidePager {
		cmds = append(cmds, m.ensure())
	}
	return tea.Batch(cmds...)
}

// openSection shows a section from its top; esc then goes back to the
// screen that asked.
func (m *guideModel) openSection(id string) tea.Cmd { return m.openHeading(id, "") }

// openHeading shows a section at the heading with the given id (from its
// top when there is none); esc then goes back to the screen that asked.
func (m *guideModel) openHeading(id, heading string) tea.Cmd {
	m.load()
	m.touched = true
	for i, s := range m.sections {
		if s.ID == id {
			return m.show(i, 0, s.HeadingIndex(heading))
		}
	}
	m.mode = guideContents
	return showError(fmt.Errorf("guide: no section %q", id))
}

func (m *guideModel) typing() bool { return m.filtering || m.searching }

func (m *guideModel) setSize(w, h int) {
	m.width, m.height = w, h
	m.vp.SetWidth(w)
	m.vp.SetHeight(max(h-1, 1))
	m.filter.SetWidth(max(w-len(m.filter.Prompt)-2, 1))
	m.input.SetWidth(max(w-3, 1))
	m.vp.SetYOffset(m.vp.YOffset())
	m.followTOC()
}

// style is the glamour style for the terminal and theme.
func (m *guideModel) style() content.Style { return m.ctx.guideStyle() }

// key returns the rendering key of section i at the current width.
func (m *guideModel) key(i int) renderKey {
	return renderKey{id: m.ids[i], width: max(m.width, 1), style: m.style()}
}

// show opens section i in the pager at line (or heading, when not -1).
func (m *guideModel) show(i, line, heading int) tea.Cmd {
	if i != m.cur || m.mode != guidePager {
		m.shown = nil
	}
	m.mode, m.cur = guidePager, i
	m.pendingLine, m.pendingHeading, m.pendingFrac, m.pendingMatch = line, heading, -1, false
	cmd := m.ensure()
	return tea.Batch(cmd, m.moved())
}

// ensure makes the pager show the wanted rendering of the current section
// for the current width and style, from the cache or by a command.
func (m *guideModel) ensure() tea.Cmd {
	if m.width <= 0 || len(m.ids) == 0 {
		return nil
	}
	k := m.key(m.cur)
	if m.want.width != k.width || m.want.style != k.style {
		// Renderings for another width or style are of no more use.
		clear(m.cache)
		clear(m.inflight)
	}
	if m.shown != nil && m.shown.key == k {
		return nil
	}
	if m.shown != nil && m.shown.key.id == k.id && m.pendingFrac < 0 && len(m.shown.lines) > 0 {
		m.pendingFrac = float64(m.vp.YOffset()) / float64(len(m.shown.lines))
	}
	m.want = k
	if r, ok := m.cache[k]; ok {
		m.apply(r)
		return m.searchAgain()
	}
	if m.shown != nil && m.shown.key.id != k.id {
		m.shown = nil
	}
	// The same section at the old width stays on screen until the new
	// rendering arrives.
	return tea.Batch(m.render(k), m.searchAgain())
}

// render returns a command that renders k, unless one already runs.
func (m *guideModel) render(k renderKey) tea.Cmd {
	if m.inflight[k] {
		return nil
	}
	m.inflight[k] = true
	return renderSection(k)
}

// prefetch renders the sections before and after the current one in the
// background, so ] and [ show them at once.
func (m *guideModel) prefetch() tea.Cmd {
	var cmds []tea.Cmd
	for _, i := range []int{m.cur + 1, m.cur - 1} {
		if i < 0 || i >= len(m.ids) {
			continue
		}
		if k := m.key(i); m.cache[k] == nil {
			cmds = append(cmds, m.render(k))
		}
	}
	return tea.Batch(cmds...)
}

// apply shows a rendering and scrolls to the pending place.
func (m *guideModel) apply(r *rendered) {
	m.shown = r
	m.err = nil
	m.vp.SetContent(strings.Repeat("\n", max(len(r.lines)-1, 0)))
	line := m.pendingLine
	switch {
	case m.pendingMatch && m.current >= 0 && m.matches[m.current].section == m.cur:
		line = m.matchTop(m.current)
	case m.pendingHeading >= 0 && m.pendingHeading < len(r.headings) && r.headings[m.pendingHeading] >= 0:
		line = r.headings[m.pendingHeading]
	case m.pendingFrac >= 0:
		line = int(m.pendingFrac*float64(len(r.lines)) + 0.5)
	}
	m.vp.SetYOffset(line)
	m.pendingLine, m.pendingHeading, m.pendingFrac, m.pendingMatch = 0, -1, -1, false
}

// searchAgain repeats the last search when its matches belong to another
// width or style.
func (m *guideModel) searchAgain() tea.Cmd {
	if m.query == "" || m.pending || (m.searchW == m.width && m.searchS == m.style()) {
		return nil
	}
	return m.runSearch(m.query)
}

func (m *guideModel) runSearch(q string) tea.Cmd {
	m.query, m.pending = q, true
	have := make([]*rendered, len(m.ids))
	for i := range m.ids {
		have[i] = m.cache[m.key(i)]
	}
	return searchGuide(q, max(m.width, 1), m.style(), m.ids, have)
}

// moved notes that the reading position changed and schedules its save.
func (m *guideModel) moved() tea.Cmd {
	m.saveSeq++
	seq := m.saveSeq
	return tea.Tick(guideSaveDelay, func(time.Time) tea.Msg { return guideSaveMsg{seq} })
}

// position is the reading position as stored.
func (m *guideModel) position() string {
	if len(m.ids) == 0 {
		return ""
	}
	off := m.vp.YOffset()
	if m.shown == nil {
		off = m.pendingLine
	}
	return fmt.Sprintf("%s:%d:%d", m.ids[m.cur], off, max(m.width, 1))
}

// savePosition writes the reading position if it changed.
func (m *guideModel) savePosition() tea.Cmd {
	pos := m.position()
	if pos == "" || pos == m.saved || m.mode != guidePager {
		return nil
	}
	m.saved, m.saving = pos, true
	st := m.ctx.store
	return func() tea.Msg {
		if err := st.SetState(guidePositionKey, pos); err != nil {
			return guideSavedMsg{fmt.Errorf("save reading position: %w", err)}
		}
		return guideSavedMsg{}
	}
}

// guideSavedMsg reports a save of the reading position.
type guideSavedMsg struct{ err error }

// writing reports whether a save of the reading position is on its way;
// quitting waits for it.
func (m *guideModel) writing() bool { return m.saving }

// flush saves the reading position now if it moved since the last save:
// quitting does not wait for the scroll to rest.
func (m *guideModel) flush() tea.Cmd { return m.savePosition() }

func (m *guideModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case sizeMsg:
		if m.mode == guidePager && m.sections != nil {
			return m.ensure()
		}
		return nil
	case guideRenderedMsg:
		// A late result for an old width or style is dropped, like a
		// spinner tick with an old id.
		if msg.key.width != max(m.width, 1) || msg.key.style != m.style() {
			return nil
		}
		delete(m.inflight, msg.key)
		if msg.err != nil {
			if msg.key == m.want {
				m.err = msg.err
			}
			return nil
		}
		m.cache[msg.key] = msg.r
		delete(m.inflight, msg.key)
		if msg.key == m.want && (m.shown == nil || m.shown.key != m.want) {
			m.apply(msg.r)
			return m.prefetch()
		}
		return nil
	case guideSearchMsg:
		return m.searched(msg)
	case guidePosMsg:
		if !msg.ok || m.touched {
			return nil
		}
		m.load()
		for i, s := range m.sections {
			if s.ID == msg.id {
				line := msg.offset
				if msg.width > 0 && m.width > 0 && msg.width != m.width {
					// Text wraps into about as many more lines as the
					// window is narrower.
					line = line * msg.width / m.width
				}
				m.saved = fmt.Sprintf("%s:%d:%d", msg.id, line, max(m.width, 1))
				m.mode, m.cur, m.shown = guidePager, i, nil
				m.pendingLine, m.pendingHeading, m.pendingFrac = line, -1, -1
				return m.ensure()
			}
		}
		return nil
	case guideSaveMsg:
		if msg.seq != m.saveSeq {
			return nil
		}
		return m.savePosition()
	case guideSavedMsg:
		m.saving = false
		if msg.err != nil {
			return func() tea.Msg { return errMsg{msg.err} }
		}
		return nil
	case tea.PasteMsg:
		return m.updatePaste(msg)
	case restyleMsg:
		m.filter.SetStyles(inputStyles(m.ctx.dark(), true))
		m.input.SetStyles(inputStyles(m.ctx.dark(), true))
		if m.mode == guidePager {
			return m.ensure() // the section in the new style
		}
		return nil
	case tea.MouseWheelMsg:
		if m.mode == guideContents {
			switch msg.Button {
			case tea.MouseWheelUp:
				m.tocCursor = max(m.tocCursor-3, 0)
			case tea.MouseWheelDown:
				m.tocCursor = min(m.tocCursor+3, max(len(m.rows)-1, 0))
			}
			m.followTOC()
			return nil
		}
		if m.mode == guidePager && !m.searching {
			before := m.vp.YOffset()
			m.vp, _ = m.vp.Update(msg)
			if m.vp.YOffset() != before {
				return m.moved()
			}
		}
		return nil
	case tea.KeyPressMsg:
		m.touched = true
		if m.mode == guideContents {
			return m.updateContents(msg)
		}
		return m.updatePager(msg)
	}
	return nil
}

func (m *guideModel) updatePager(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.searching {
		switch {
		case key.Matches(msg, k.Cancel):
			m.searching = false
			m.input.Blur()
			return nil
		case key.Matches(msg, k.Submit):
			m.searching = false
			m.input.Blur()
			q := strings.TrimSpace(m.input.Value())
			if q == "" {
				m.clearSearch()
				return nil
			}
			return m.runSearch(q)
		}
		var dropped int
		if msg, dropped = typed(msg); dropKey(msg, dropped) {
			return nil
		}
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return cmd
	}
	before := m.vp.YOffset()
	switch {
	case key.Matches(msg, k.Back):
		if m.query != "" {
			m.clearSearch()
			return nil
		}
		if m.fromTOC {
			m.mode, m.fromTOC, m.tocFromPager = guideContents, false, false
			return m.savePosition()
		}
		return tea.Batch(m.savePosition(), goBack)
	case key.Matches(msg, k.Contents):
		m.mode, m.tocFromPager = guideContents, true
		m.selectSection(m.cur)
		return nil
	case key.Matches(msg, k.Search):
		m.searching = true
		m.input.SetValue(m.query)
		m.input.CursorEnd()
		return m.input.Focus()
	case key.Matches(msg, k.Next):
		return m.step(1)
	case key.Matches(msg, k.Prev):
		return m.step(-1)
	case key.Matches(msg, k.NextSection):
		if m.cur+1 < len(m.sections) {
			return m.show(m.cur+1, 0, -1)
		}
		return nil
	case key.Matches(msg, k.PrevSection):
		if m.cur > 0 {
			return m.show(m.cur-1, 0, -1)
		}
		return nil
	case m.shown == nil:
		return nil
	case key.Matches(msg, k.Up):
		m.vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		m.vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		m.vp.PageUp()
	case key.Matches(msg, k.PageDown):
		m.vp.PageDown()
	case key.Matches(msg, k.HalfUp):
		m.vp.HalfPageUp()
	case key.Matches(msg, k.HalfDown):
		m.vp.HalfPageDown()
	case key.Matches(msg, k.Top):
		m.vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.vp.GotoBottom()
	}
	if m.vp.YOffset() != before {
		return m.moved()
	}
	return nil
}

// clearSearch forgets the query and its matches.
func (m *guideModel) clearSearch() {
	m.query, m.matches, m.bySection, m.current, m.pending = "", nil, nil, -1, false
	m.input.SetValue("")
}

// searched takes the matches of a search.
func (m *guideModel) searched(msg guideSearchMsg) tea.Cmd {
	if msg.query != m.query {
		return nil // a newer search is running or the search was cleared
	}
	m.pending = false
	if msg.width != max(m.width, 1) || msg.style != m.style() {
		return m.runSearch(m.query) // the window changed while it ran
	}
	if msg.err != nil {
		return showError(fmt.Errorf("search guide: %w", msg.err))
	}
	for _, r := range msg.renders {
		if r == nil {
			continue // not rendered: its source holds no match
		}
		if _, ok := m.cache[r.key]; !ok {
			m.cache[r.key] = r
		}
	}
	m.searchW, m.searchS = msg.width, msg.style
	m.matches = msg.matches
	m.bySection = make([][]int, len(m.sections))
	for i, mt := range m.matches {
		m.bySection[mt.section] = append(m.bySection[mt.section], i)
	}
	if (m.shown == nil || m.shown.key != m.want) && m.want == m.key(m.cur) {
		if r, ok := m.cache[m.want]; ok {
			m.apply(r)
		}
	}
	m.current = -1
	if len(m.matches) == 0 {
		return nil
	}
	// The first match at or after the reading position.
	top := -1
	if m.mode == guidePager {
		top = m.vp.YOffset()
	}
	m.current = sort.Search(len(m.matches), func(i int) bool {
		mt := m.matches[i]
		return mt.section > m.cur || mt.section == m.cur && mt.segs[0].line >= top
	})
	if m.current == len(m.matches) {
		m.current = 0
	}
	return m.goToMatch()
}

// step moves to the next (dir 1) or previous (dir -1) match, across
// sections, wrapping at the ends.
func (m *guideModel) step(dir int) tea.Cmd {
	if len(m.matches) == 0 {
		return nil
	}
	m.current = (m.current + dir + len(m.matches)) % len(m.matches)
	return m.goToMatch()
}

// goToMatch shows the current match, opening its section if needed.
func (m *guideModel) goToMatch() tea.Cmd {
	mt := m.matches[m.current]
	if mt.section != m.cur || m.mode != guidePager {
		cmd := m.show(mt.section, 0, -1)
		m.pendingMatch = true
		if m.shown != nil {
			m.vp.SetYOffset(m.matchTop(m.current))
		}
		return cmd
	}
	m.vp.SetYOffset(m.matchTop(m.current))
	return m.moved()
}

// matchTop is the offset that shows match i a third of the way down, or
// unmoved when it is already on screen.
func (m *guideModel) matchTop(i int) int {
	segs := m.matches[i].segs
	first, last := segs[0].line, segs[len(segs)-1].line
	if m.matches[i].section == m.cur && m.shown != nil && first >= m.vp.YOffset() && last < m.vp.YOffset()+m.vp.Height() {
		return m.vp.YOffset()
	}
	return max(first-m.vp.Height()/3, 0)
}

// updatePaste types a paste into the open field, the search or the
// contents filter, under the keyboard rule (typedPaste).
func (m *guideModel) updatePaste(msg tea.PasteMsg) tea.Cmd {
	msg, _ = typedPaste(msg)
	var cmd tea.Cmd
	switch {
	case m.searching:
		m.input, cmd = m.input.Update(msg)
	case m.filtering:
		m.filter, cmd = m.filter.Update(msg)
		m.applyFilter()
	}
	return cmd
}

// updateContents handles keys on the table of contents.
func (m *guideModel) updateContents(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.filtering {
		switch {
		case key.Matches(msg, k.Cancel):
			m.filtering = false
			m.filter.Blur()
			m.filter.SetValue("")
			m.applyFilter()
			return nil
		case key.Matches(msg, k.FilterDone):
			m.filtering = false
			m.filter.Blur()
			return nil
		case key.Matches(msg, k.FilterMove):
		default:
			var dropped int
			if msg, dropped = typed(msg); dropKey(msg, dropped) {
				return nil
			}
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			m.applyFilter()
			return cmd
		}
	}
	switch {
	case key.Matches(msg, k.Back):
		if m.filter.Value() != "" {
			m.filter.SetValue("")
			m.applyFilter()
			return nil
		}
		if m.tocFromPager {
			m.mode, m.tocFromPager, m.fromTOC = guidePager, false, false
			return nil
		}
		return goBack
	case key.Matches(msg, k.Filter):
		m.filtering = true
		return m.filter.Focus()
	case key.Matches(msg, k.Up):
		m.tocCursor = max(m.tocCursor-1, 0)
	case key.Matches(msg, k.Down):
		m.tocCursor = min(m.tocCursor+1, max(len(m.rows)-1, 0))
	case key.Matches(msg, k.PageUp), key.Matches(msg, k.HalfUp):
		m.tocCursor = max(m.tocCursor-m.height/2, 0)
	case key.Matches(msg, k.PageDown), key.Matches(msg, k.HalfDown):
		m.tocCursor = min(m.tocCursor+m.height/2, max(len(m.rows)-1, 0))
	case key.Matches(msg, k.Top):
		m.tocCursor = 0
	case key.Matches(msg, k.Bottom):
		m.tocCursor = max(len(m.rows)-1, 0)
	case key.Matches(msg, k.Open):
		if len(m.rows) == 0 {
			return nil
		}
		e := m.toc[m.rows[m.tocCursor]]
		cmd := m.show(e.section, 0, e.heading)
		m.fromTOC, m.tocFromPager = true, false
		return cmd
	}
	m.followTOC()
	return nil
}

// applyFilter keeps the entries whose text holds the filter, with the
// section of every heading kept.
func (m *guideModel) applyFilter() {
	f := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	m.rows = m.rows[:0]
	lastSection := -1
	for i, e := range m.toc {
		if f != "" && !strings.Contains(e.folded, f) {
			continue
		}
		if e.heading >= 0 && e.section != lastSection {
			for j := i - 1; j >= 0; j-- {
				if m.toc[j].section == e.section && m.toc[j].heading < 0 {
					m.rows = append(m.rows, j)
					break
				}
			}
		}
		lastSection = e.section
		m.rows = append(m.rows, i)
	}
	m.tocCursor = clampInt(m.tocCursor, 0, max(len(m.rows)-1, 0))
	m.followTOC()
}

// selectSection puts the contents' cursor on section i.
func (m *guideModel) selectSection(i int) {
	for r, e := range m.rows {
		if m.toc[e].section == i && m.toc[e].heading < 0 {
			m.tocCursor = r
		}
	}
	m.followTOC()
}

func (m *guideModel) tocHeight() int { return max(m.height-2, 1) }

func (m *guideModel) followTOC() {
	m.tocTop = scrollTo(m.tocCursor, m.tocTop, m.tocHeight(), len(m.rows))
}

func (m *guideModel) view() string {
	if m.sections == nil {
		return ""
	}
	if m.mode == guideContents {
		return m.contentsView()
	}
	return m.pagerView()
}

// contentsView draws the table of contents.
func (m *guideModel) contentsView() string {
	st := m.ctx.styles
	var b strings.Builder
	b.WriteString(st.Subtitle.Render("Contents"))
	b.WriteByte('\n')
	end := min(len(m.rows), m.tocTop+m.tocHeight())
	for r := m.tocTop; r < end; r++ {
		e := m.toc[m.rows[r]]
		text := e.text
		if e.heading < 0 {
			text = fmt.Sprintf("%2d. %s", e.section+1, text)
		} else {
			text = "      " + text
		}
		if r == m.tocCursor {
			b.WriteString(st.Cursor.Render("› ") + st.Selected.Render(truncate(text, m.width-2)))
		} else if e.heading < 0 {
			b.WriteString("  " + st.Text.Render(truncate(text, m.width-2)))
		} else {
			b.WriteString("  " + st.Muted.Render(truncate(text, m.width-2)))
		}
		b.WriteByte('\n')
	}
	if len(m.rows) == 0 {
		b.WriteString(st.Muted.Render("  nothing matches the filter"))
		b.WriteByte('\n')
	}
	for i := max(end-m.tocTop, 1); i < m.tocHeight(); i++ {
		b.WriteByte('\n')
	}
	if m.filtering || m.filter.Value() != "" {
		b.WriteString(truncate(m.filter.View(), m.width))
	} else {
		b.WriteString(st.Muted.Render(truncate(fmt.Sprintf("%d sections · / filter · enter read", len(m.sections)), m.width)))
	}
	return b.String()
}

// pagerView draws the lines of the section on screen, with the matches in
// them highlighted, and the status line.
func (m *guideModel) pagerView() string {
	st := m.ctx.styles
	var b strings.Builder
	h := m.vp.Height()
	if m.shown == nil {
		if m.err != nil {
			b.WriteString(st.Error.Render(truncate("✗ "+safetext.Line(m.err.Error()), m.width)))
		} else {
			b.WriteString(st.Muted.Render("rendering…"))
		}
		b.WriteString(strings.Repeat("\n", h))
		b.WriteString(m.statusView())
		return b.String()
	}
	r := m.shown
	top := m.vp.YOffset()
	end := min(len(r.lines), top+h)
	var hits []int
	if m.bySection != nil && m.searchW == r.key.width && m.searchS == r.key.style {
		hits = m.bySection[m.cur]
	}
	// First match that ends on or after the top line.
	k := sort.Search(len(hits), func(i int) bool {
		segs := m.matches[hits[i]].segs
		return segs[len(segs)-1].line >= top
	})
	match, current := st.Match.Render, st.MatchCur.Render
	var segs []segment
	var cur []bool
	for ln := top; ln < end; ln++ {
		segs, cur = segs[:0], cur[:0]
		marker := false
		for j := k; j < len(hits) && m.matches[hits[j]].segs[0].line <= ln; j++ {
			for _, s := range m.matches[hits[j]].segs {
				if s.line == ln {
					segs = append(segs, s)
					cur = append(cur, hits[j] == m.current)
					marker = marker || hits[j] == m.current
				}
			}
		}
		line := r.lines[ln]
		if len(segs) > 0 {
			line = highlightLine(line, r.plain[ln], segs, match, current, cur)
		}
		if marker && strings.HasPrefix(r.plain[ln], " ") {
			// A glyph in the margin marks the current match even without
			// colour or reverse video.
			line = st.Accent.Render("▶") + ansi.TruncateLeft(line, 1, "")
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	for i := end - top; i < h; i++ {
		b.WriteByte('\n')
	}
	b.WriteString(m.statusView())
	return b.String()
}

// statusView is the pager's last line: the search field, or the section,
// the position and the match count.
func (m *guideModel) statusView() string {
	st := m.ctx.styles
	if m.searching {
		return truncate(m.input.View(), m.width)
	}
	left := fmt.Sprintf("%d/%d %s", m.cur+1, len(m.sections), m.sections[m.cur].Title)
	right := ""
	if m.shown != nil {
		right = fmt.Sprintf("%d%%", int(m.vp.ScrollPercent()*100+0.5))
	}
	switch {
	case m.query == "":
	case m.pending:
		right = "searching… · " + right
	case len(m.matches) == 0:
		right = fmt.Sprintf("no match for %q · %s", m.query, right)
	default:
		right = m.matchCount() + " · " + right
	}
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right) - 1
	if gap < 1 {
		left = ansi.Truncate(left, max(m.width-ansi.StringWidth(right)-2, 0), "…")
		gap = max(m.width-ansi.StringWidth(left)-ansi.StringWidth(right), 1)
	}
	return truncate(st.StatusBar.Render(left+strings.Repeat(" ", gap)+right), m.width)
}

// matchCount says which match is current and how many there are, e.g.
// "3 of 12, 2 sections".
func (m *guideModel) matchCount() string {
	n := 0
	for _, s := range m.bySection {
		if len(s) > 0 {
			n++
		}
	}
	return fmt.Sprintf("%d of %d, %s", m.current+1, len(m.matches), nounCount(n, "section", "sections"))
}

func (m *guideModel) ShortHelp() []key.Binding {
	k := m.keys
	switch {
	case m.searching:
		return []key.Binding{k.Submit, k.Cancel}
	case m.filtering:
		return []key.Binding{k.Open, k.Cancel}
	case m.mode == guideContents:
		return []key.Binding{k.Up, k.Down, k.Open, k.Filter, k.Back}
	}
	next := k.Next
	next.SetEnabled(len(m.matches) > 0)
	return []key.Binding{k.Down, k.NextSection, k.Search, next, k.Contents, k.Back}
}

func (m *guideModel) FullHelp() [][]key.Binding {
	k := m.keys
	if m.mode == guideContents || m.searching || m.filtering {
		return [][]key.Binding{m.ShortHelp(), {k.Top, k.Bottom, k.PageUp, k.PageDown}}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom},
		{k.NextSection, k.PrevSection, k.Search, k.Next, k.Contents, k.Back},
	}
}
