package ui

import (
	"fmt"
	"math"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"cooldown/coach"
)

// Sizes of the streak screen's figures.
const (
	heatWeeks  = 26 // columns of the heat map
	loadDays   = 28 // days of the load chart
	trendMorns = 7  // mornings in each window of the Hooper trend
	heatLabelW = 4  // "Mon " before the heat map rows
	heatCellW  = 2  // a glyph and a space per week
)

// Heat map glyphs: each status differs by glyph as well as colour, so the
// map reads without colour (NO_COLOR).
const (
	glyphComplete = "█"
	glyphPending  = "▒"
	glyphPartial  = "░"
	glyphRest     = "·"
	glyphFuture   = " "
)

// sparkLevels are the bars of the load chart, lowest first.
var sparkLevels = []rune("▁▂▃▄▅▆▇█")

// streakData is everything the streak screen shows, derived once per
// dataMsg so that drawing never walks the history.
type streakData struct {
	today    coach.Date
	settings coach.Settings
	summary  coach.Summary
	from     coach.Date     // Monday of the oldest heat-map week
	statuses []coach.Status // heatWeeks*7 days from from
	adh      []coach.PillarAdherence
	missed   coach.Pillar
	hasMiss  bool
	sleep    coach.SleepAverage
	hooper   coach.HooperTrend
	loads    []int // loadDays values, oldest first
}

// streakModel is the streak screen: streaks, recovery strength, a heat map
// of the last 26 weeks, pillar adherence, sleep, Hooper trend and load.
type streakModel struct {
	ctx           *context
	keys          streakKeys
	width, height int

	data   streakData
	loaded bool

	// The rendered lines for linesW and linesTheme; View only slices them.
	lines      []string
	linesW     int
	linesTheme string
	offset     int // first line shown when the screen is taller than the window
}

type streakKeys struct {
	Up, Down, Top, Bottom, Numbers, Back key.Binding
	PageUp, PageDown, HalfUp, HalfDown   key.Binding
}

func defaultStreakKeys() streakKeys {
	return streakKeys{
		Up:     key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:   key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		Top:    key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom: key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		// r, as on home: what these figures mean.
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b/pgup", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "f", "space"), key.WithHelp("f/pgdn", "page down")),
		HalfUp:   key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ page up")),
		HalfDown: key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ page down")),
		Numbers:  key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "what these mean")),
		Back:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
	}
}

func newStreak(ctx *context) *streakModel {
	m := &streakModel{ctx: ctx, keys: defaultStreakKeys()}
	if ctx.loaded {
		m.setData(ctx.settings, ctx.days, ctx.today, ctx.summary)
	}
	return m
}

func (m *streakModel) enter() tea.Cmd { return reload }

func (m *streakModel) typing() bool { return false }

func (m *streakModel) setSize(w, h int) {
	m.width, m.height = w, h
	m.render()
}

func (m *streakModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case dataMsg:
		if msg.err == nil {
			m.setData(msg.settings, msg.days, msg.today, msg.summary)
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Back):
			return goBack
		case key.Matches(msg, m.keys.Numbers):
			return openSection(coach.SectionNumbers)
		case key.Matches(msg, m.keys.Up):
			m.scroll(-1)
		case key.Matches(msg, m.keys.Down):
			m.scroll(1)
		case key.Matches(msg, m.keys.PageUp):
			m.scroll(-viewLines(len(m.lines), m.height))
		case key.Matches(msg, m.keys.PageDown):
			m.scroll(viewLines(len(m.lines), m.height))
		case key.Matches(msg, m.keys.HalfUp):
			m.scroll(-max(m.height/2, 1))
		case key.Matches(msg, m.keys.HalfDown):
			m.scroll(max(m.height/2, 1))
		case key.Matches(msg, m.keys.Top):
			m.offset = 0
		case key.Matches(msg, m.keys.Bottom):
			m.scroll(len(m.lines))
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			m.scroll(-3)
		case tea.MouseWheelDown:
			m.scroll(3)
		}
	}
	return nil
}

func (m *streakModel) scroll(n int) {
	m.offset = clampInt(m.offset+n, 0, max(0, len(m.lines)-viewLines(len(m.lines), m.height)))
}

