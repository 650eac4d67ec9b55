package ui

import (
	"sort"
	"time"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
	"cooldown/content"
)

// context is what every screen shares: the store, the clock, the terminal,
// the styles, the window size and the last data read from the store. Only
// the parent model changes it, inside Update.
type context struct {
	store  Store
	now    func() time.Time
	loc    *time.Location
	term   Terminal
	theme  string
	styles Styles

	width, height int // the whole window

	// gen counts the writes applied to days; a dataMsg read or derived
	// before the latest one is stale and dropped, so results that arrive
	// out of order never bring back an older copy of the history.
	gen int

	// stopping is set when the app quits on a signal: writes are tried
	// once more, not again and again while the file is held.
	stopping bool

	loaded   bool
	fresh    bool   // read by New just now; the first load may skip
	dataGen  uint64 // the store's data generation days came from; 0 unknown
	settings coach.Settings
	days     []coach.Day // oldest first; replaced, never changed in place
	today    coach.Date
	summary  coach.Summary

	importer Importer // the watch folders (watch.go); nil: none
}

// guideStyle is the glamour style for the terminal and the chosen theme.
func (c *context) guideStyle() content.Style { return c.term.glamourStyle(c.theme) }

// dark reports whether the app draws for a dark background now.
func (c *context) dark() bool { return c.term.isDark(c.theme) }

// setTheme switches the theme and rebuilds the styles.
func (c *context) setTheme(theme string) {
	c.theme = theme
	c.styles = DefaultStyles(c.term.isDark(theme))
}

// todayAt returns the recovery date of instant t under the current settings.
func (c *context) todayAt(t time.Time) coach.Date {
	return coach.DateAt(t, c.loc, c.settings.DayStartHour)
}

// findDay returns the stored day of a date, if any, by binary search.
func (c *context) findDay(d coach.Date) (coach.Day, bool) {
	return coach.Find(c.days, d)
}

// load returns a command that reads everything in one transaction and
// derives the figures for the current date, off the update loop. When the
// store's data generation is the one the shared days came from, nothing
// changed in any process and only the figures are derived again (for a new
// date, say), without decoding the history. The first screen's load right
// after start is skipped: New has just read the same data.
func (c *context) load() tea.Cmd {
	if c.fresh {
		c.fresh = false
		return nil
	}
	st, now, loc, gen := c.store, c.now, c.loc, c.gen
	known, settings, days := c.dataGen, c.settings, c.days
	return func() tea.Msg {
		if known != 0 {
			if g, err := st.Generation(); err == nil && g == known {
				msg := summarize(settings, days, coach.DateAt(now(), loc, settings.DayStartHour))
				msg.gen, msg.dataGen = gen, known
				return msg
			}
		}
		snap, err := st.Snapshot()
		if err != nil {
			return dataMsg{err: err, gen: gen}
		}
		msg := summarize(snap.Settings, snap.Days, coach.DateAt(now(), loc, snap.Settings.DayStartHour))
		msg.gen, msg.dataGen = gen, snap.Generation
		return msg
	}
}

// summarize derives the figures of a history for a date.
func summarize(s coach.Settings, days []coach.Day, today coach.Date) dataMsg {
	return dataMsg{settings: s, days: days, today: today, summary: coach.Summarize(days, today, s)}
}

// resummarize returns a command that recomputes the figures of the shared
// history, for example after a write changed one day.
func (c *context) resummarize() tea.Cmd {
	s, days, today, gen := c.settings, c.days, c.today, c.gen
	return func() tea.Msg {
		msg := summarize(s, days, today)
		msg.gen = gen
		return msg
	}
}

// withDay returns a copy of days with day stored in date order, replacing
// the day of the same date. The old slice is left untouched, since a command
// may still be reading it.
func withDay(days []coach.Day, day coach.Day) []coach.Day {
	i := sort.Search(len(days), func(i int) bool { return !days[i].Date.Before(day.Date) })
	out := make([]coach.Day, 0, len(days)+1)
	out = append(out, days[:i]...)
	out = append(out, day)
	if i < len(days) && days[i].Date == day.Date {
		i++
	}
	return append(out, days[i:]...)
}

// withoutDay returns a copy of days without the day of date.
func withoutDay(days []coach.Day, date coach.Date) []coach.Day {
	out := make([]coach.Day, 0, len(days))
	for _, d := range days {
		if d.Date != date {
			out = append(out, d)
		}
	}
	return out
}

// tick returns a command that re-reads the clock after a while.
func tick() tea.Cmd {
	return tea.Tick(30*time.Second, func(t time.Time) tea.Msg { return tickMsg(t) })
}
