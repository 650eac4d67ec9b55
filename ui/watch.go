package ui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach/safetext"
)

// WatchEvery is how often the open app looks in the watch folders.
const WatchEvery = time.Minute

// watchTickMsg asks for the next scan of the watch folders.
type watchTickMsg struct{}

// recipient is home, which scans: the tick and the result reach it when
// another screen is shown too.
func (watchTickMsg) recipient() screen { return screenHome }

// watchedMsg is the result of one scan.
type watchedMsg struct {
	report WatchReport
	err    error
}

func (watchedMsg) recipient() screen { return screenHome }

// scanWatched returns the command that scans the watch folders, off the
// update loop; nil without an importer.
func scanWatched(imp Importer) tea.Cmd {
	if imp == nil {
		return nil
	}
	return func() tea.Msg {
		r, err := imp.ScanWatched()
		return watchedMsg{report: r, err: err}
	}
}

// nextWatch waits WatchEvery before the next scan.
func nextWatch() tea.Cmd {
	return tea.Tick(WatchEvery, func(time.Time) tea.Msg { return watchTickMsg{} })
}

// updateWatch handles the messages of the watch folders on home (which
// every screen's messages reach, active or not) and reports whether msg
// was one of them. A scan that imported something reloads the data and
// says so; one that failed (the file held by another process) is tried
// again at the next tick, and its files with it.
func (m *homeModel) updateWatch(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case watchTickMsg:
		if m.ctx.stopping {
			return nil, true
		}
		return scanWatched(m.ctx.importer), true
	case watchedMsg:
		// A scan stopped by an error may have imported files before it:
		// what it did is shown all the same.
		cmds := []tea.Cmd{nextWatch()}
		if msg.report.New > 0 {
			cmds = append(cmds, reload) // the parent reads the store again
		}
		if msg.report.New > 0 || len(msg.report.Refused) > 0 {
			cmds = append(cmds, showInfo(watchText(msg.report)))
		}
		return tea.Batch(cmds...), true
	}
	return nil, false
}

// startWatch returns the first scan, once per run.
func (m *homeModel) startWatch() tea.Cmd {
	if m.watching || m.ctx.importer == nil {
		return nil
	}
	m.watching = true
	return scanWatched(m.ctx.importer)
}

// watchText says what a scan did: "2 workouts imported from ~/Watch".
func watchText(r WatchReport) string {
	var parts []string
	if r.New > 0 {
		parts = append(parts, fmt.Sprintf("%s imported from %s", plural(r.New, "workout", "workouts"), strings.Join(r.Dirs, ", ")))
	}
	if n := len(r.Refused); n > 0 {
		parts = append(parts, fmt.Sprintf("%s refused in the watch folders (cooldown import says why): %s", plural(n, "file", "files"), r.Refused[0]))
	}
	return safetext.Line(strings.Join(parts, "; "))
}
