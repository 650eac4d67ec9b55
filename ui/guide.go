package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"cooldown/content"
)

// The guide's own messages, replies to its commands and its timers, are
// for the guide alone (Model.route).
func (guideRenderedMsg) recipient() screen { return screenGuide }
func (guideSearchMsg) recipient() screen   { return screenGuide }
func (guidePosMsg) recipient() screen      { return screenGuide }
func (guideSaveMsg) recipient() screen     { return screenGuide }
func (guideSavedMsg) recipient() screen    { return screenGuide }

// guideMode is what the guide screen shows.
type guideMode int

const (
	guideContents guideMode = iota // the table of contents
	guidePager                     // one section
)

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
		FilterDone:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read")),
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
	}
	m.toc = buildTOC(m.sections)
	m.applyFilter()
}

func (m *guideModel) enter() tea.Cmd {
	m.load()
	m.fromTOC, m.tocFromPager = false, false
	var cmds []tea.Cmd
	if !m.posRead {
		m.posRead = true
		cmds = append(cmds, readPosition(m.ctx.store))
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
		return m.restorePosition(msg)
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
	case clickMsg:
		if m.mode == guideContents && m.sections != nil {
			m.touched = true
			return m.clickContents(msg)
		}
		return nil
	case tea.MouseWheelMsg:
		if m.mode == guideContents {
			return m.wheelContents(msg)
		}
		return m.wheelPager(msg)
	case tea.KeyPressMsg:
		m.touched = true
		if m.mode == guideContents {
			return m.updateContents(msg)
		}
		return m.updatePager(msg)
	}
	return nil
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