// setData derives every figure of the screen from a history.
func (m *streakModel) setData(s coach.Settings, days []coach.Day, today coach.Date, sum coach.Summary) {
	from := today.Monday().AddDays(-7 * (heatWeeks - 1))
	adh := coach.Adherence(days, today, s)
	missed, hasMiss := coach.MostMissed(adh)
	m.data = streakData{
		today:    today,
		settings: s,
		summary:  sum,
		from:     from,
		statuses: coach.StatusesBetween(days, from, from.AddDays(heatWeeks*7-1), today, s),
		adh:      adh,
		missed:   missed,
		hasMiss:  hasMiss,
		sleep:    coach.AverageSleep(days, today, coach.AdherenceDays),
		hooper:   coach.Hooper(days, today, trendMorns),
		loads:    coach.DailyLoads(days, today, loadDays),
	}
	m.loaded = true
	m.linesW = -1 // redraw
	m.render()
}

// render draws the screen for the current width, once per data, width and
// theme.
func (m *streakModel) render() {
	if !m.loaded || m.width <= 0 || (m.linesW == m.width && m.linesTheme == m.ctx.theme) {
		return
	}
	m.linesW, m.linesTheme = m.width, m.ctx.theme
	var lines []string
	lines = append(lines, m.statsLines()...)
	lines = append(lines, "")
	lines = append(lines, m.heatLines()...)
	lines = append(lines, "")
	lines = append(lines, m.pillarLines()...)
	lines = append(lines, m.bodyLines()...)
	lines = append(lines, "")
	lines = append(lines, m.loadLines()...)
	for i, l := range lines {
		lines[i] = truncate(l, m.width)
	}
	m.lines = lines
	m.scroll(0)
}

func (m *streakModel) view() string {
	if !m.loaded {
		return m.ctx.styles.Muted.Render("loading…")
	}
	return scrollWindow(m.ctx.styles, m.lines, m.offset, m.height, m.width)
}

// statsLines shows the streaks and the recovery strength.
func (m *streakModel) statsLines() []string {
	st := m.ctx.styles
	sum := m.data.summary
	parts := []string{
		st.Accent.Render(nounCount(sum.Streak.Current, "day", "days")) + st.Muted.Render(" current streak"),
		st.Accent.Render(fmt.Sprint(sum.Streak.Longest)) + st.Muted.Render(" longest"),
		st.Accent.Render(nounCount(sum.Streak.Week, "week", "weeks")) + st.Muted.Render(" in a row"),
		st.Accent.Render(fmt.Sprintf("%d%%", sum.StrengthPercent)) + st.Muted.Render(" recovery strength"),
	}
	return flowParts(parts, st.Muted.Render(" · "), m.width)
}

// heatWeeksFor returns how many weeks of the heat map fit in w cells.
func heatWeeksFor(w int) int {
	return clampInt((w-heatLabelW)/heatCellW, 1, heatWeeks)
}

