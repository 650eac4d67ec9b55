package ui

import (
	"os"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// Quitting, by key or by signal (issue 14). q (or ctrl+c) first saves what
// is typed as it stands (the note, a minutes draft) and waits for the
// writes on their way; when a change is not stored (the file is held by
// another process, or a write failed) it says so and offers, one key each,
// to wait or to quit and lose it. A signal does the same without asking:
// each write is tried once more (bounded by the store's lock timeout),
// then the app quits, and Run reports what could not be saved.

// quitWait is how long quitting waits quietly for the writes on their way
// before it asks.
const quitWait = 3 * time.Second

// signalWait bounds the wait for writes after a signal: a few writes, each
// waiting at most the store's lock timeout.
const signalWait = 4 * time.Second

// exitState is where quitting stands.
type exitState struct {
	asking  bool      // the wait-or-lose question is shown
	waiting bool      // the person chose to wait for the file
	done    bool      // tea.Quit was returned
	signal  os.Signal // the signal that stopped the app; nil for a key
	lost    error     // what was not saved when the app quit
	seq     int       // counts quit requests, so an old timer is ignored
}

// quitKeys answer the question.
var (
	quitWaitKey = key.NewBinding(key.WithKeys("w", "enter"), key.WithHelp("w", "wait"))
	quitLoseKey = key.NewBinding(key.WithKeys("x", "ctrl+c"), key.WithHelp("x", "quit and lose it"))
)

// signalMsg reports a signal caught by Run.
type signalMsg struct{ sig os.Signal }

// quitTimeoutMsg ends a wait for writes.
type quitTimeoutMsg struct{ seq int }

// quitMessage handles the messages that belong to quitting.
func (m *Model) quitMessage(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case signalMsg:
		if m.exit.signal != nil || m.exit.done {
			return m.finish(), true // a second signal does not wait
		}
		flush := m.stop(msg.sig)
		m.exit.seq++
		seq := m.exit.seq
		return tea.Batch(flush, m.afterQuitting(), tea.Tick(signalWait, func(time.Time) tea.Msg { return quitTimeoutMsg{seq} })), true
	case quitTimeoutMsg:
		if msg.seq != m.exit.seq || !m.quitting || m.exit.done {
			return nil, true
		}
		if m.exit.signal != nil {
			return m.finish(), true
		}
		if !m.exit.waiting {
			m.exit.asking = true // still not stored: ask
		}
		return nil, true
	}
	return nil, false
}

// stop begins quitting on a signal: no more retries, the typed text saved
// as it stands.
func (m *Model) stop(sig os.Signal) tea.Cmd {
	m.exit.signal = sig
	m.exit.asking = false
	m.ctx.stopping = true
	m.quitting = true
	return m.flush()
}

// startQuit begins quitting on q or ctrl+c.
func (m *Model) startQuit() tea.Cmd {
	m.quitting = true
	flush := m.flush()
	if flush == nil && !m.writing() && m.unsavedErr() == nil {
		return m.finish()
	}
	m.exit.seq++
	seq := m.exit.seq
	return tea.Batch(flush, tea.Tick(quitWait, func(time.Time) tea.Msg { return quitTimeoutMsg{seq} }))
}

// quitKey handles a key while quitting waits: w waits (and tries the
// failed writes again), x or ctrl+c quits and loses what is not stored. A
// second q asks.
func (m *Model) quitKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case m.exit.signal != nil:
		return nil
	case key.Matches(msg, quitLoseKey) && (m.exit.asking || m.exit.waiting || msg.String() == "ctrl+c"):
		if !m.exit.asking && !m.exit.waiting {
			m.exit.asking = true // the first ctrl+c asks, like q
			return nil
		}
		return m.finish()
	case m.exit.asking && key.Matches(msg, quitWaitKey):
		m.exit.asking, m.exit.waiting = false, true
		m.exit.seq++
		seq := m.exit.seq
		return tea.Batch(m.flush(), m.retryNow(), tea.Tick(quitWait, func(time.Time) tea.Msg { return quitTimeoutMsg{seq} }))
	case key.Matches(msg, m.keys.Quit):
		m.exit.asking = true
	}
	return nil
}

// retryNow asks every screen to try its held write again at once.
func (m *Model) retryNow() tea.Cmd {
	return m.broadcast(retryMsg{owner: m.active})
}

// afterQuitting quits once nothing is on its way and everything shown is
// stored; when a change is not stored it asks (or, after a signal, quits
// and reports it).
func (m *Model) afterQuitting() tea.Cmd {
	if !m.quitting || m.exit.done {
		return nil
	}
	if m.writing() {
		if m.retrying() && m.exit.signal == nil && !m.exit.waiting {
			m.exit.asking = true
		}
		return nil
	}
	if m.unsavedErr() != nil && m.exit.signal == nil {
		m.exit.asking, m.exit.waiting = true, false
		return nil
	}
	return m.finish()
}

// finish quits, remembering what was not stored.
func (m *Model) finish() tea.Cmd {
	m.quitting, m.exit.done = true, true
	m.exit.lost = m.unsavedErr()
	return tea.Quit
}

// quitQuestion is the line that asks before losing a change.
func (m *Model) quitQuestion() string {
	what := "a change is not saved yet"
	if err := m.unsavedErr(); err != nil {
		what = err.Error()
	}
	return "✗ not saved yet (w wait · x quit and lose it): " + what
}

// Stopped returns the signal that stopped the app (nil when the person
// quit) and what was not saved when it quit (nil when everything was).
func (m *Model) Stopped() (os.Signal, error) { return m.exit.signal, m.exit.lost }
