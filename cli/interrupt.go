package cli

// Signals for the commands that print and exit (issue 13). Stopped by
// SIGHUP, SIGINT, SIGQUIT or SIGTERM, a command ends with status 128 +
// the signal's number (129, 130, 131, 143), after removing any temporary
// file it made. A change already committed wins: the command exits 0 with
// a note that the change was saved, since a script that saw a failure
// would run it again and record it twice. A signal that arrives while a
// commit is under way waits for it (at most about a second while another
// process holds the database) and then ends the command the same way.

import (
	"fmt"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// stopSignals are the signals that stop a command.
var stopSignals = []os.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM}

// commitPhase is where a command stands with its one change.
type commitPhase int

const (
	beforeCommit commitPhase = iota // nothing written yet
	committing                      // the write transaction is under way
	committed                       // the change is stored
)

// interrupts catches the stop signals for one command. A nil *interrupts
// is valid and catches nothing.
type interrupts struct {
	e        *env
	ch       chan os.Signal
	mu       sync.Mutex // held from a decision to stop until the process ends
	phase    commitPhase
	pending  os.Signal // arrived while committing
	cleanups map[int]func()
	next     int
}

// catchInterrupts starts catching the stop signals that are not ignored
// (a command started by nohup keeps ignoring SIGHUP) until the process
// ends.
func catchInterrupts(e *env) *interrupts {
	g := &interrupts{e: e, ch: make(chan os.Signal, 1), cleanups: map[int]func(){}}
	for _, s := range stopSignals {
		if !signal.Ignored(s) {
			signal.Notify(g.ch, s)
		}
	}
	go func() {
		for s := range g.ch {
			g.handle(s)
		}
	}()
	return g
}

// onInterrupt registers f to run should a signal stop the command; the
// returned function unregisters it.
func (g *interrupts) onInterrupt(f func()) (release func()) {
	if g == nil {
		return func() {}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	id := g.next
	g.next++
	g.cleanups[id] = f
	return func() {
		g.mu.Lock()
		delete(g.cleanups, id)
		g.mu.Unlock()
	}
}

// commit runs the command's one write transaction. A signal that arrives
// meanwhile waits for it: when it committed, the command exits 0 with a
// note; when it failed, the command stops with the signal's status.
func (g *interrupts) commit(write func() error) error {
	if g == nil {
		return write()
	}
	g.mu.Lock()
	g.phase = committing
	g.mu.Unlock()
	err := write()
	g.mu.Lock()
	if err == nil {
		g.phase = committed
	} else {
		g.phase = beforeCommit
	}
	if s := g.pending; s != nil {
		g.stop(s) // does not return
	}
	g.mu.Unlock()
	return err
}

// handle decides what a signal does in the command's present phase.
func (g *interrupts) handle(s os.Signal) {
	g.mu.Lock()
	if g.phase == committing {
		if g.pending == nil {
			g.pending = s
		}
		g.mu.Unlock()
		return
	}
	g.stop(s)
}

// stop ends the process for signal s, with g.mu held so that no commit
// starts meanwhile.
func (g *interrupts) stop(s os.Signal) {
	if g.phase == committed {
		fmt.Fprintf(g.e.stderr, "cooldown: stopped by %s after the change was saved in %s: it is stored, so the exit status is 0; do not run the command again\n", signalName(s), msgText(g.e.dbPath))
		os.Exit(exitOK)
	}
	for _, f := range g.cleanups {
		f()
	}
	dieBySignal(s)
}

// signalName names a stop signal as a shell does.
func signalName(s os.Signal) string {
	switch s {
	case syscall.SIGHUP:
		return "SIGHUP"
	case syscall.SIGINT:
		return "SIGINT"
	case syscall.SIGQUIT:
		return "SIGQUIT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}
