package ui

import (
	"fmt"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cooldown/coach/safetext"
)

// The guide's pager: one section rendered by glamour in a command and kept
// per (section, width, style), scrolled by the guide's keys, drawn a
// screenful at a time with the matches on it highlighted.

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

func (m *guideModel) updatePager(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.searching {
		return m.updateSearch(msg)
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
		left = fitWords(left, max(m.width-ansi.StringWidth(right)-2, 0))
		gap = max(m.width-ansi.StringWidth(left)-ansi.StringWidth(right), 1)
	}
	return truncate(st.StatusBar.Render(left+strings.Repeat(" ", gap)+right), m.width)
}

// wheelPager scrolls the section with the mouse wheel, unless the search
// field is open.
func (m *guideModel) wheelPager(msg tea.MouseWheelMsg) tea.Cmd {
	if m.mode != guidePager || m.searching {
		return nil
	}
	before := m.vp.YOffset()
	m.vp, _ = m.vp.Update(msg)
	if m.vp.YOffset() != before {
		return m.moved()
	}
	return nil
}