// heatLines draws the calendar: weekday rows, week columns (oldest left),
// month labels above and a legend below. A narrow window drops the oldest
// weeks rather than wrapping.
func (m *streakModel) heatLines() []string {
	st := m.ctx.styles
	d := &m.data
	weeks := heatWeeksFor(m.width)
	skip := heatWeeks - weeks
	first := d.from.AddDays(7 * skip)
	// The range ends today: the cells after it in this week stay blank.
	last := d.today

	title := st.Subtitle.Render(fmt.Sprintf("Last %d weeks", weeks))
	if rng := fmt.Sprintf("  %s – %s", first.Time().Format("2 Jan 2006"), last.Time().Format("2 Jan 2006")); m.width >= 2*(lipgloss.Width(title)+len(rng)) {
		title += st.Muted.Render(rng)
	}

	cells := [...]string{
		coach.StatusNone:     st.Muted.Render(glyphRest),
		coach.StatusPartial:  st.Bad.Render(glyphPartial),
		coach.StatusPending:  st.Warn.Render(glyphPending),
		coach.StatusComplete: st.Good.Render(glyphComplete),
	}
	names := [7]string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
	rows := make([]string, 0, 7)
	for r := 0; r < 7; r++ {
		var b strings.Builder
		b.WriteString(st.Muted.Render(names[r]))
		b.WriteByte(' ')
		for c := 0; c < weeks; c++ {
			i := (skip+c)*7 + r
			switch day := d.from.AddDays(i); {
			case day.After(d.today):
				b.WriteString(glyphFuture)
			case day == d.today:
				// Today in reverse video, readable without colour.
				b.WriteString(st.Today.Render(ansi.Strip(cells[d.statuses[i]])))
			default:
				b.WriteString(cells[d.statuses[i]])
			}
			if c < weeks-1 {
				b.WriteByte(' ')
			}
		}
		rows = append(rows, b.String())
	}
	legend := strings.Join([]string{
		cells[coach.StatusComplete] + st.Muted.Render(" complete"),
		cells[coach.StatusPending] + st.Muted.Render(" pending"),
		cells[coach.StatusPartial] + st.Muted.Render(" partial"),
		cells[coach.StatusNone] + st.Muted.Render(" rest"),
		st.Today.Render(" ") + st.Muted.Render(" today"),
	}, "  ")
	// The legend shares the title line when it fits, else it goes below.
	var lines []string
	if lipgloss.Width(title)+3+lipgloss.Width(legend) <= m.width {
		lines = append(lines, title+"   "+legend, m.monthLabels(first, weeks))
		return append(lines, rows...)
	}
	lines = append(lines, title, m.monthLabels(first, weeks))
	lines = append(lines, rows...)
	return append(lines, truncate(legend, m.width))
}

// monthLabels names each month above the week that holds its first day,
// where there is room.
func (m *streakModel) monthLabels(first coach.Date, weeks int) string {
	row := []rune(strings.Repeat(" ", heatLabelW+heatCellW*weeks))
	end := 0 // first free position
	for c := 0; c < weeks; c++ {
		sunday := first.AddDays(7*c + 6)
		if c > 0 && sunday.Month == first.AddDays(7*c-1).Month {
			continue
		}
		label := []rune(sunday.Time().Format("Jan"))
		pos := heatLabelW + heatCellW*c
		if pos < end || pos+len(label) > len(row) {
			continue
		}
		copy(row[pos:], label)
		end = pos + len(label) + 1
	}
	return m.ctx.styles.Muted.Render(strings.TrimRight(string(row), " "))
}

// pillarLines shows how often each pillar was met in the last 4 weeks.
func (m *streakModel) pillarLines() []string {
	st := m.ctx.styles
	d := &m.data
	lines := []string{st.Subtitle.Render("Pillars, last 4 weeks")}
	if len(d.adh) == 0 || d.adh[0].Of == 0 {
		return append(lines, st.Muted.Render("no training days in the last 4 weeks"))
	}
	const barW = 12
	for _, a := range d.adh {
		filled := 0
		if a.Of > 0 {
			filled = int(math.Round(float64(barW*a.Met) / float64(a.Of)))
		}
		bar := st.Good.Render(strings.Repeat("█", filled)) + st.Muted.Render(strings.Repeat("░", barW-filled))
		text := fmt.Sprintf("%d of %d met", a.Met, a.Of)
		if a.Pending > 0 {
			text += fmt.Sprintf(", %d pending", a.Pending)
		}
		line := fmt.Sprintf("%-11s ", a.Pillar) + bar + " " + text
		if d.hasMiss && a.Pillar == d.missed {
			line += st.Bad.Render("  ← missed most")
		}
		lines = append(lines, line)
	}
	return lines
}

