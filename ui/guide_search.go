package ui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Search across the whole guide: the query, its matches per section and the
// current match, found in a command (guide_render.go) and followed with n
// and N.

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

// updateSearch handles a key while the search field has focus: enter
// searches, esc closes the field, anything else is typed.
func (m *guideModel) updateSearch(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
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
