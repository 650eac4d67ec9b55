package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
)

// The check-in's frame: the step's title, its body (kindView, minutesView
// and the others in checkin_steps.go) and the hints, fitted to the screen.

// view draws the current step: the heading with "step k of n", the
// progress bar and the step itself, fitted to the screen.
func (m *checkinModel) view() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.date.IsZero() {
		return m.ctx.styles.Muted.Render("loading…")
	}
	lines, _ := m.stepLines()
	return fitLines(lines, m.width, m.height)
}

// stepLines is the current step's lines, fitted to the height, and where
// its list is among them: view draws them, and a click reads the list's
// place from them, so a click maps to exactly what is drawn. It changes
// nothing.
func (m *checkinModel) stepLines() ([]string, listLayout) {
	st := m.ctx.styles
	w, h := m.width, m.height
	left := st.Title.Render(fmt.Sprintf("Step %d of %d", int(m.step)+1, int(numSteps))) + st.Muted.Render(" · ") + st.Subtitle.Render(capitalFirst(m.step.title()))
	right := st.Muted.Render("today, " + shortDate(m.date))
	if m.date != m.ctx.today {
		right = st.Warn.Render("editing " + longDate(m.date))
	}
	header := left
	if gap := w - lipgloss.Width(left) - lipgloss.Width(right); gap >= 2 {
		header = left + strings.Repeat(" ", gap) + right
	}
	top := []string{header, m.progressBar(w), ""}
	var list []string
	listCur := 0
	var bottom []string
	inList := false
	add := func(s ...string) {
		if inList {
			bottom = append(bottom, s...)
		} else {
			top = append(top, s...)
		}
	}
	setList := func(rows []string, cur int) {
		list, listCur, inList = rows, cur, true
	}
	switch m.step {
	case stepKind:
		m.kindView(add, setList)
	case stepMinutes:
		m.minutesView(add)
	case stepEffort:
		m.effortView(add, setList)
	case stepBloodFlow, stepDiet:
		m.itemsView(add, setList)
	case stepSleep:
		m.sleepView(add)
	case stepSummary:
		m.summaryView(add)
	}
	return placeList(st, top, list, listCur, bottom, h)
}

// fitList joins top, a window of list that keeps row cur visible, and
// bottom into at most h lines; bottom lines go first when space is short.
// A list shown in part ends in a line that says how many rows are above
// and below.
func fitList(st Styles, top, list []string, cur int, bottom []string, h int) []string {
	out, _ := placeList(st, top, list, cur, bottom, h)
	return out
}

// placeList is fitList that also says where the list's rows are among the
// lines.
func placeList(st Styles, top, list []string, cur int, bottom []string, h int) ([]string, listLayout) {
	room := h - len(top)
	if room >= len(list)+len(bottom) || len(list) == 0 {
		lay := listLayout{first: len(top), n: len(list)}
		out := append(top, list...)
		return append(out, bottom...), lay
	}
	if room-len(bottom) < min(len(list), 3)+1 {
		bottom = nil
	}
	n := max(room-len(bottom)-1, 1) // and the line of what is hidden
	n = min(n, len(list))
	start := min(max(cur-n/2, 0), len(list)-n)
	lay := listLayout{first: len(top), start: start, n: n}
	out := append(top, list[start:start+n]...)
	if more := listMore(start, len(list)-start-n); more != "" {
		out = append(out, st.Muted.Render("  "+more))
	}
	return append(out, bottom...), lay
}

// listMore says how many rows of a list are hidden above and below, or ""
// when none are.
func listMore(above, below int) string {
	var parts []string
	if above > 0 {
		parts = append(parts, fmt.Sprintf("↑ %d more", above))
	}
	if below > 0 {
		parts = append(parts, fmt.Sprintf("↓ %d more", below))
	}
	return strings.Join(parts, " · ")
}

// cursorRow draws a list row with the cursor glyph when selected, so the
// selection reads without colour.
func cursorRow(st Styles, selected bool, mark, text string) string {
	if selected {
		return st.Cursor.Render("› ") + mark + st.Accent.Render(text)
	}
	return "  " + mark + st.Text.Render(text)
}

// capitalFirst upper-cases the first letter of an ASCII word.
func capitalFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// fitHint cuts a hint to w cells, ending it with "…" when cut.
func fitHint(s string, w int) string {
	if lipgloss.Width(s) <= w {
		return s
	}
	if w <= 1 {
		return ""
	}
	return truncateRunes(s, w-1) + "…"
}

// para wraps plain text to the step's width in one style, and puts suffix
// (already styled) after it, on the last line when it fits.
func (m *checkinModel) para(style lipgloss.Style, text, suffix string) []string {
	lines := wrapText(text, max(m.width, 1))
	out := make([]string, len(lines), len(lines)+1)
	for i, l := range lines {
		out[i] = style.Render(l)
	}
	if suffix == "" {
		return out
	}
	if n := len(lines); n > 0 && lipgloss.Width(lines[n-1])+1+lipgloss.Width(suffix) <= m.width {
		out[n-1] += " " + suffix
		return out
	}
	return append(out, suffix)
}

// progressBar is the step's progress at width w: the one drawBar kept, or
// drawn now (and not kept: view changes nothing) when it is out of date.
func (m *checkinModel) progressBar(w int) string {
	w = max(w, 1)
	if m.barCache != "" && m.barKey == [2]int{int(m.step), w} && m.barAccent == m.ctx.styles.AccentColor {
		return m.barCache
	}
	return m.newBar(w).ViewAs(float64(m.step+1) / float64(numSteps))
}

// drawBar draws the progress bar for the step, width and theme now and
// keeps it, unless the one kept is for them; update and setSize call it,
// so that view only reads it.
func (m *checkinModel) drawBar() {
	w, st := max(m.width, 1), m.ctx.styles
	if m.barCache != "" && m.barKey == [2]int{int(m.step), w} && m.barAccent == st.AccentColor {
		return
	}
	m.barAccent = st.AccentColor
	m.bar = m.newBar(w)
	m.barCache = m.bar.ViewAs(float64(m.step+1) / float64(numSteps))
	m.barKey = [2]int{int(m.step), w}
}

// newBar returns a progress bar of width w in the theme's colours.
func (m *checkinModel) newBar(w int) progress.Model {
	st := m.ctx.styles
	bar := progress.New(progress.WithoutPercentage(), progress.WithWidth(w), progress.WithColors(st.AccentColor), progress.WithFillCharacters(barFull, barEmpty))
	bar.EmptyColor = st.MutedColor
	return bar
}

// The progress bar's cells: whole blocks, as bubbles v1 drew them (v2's
// default is a half block).
const (
	barFull  = '█'
	barEmpty = '░'
)
