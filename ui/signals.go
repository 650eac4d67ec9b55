package ui

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"golang.org/x/term"

	"cooldown/coach"
	"cooldown/store"
)

// Signals, handled by cooldown rather than by Bubble Tea (which catches
// only SIGINT and SIGTERM and does not wait for commands in flight):
// SIGHUP, SIGINT, SIGQUIT and SIGTERM become a signalMsg, on which the
// model saves the typed text and waits for the writes on their way
// (bounded by the store's lock timeout); then Bubble Tea restores the
// terminal the ordinary way, unless the terminal is gone (SIGHUP after a
// hangup), in which case nothing more is written to it. Run returns a
// *SignalError; main exits with 128 + the signal's number.

// stopSignals are the signals the app handles.
var stopSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}

// SignalError is what Run returns when a signal stopped the app.
type SignalError struct {
	Signal syscall.Signal
	// Lost says what could not be saved before the app stopped; nil when
	// everything it showed is stored.
	Lost error
	// Log is the crash log that records Lost; "" when there was nothing to
	// record or it could not be written.
	Log string
	// TerminalGone is true after a hangup: there is no terminal to write
	// to.
	TerminalGone bool
}

func (e *SignalError) Error() string {
	msg := fmt.Sprintf("stopped by %v", e.Signal)
	if e.Lost != nil {
		msg += fmt.Sprintf("; not saved: %v", e.Lost)
		if e.Log != "" {
			msg += " (recorded in " + e.Log + ")"
		}
	}
	return msg
}

// ExitCode is the shell's code for a program stopped by the signal.
func (e *SignalError) ExitCode() int { return 128 + int(e.Signal) }

// ttyOut is the program's output: the terminal, until it is gone, after
// which writes are dropped (a hung-up terminal takes nothing, and writing
// to it is not ours to try).
type ttyOut struct {
	*os.File
	gone atomic.Bool
}

func (o *ttyOut) Write(p []byte) (int, error) {
	if o.gone.Load() {
		return len(p), nil
	}
	return o.File.Write(p)
}

// terminalGone reports whether f is a terminal that hung up: a hung-up
// terminal refuses every request, reading its settings included.
func terminalGone(f *os.File) bool {
	_, err := term.GetState(int(f.Fd()))
	return err != nil
}

// trackedStore counts the writes on their way, so that Run can wait for
// them after the program ended (Bubble Tea does not wait for commands).
type trackedStore struct {
	Store
	wg sync.WaitGroup
}

func (t *trackedStore) Update(date coach.Date, change func(*coach.Day) error) (coach.Day, error) {
	t.wg.Add(1)
	defer t.wg.Done()
	return t.Store.Update(date, change)
}

func (t *trackedStore) DeleteDay(date coach.Date) error {
	t.wg.Add(1)
	defer t.wg.Done()
	return t.Store.DeleteDay(date)
}

func (t *trackedStore) DeleteDayIf(date coach.Date, check func(coach.Day) error) error {
	t.wg.Add(1)
	defer t.wg.Done()
	return t.Store.DeleteDayIf(date, check)
}

func (t *trackedStore) SetEffort(date coach.Date, id, rpe int) (coach.Day, error) {
	t.wg.Add(1)
	defer t.wg.Done()
	return t.Store.SetEffort(date, id, rpe)
}

func (t *trackedStore) AnswerSameSession(date coach.Date, typedID int, src coach.Source, same bool) (coach.Day, error) {
	t.wg.Add(1)
	defer t.wg.Done()
	return t.Store.AnswerSameSession(date, typedID, src, same)
}

func (t *trackedStore) SetSettings(s coach.Settings) error {
	t.wg.Add(1)
	defer t.wg.Done()
	return t.Store.SetSettings(s)
}

func (t *trackedStore) SetState(key, value string) error {
	t.wg.Add(1)
	defer t.wg.Done()
	return t.Store.SetState(key, value)
}

// wait waits for the writes on their way, at most d.
func (t *trackedStore) wait(d time.Duration) bool {
	done := make(chan struct{})
	go func() { t.wg.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

// settleWait bounds the waits after the program ended: a write waits at
// most the store's lock timeout (about a second) for the file.
const settleWait = 2*store.DefaultTimeout + time.Second

// hangupCheck is how often the app asks whether its terminal is still
// there: a terminal can close without the app getting SIGHUP (the shell
// ignored it, as under nohup, and only the session leader is told).
const hangupCheck = time.Second

// watchSignals turns the stop signals into messages for p until stop is
// called; a SIGHUP on a terminal that hung up silences out first. A
// terminal found gone without a signal counts as SIGHUP.
func watchSignals(p *tea.Program, out *ttyOut, caught *atomic.Value) (stop func()) {
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, stopSignals...)
	quit := make(chan struct{})
	check := time.NewTicker(hangupCheck)
	go func() {
		defer check.Stop()
		for {
			var s os.Signal
			select {
			case <-quit:
				return
			case s = <-ch:
				if s == syscall.SIGHUP && terminalGone(out.File) {
					out.gone.Store(true)
				}
			case <-check.C:
				if out.gone.Load() || !terminalGone(out.File) {
					continue
				}
				out.gone.Store(true)
				s = syscall.SIGHUP
			}
			caught.CompareAndSwap(nil, s)
			go p.Send(signalMsg{s})
		}
	}()
	return func() {
		signal.Stop(ch)
		close(quit)
	}
}

// settle finishes quitting on a signal after the program ended: it waits
// for the writes on their way and, when the model did not get to save the
// typed text (the program ended first, for example on a terminal that hung
// up), saves it now, each command run here in turn with a time limit.
func settle(m *Model, st *trackedStore, sig os.Signal) {
	st.wait(settleWait)
	if m.exit.signal == nil {
		cmd := m.stop(sig)
		deadline := time.Now().Add(settleWait)
		queue := []tea.Cmd{cmd}
		for len(queue) > 0 && time.Now().Before(deadline) {
			c := queue[0]
			queue = queue[1:]
			if c == nil {
				continue
			}
			msg, ok := runFor(c, time.Until(deadline))
			if !ok {
				break
			}
			if b, isBatch := msg.(tea.BatchMsg); isBatch {
				queue = append(queue, b...)
				continue
			}
			switch msg.(type) {
			case savedMsg, stateSavedMsg, checkinStepMsg, deletedMsg, retryMsg, dataMsg, reloadMsg:
				_, next := m.update(msg)
				queue = append(queue, next)
			}
		}
		st.wait(settleWait)
	}
	m.exit.lost = m.unsavedErr()
}

// runFor runs cmd, giving up after d (a timer, say).
func runFor(cmd tea.Cmd, d time.Duration) (tea.Msg, bool) {
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	select {
	case msg := <-ch:
		return msg, true
	case <-time.After(d):
		return nil, false
	}
}
