package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"cooldown/content"
)

// The guide's table of contents: its entries, the filter typed over them,
// the keys that move through them and the view.

// tocEntry is one row of the table of contents: a section or a heading.
type tocEntry struct {
	section int
	heading int // index in Section.Headings; -1 for the section itself
	text    string
	folded  string // text in lower case, for the filter
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
			// enter opens the highlighted entry, as it does once the
			// filter is closed.
			m.filtering = false
			m.filter.Blur()
			return m.openTOC()
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
		return m.openTOC()
	}
	m.followTOC()
	return nil
}

// openTOC opens the highlighted entry of the contents.
func (m *guideModel) openTOC() tea.Cmd {
	if len(m.rows) == 0 {
		return nil
	}
	e := m.toc[m.rows[m.tocCursor]]
	cmd := m.show(e.section, 0, e.heading)
	m.fromTOC, m.tocFromPager = true, false
	return cmd
}

// applyFilter keeps the entries whose text holds the filter, with the
// section of every heading kept.
func (m *guideModel) applyFilter() {
	f := strings.ToLower(strings.TrimSpace(m.filter.Value()))
	// The highlighted entry stays highlighted when it is still listed
	// (clearing the filter lists them all).
	selected := -1
	if m.tocCursor >= 0 && m.tocCursor < len(m.rows) {
		selected = m.rows[m.tocCursor]
	}
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
	for r, e := range m.rows {
		if e == selected {
			m.tocCursor = r
		}
	}
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

// contentsRows is where contentsView draws the entries: the title on line
// 0, then the entries from m.tocTop.
func (m *guideModel) contentsRows() listLayout {
	return listLayout{first: 1, start: m.tocTop, n: max(min(len(m.rows), m.tocTop+m.tocHeight())-m.tocTop, 0)}
}

// clickContents highlights the entry clicked, and opens it when it was
// highlighted already (closing the filter field, as enter does).
func (m *guideModel) clickContents(c clickMsg) tea.Cmd {
	r, ok := m.contentsRows().at(c.y)
	if !ok {
		return nil
	}
	if r == m.tocCursor {
		m.filtering = false
		m.filter.Blur()
		return m.openTOC()
	}
	m.tocCursor = r
	m.followTOC()
	return nil
}

// contentsView draws the table of contents.
func (m *guideModel) contentsView() string {
	st := m.ctx.styles
	var b strings.Builder
	b.WriteString(st.Subtitle.Render("Contents"))
	b.WriteByte('\n')
	lay := m.contentsRows()
	end := lay.start + lay.n
	for r := lay.start; r < end; r++ {
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
		// The list's place: how much more there is above or below.
		foot := nounCount(len(m.sections), "section", "sections")
		switch {
		case m.tocTop > 0 && end < len(m.rows):
			foot += " · ↑↓ more"
		case end < len(m.rows):
			foot += " · ↓ more"
		case m.tocTop > 0:
			foot += " · ↑ more"
		}
		b.WriteString(st.Muted.Render(truncate(foot, m.width)))
	}
	return b.String()
}

// buildTOC lists the sections and their second-level headings, in
// reading order.
func buildTOC(sections []content.Section) []tocEntry {
	var toc []tocEntry
	for i, s := range sections {
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
			toc = append(toc, e)
		}
	}
	return toc
}

// wheelContents moves the contents' cursor with the mouse wheel.
func (m *guideModel) wheelContents(msg tea.MouseWheelMsg) tea.Cmd {
	switch msg.Button {
	case tea.MouseWheelUp:
		m.tocCursor = max(m.tocCursor-3, 0)
	case tea.MouseWheelDown:
		m.tocCursor = min(m.tocCursor+3, max(len(m.rows)-1, 0))
	}
	m.followTOC()
	return nil
}
