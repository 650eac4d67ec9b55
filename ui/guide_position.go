package ui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
)

// The reading position: read once from the UI state when the guide is first
// shown, and saved once the scroll has rested (and on quitting), as
// "section-id:line:width".

// guidePositionKey is the state key of the reading position, stored as
// "section-id:line:width" (the width the line counts at).
const guidePositionKey = "guide.position"

// guideSaveDelay is how long the reading position must rest before it is
// written, so scrolling does not write on every key.
const guideSaveDelay = 400 * time.Millisecond

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

// readPosition returns a command that reads the stored reading position;
// none (ok false) when it cannot be read.
func readPosition(st Store) tea.Cmd {
	return func() tea.Msg {
		v, err := st.State(guidePositionKey)
		if err != nil {
			return guidePosMsg{}
		}
		return parsePosition(v)
	}
}

// restorePosition opens the pager at the stored reading position, unless
// the person moved before it arrived.
func (m *guideModel) restorePosition(msg guidePosMsg) tea.Cmd {
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
}