// bodyLines shows the average reported sleep and the Hooper trend.
func (m *streakModel) bodyLines() []string {
	st := m.ctx.styles
	d := &m.data
	var sleep string
	if d.sleep.Reports == 0 {
		sleep = st.Muted.Render("sleep: no mornings reported in the last 4 weeks")
	} else {
		sleep = fmt.Sprintf("sleep %s h average", st.Accent.Render(fmt.Sprintf("%.1f", d.sleep.Hours))) +
			st.Muted.Render(fmt.Sprintf(" over %s (target %s h)", nounCount(d.sleep.Reports, "morning", "mornings"), halfHours(d.settings.SleepTargetHours)))
	}
	h := d.hooper
	var hooper string
	switch {
	case h.RecentN == 0:
		hooper = st.Muted.Render("Hooper index: no morning checks yet")
	case !h.HasTrend():
		hooper = fmt.Sprintf("Hooper index %s", st.Accent.Render(fmt.Sprintf("%.1f", h.Recent))) +
			st.Muted.Render(fmt.Sprintf(" over %s; a trend needs %d mornings", nounCount(h.RecentN, "morning", "mornings"), trendMorns+1))
	default:
		word, style := "about the same", st.Muted
		switch ch := h.Change(); {
		case ch <= -1:
			word, style = "better", st.Good
		case ch >= 1:
			word, style = "worse", st.Warn
		}
		hooper = fmt.Sprintf("Hooper index %s", st.Accent.Render(fmt.Sprintf("%.1f", h.Recent))) +
			st.Muted.Render(fmt.Sprintf(" last %d mornings vs %.1f before: ", h.RecentN, h.Before)) +
			style.Render(word)
		if note := st.Muted.Render(" (lower is better)"); lipgloss.Width(hooper+note) <= m.width {
			hooper += note
		}
	}
	return []string{sleep, hooper}
}

// loadLines draws the daily load of the last 28 days as a row of bars and
// the load ratio with its zone, presented as a trend to watch. A hand-made
// row of eighth blocks fits one line and needs no canvas; ntcharts'
// sparkline draws the same bars through a canvas of styled cells.
func (m *streakModel) loadLines() []string {
	st := m.ctx.styles
	d := &m.data
	peak := 0
	for _, v := range d.loads {
		peak = max(peak, v)
	}
	n := min(len(d.loads), max(m.width-heatLabelW, 1))
	var b strings.Builder
	for _, v := range d.loads[len(d.loads)-n:] {
		if v == 0 {
			b.WriteString(glyphRest)
			continue
		}
		lvl := (v*len(sparkLevels) - 1) / peak
		b.WriteRune(sparkLevels[lvl])
	}
	// The figures are status --json's: the same coach.Load, with chronic
	// load shown once it exists (it may be 0) and a zone only when the
	// coach's one rule (Load.HasZone) gives it.
	l := d.summary.Load
	chronic := "chronic not yet"
	if l.HasChronic {
		chronic = fmt.Sprintf("chronic %.0f", l.Chronic)
	}
	title := st.Subtitle.Render("Load, last 28 days") +
		st.Muted.Render(fmt.Sprintf("  acute %.0f · %s · highest day %d", l.Acute, chronic, peak))
	chart := st.Muted.Render("    ") + st.Accent.Render(b.String()) + "  "
	switch {
	case !l.HasChronic:
		return []string{title, chart + st.Muted.Render("ratio needs 28 days since your first training day")}
	case !l.HasRatio:
		return []string{title, chart + st.Muted.Render("no ratio: no load in 28 days")}
	case !l.HasZone:
		return []string{title, chart + st.Muted.Render("ratio ") + st.Accent.Render(fmt.Sprintf("%.2f", l.Ratio)) +
			st.Muted.Render(", no zone yet: build up gradually")}
	}
	style := st.Good
	switch l.Zone {
	case coach.ZoneLow:
		style = st.Muted
	case coach.ZoneRising:
		style = st.Warn
	case coach.ZoneSpike:
		style = st.Bad
	}
	ratio := st.Muted.Render("ratio ") + st.Accent.Render(fmt.Sprintf("%.2f", l.Ratio)) + " " + style.Render(l.Zone.String())
	if note := st.Muted.Render(", a trend to watch"); lipgloss.Width(chart+ratio+note) <= m.width {
		ratio += note
	}
	return []string{title, chart + ratio}
}

func (m *streakModel) ShortHelp() []key.Binding {
	return []key.Binding{pair(m.keys.Up, "↑/↓", "scroll"), m.keys.Numbers, m.keys.Back}
}

func (m *streakModel) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}, {k.Numbers, k.Back}}
}

// nounCount writes n with the singular or plural noun.
func nounCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// halfHours writes an hour count in half hours without a needless ".0".
func halfHours(h float64) string {
	if h == math.Trunc(h) {
		return fmt.Sprintf("%.0f", h)
	}
	return fmt.Sprintf("%.1f", h)
}
