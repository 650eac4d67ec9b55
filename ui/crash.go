package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach/safetext"
)

// PanicError is what Run returns when the app panicked in Update, in View
// or in a command. The program was stopped the ordinary way, so the
// terminal is restored before main prints the message; the panic and its
// stack are in the crash log.
type PanicError struct {
	Stage string // "init", "update", "view" or "command"
	Value any    // what was passed to panic
	Stack []byte
	Log   string // the crash log's path; "" when it could not be written
	DB    string // the database, which holds every change shown as saved
}

// Error is the message the command line prints after the terminal is
// restored. The panic's value and the paths may hold anything (a note, a
// file name): each is shown on its own line with safetext.Line.
func (e *PanicError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "the app stopped on an internal error in %s: %s\n", e.Stage, safetext.Line(fmt.Sprint(e.Value)))
	if e.DB != "" {
		fmt.Fprintf(&b, "every change it showed as saved is in %s\n", safetext.Line(e.DB))
	}
	if e.Log != "" {
		fmt.Fprintf(&b, "the details are in %s; please report the bug with that file", safetext.Line(e.Log))
	} else {
		b.WriteString("the crash log could not be written; please report the bug")
	}
	return b.String()
}

// panicHook lets tests force a panic at a stage ("update", "view",
// "command") for a message. It is nil in the product; tests of this
// package set it, and a binary built with the tag cooldowntest sets it from
// the environment (crash_hook.go).
var panicHook func(stage string, msg tea.Msg) bool

// crashMsg tells the guard that a command panicked.
type crashMsg struct{}

// guard wraps the app's model: it recovers a panic in Init, Update, View
// and every command (batches included), writes it to the
// crash log and quits the program the ordinary way, which restores the
// terminal. Bubble Tea's own recovery stays on underneath for anything
// that escapes (a goroutine a command starts itself). The app uses no
// tea.Sequence, whose commands the guard could not reach (v2 keeps its
// message type unexported); TestNoSequence keeps it so.
type guard struct {
	inner   tea.Model
	version string
	db      string
	send    func(tea.Msg) // the program's Send, for a panic in View
	last    tea.Msg       // the last message, for the view hook

	mu    sync.Mutex
	crash *PanicError
}

func (g *guard) crashed() *PanicError {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.crash
}

// record keeps the first panic and writes the crash log.
func (g *guard) record(stage string, r any, stack []byte) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.crash != nil {
		return
	}
	e := &PanicError{Stage: stage, Value: r, Stack: stack, DB: g.db}
	e.Log = writeCrashLog(e, g.version)
	g.crash = e
}

func (g *guard) Init() (cmd tea.Cmd) {
	defer func() {
		if r := recover(); r != nil {
			g.record("init", r, debug.Stack())
			cmd = tea.Quit
		}
	}()
	return g.wrap(g.inner.Init())
}

func (g *guard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(crashMsg); ok || g.crashed() != nil {
		return g, tea.Quit
	}
	g.last = msg
	var cmd tea.Cmd
	func() {
		defer func() {
			if r := recover(); r != nil {
				g.record("update", r, debug.Stack())
			}
		}()
		if panicHook != nil && panicHook("update", msg) {
			panic("forced by a test: panic in Update")
		}
		var m tea.Model
		m, cmd = g.inner.Update(msg)
		g.inner = m
		if panicHook != nil && panicHook("command", msg) {
			cmd = tea.Batch(cmd, func() tea.Msg { panic("forced by a test: panic in a command") })
		}
	}()
	if g.crashed() != nil {
		return g, tea.Quit
	}
	return g, g.wrap(cmd)
}

func (g *guard) View() (v tea.View) {
	if g.crashed() != nil {
		return appView("")
	}
	defer func() {
		if r := recover(); r != nil {
			g.record("view", r, debug.Stack())
			v = appView("")
			if g.send != nil {
				go g.send(crashMsg{}) // View cannot return a command
			}
		}
	}()
	if panicHook != nil && panicHook("view", g.last) {
		panic("forced by a test: panic in View")
	}
	return g.inner.View()
}

// wrap returns cmd recovering its own panic, and the commands it returns
// in a batch likewise.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				g.record("command", r, debug.Stack())
				msg = crashMsg{}
			}
		}()
		msg = cmd()
		if b, ok := msg.(tea.BatchMsg); ok {
			out := make(tea.BatchMsg, len(b))
			for i, c := range b {
				out[i] = g.wrap(c)
			}
			return out
		}
		return msg
	}
}

// runGuarded runs m in a Bubble Tea program under the guard and turns a
// panic into a *PanicError.
func runGuarded(m tea.Model, version, db string, popts ...tea.ProgramOption) error {
	return runGuardedWith(m, version, db, nil, popts...)
}

// runGuardedWith is runGuarded calling started with the program before it
// runs (to deliver signals to it); the function started returns is called
// once the program ended.
func runGuardedWith(m tea.Model, version, db string, started func(*tea.Program) func(), popts ...tea.ProgramOption) error {
	g := &guard{inner: m, version: version, db: db}
	p := tea.NewProgram(g, popts...)
	g.send = p.Send
	if started != nil {
		if stop := started(p); stop != nil {
			defer stop()
		}
	}
	_, err := p.Run()
	if e := g.crashed(); e != nil {
		return e
	}
	if errors.Is(err, tea.ErrProgramPanic) {
		// Escaped the guard; Bubble Tea printed the panic and its stack.
		return &PanicError{Stage: "a background task", Value: "see the stack printed above", DB: db}
	}
	if err != nil {
		return fmt.Errorf("run app: %w", err)
	}
	return nil
}

// crashDir is where crash logs go: $XDG_STATE_HOME/cooldown, else
// ~/.local/state/cooldown.
func crashDir() string {
	if d := os.Getenv("XDG_STATE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "cooldown")
	}
	if h, err := os.UserHomeDir(); err == nil && h != "" {
		return filepath.Join(h, ".local", "state", "cooldown")
	}
	return ""
}

// writeCrashLog writes the panic and its stack to a new private file in
// crashDir, or in the temporary directory when that fails, and returns its
// path ("" when neither works).
func writeCrashLog(e *PanicError, version string) string {
	now := time.Now().UTC()
	body := fmt.Sprintf("cooldown %s crashed at %s\nstage: %s\npanic: %v\n\n%s",
		version, now.Format(time.RFC3339), e.Stage, e.Value, e.Stack)
	return writeLog(now, body)
}

// writeLostLog records in the crash log a change a signal made the app
// lose, and returns the log's path ("" when it could not be written).
func writeLostLog(e *SignalError, version, db string) string {
	now := time.Now().UTC()
	body := fmt.Sprintf("cooldown %s stopped by %v at %s\ndatabase: %s\nnot saved: %v\n",
		version, e.Signal, now.Format(time.RFC3339), db, e.Lost)
	return writeLog(now, body)
}

// writeLog writes body to a new private file in crashDir, or in the
// temporary directory when that fails, and returns its path.
func writeLog(now time.Time, body string) string {
	name := "crash-" + now.Format("20060102T150405.000Z") + ".log"
	for _, dir := range []string{crashDir(), os.TempDir()} {
		if dir == "" || os.MkdirAll(dir, 0o700) != nil {
			continue
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err == nil {
			return p
		}
	}
	return ""
}
