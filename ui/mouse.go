package ui

import tea "charm.land/bubbletea/v2"

// The mouse. The parent turns a left click into a clickMsg in the body's
// own cells (the header, the status and help lines are not a screen's, so
// a click there does nothing) and gives it to the active screen. A screen
// that has something to click finds what is drawn at the click from the
// same pure layout function its view draws with (listLayout), so a click
// maps to exactly what is on screen. The wheel stays a tea.MouseWheelMsg.

// clickMsg is a left click at cell x of line y of the active screen's body.
type clickMsg struct{ x, y int }

// bodyClick returns the click of msg in the body's cells, or false when it
// is not a left click inside the body.
func (m *Model) bodyClick(msg tea.MouseClickMsg) (clickMsg, bool) {
	mouse := msg.Mouse()
	if mouse.Button != tea.MouseLeft || m.ctx.width < minWidth || m.ctx.height < minHeight {
		return clickMsg{}, false
	}
	w, h := m.bodySize()
	x, y := mouse.X-m.ctx.styles.App.GetPaddingLeft(), mouse.Y-1 // the header line
	if x < 0 || x >= w || y < 0 || y >= h {
		return clickMsg{}, false
	}
	return clickMsg{x, y}, true
}

// listLayout says where a list is drawn in a screen's body: line first
// shows item start, and the n lines after it the items after it.
type listLayout struct{ first, start, n int }

// at returns the item drawn on body line y, or false when no item is.
func (l listLayout) at(y int) (int, bool) {
	if y < l.first || y >= l.first+l.n {
		return 0, false
	}
	return l.start + y - l.first, true
}
