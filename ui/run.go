package ui

import (
	"os"
	"slices"
	"sync/atomic"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// Options are what the app needs from main.
type Options struct {
	Store    Store
	Now      func() time.Time // the clock; time.Now in the binary
	Location *time.Location   // the person's time zone; time.Local
	Terminal Terminal         // from DetectTerminal; Dark is read from the store
	Version  string
	// Importer takes workouts from the watch folders (cli wires it);
	// nil: the app does not look.
	Importer Importer
}

// themeKey is the state key under which the chosen theme is stored.
const themeKey = "theme"

// New returns the app's model. The first data is read here, before the
// program starts, so the first frame is complete; a failure to read is shown
// inline on the home screen.
func New(opts Options) *Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Location == nil {
		opts.Location = time.Local
	}
	// Until the terminal answers, draw for the background it had last time.
	opts.Terminal.Dark = storedBackgroundDark(opts.Store)
	ctx := &context{store: opts.Store, importer: opts.Importer, now: opts.Now, loc: opts.Location, term: opts.Terminal}
	theme, _ := opts.Store.State(themeKey)
	if !slices.Contains(themes, theme) {
		theme = "" // unknown (another version, a damaged file): auto, never shown as it is
	}
	ctx.setTheme(theme)
	ctx.settings = coach.DefaultSettings()
	ctx.today = ctx.todayAt(ctx.now())
	var loadErr error
	if msg, ok := ctx.load()().(dataMsg); ok {
		if msg.err == nil {
			ctx.loaded, ctx.fresh, ctx.dataGen = true, true, msg.dataGen
			ctx.settings, ctx.days, ctx.today, ctx.summary = msg.settings, msg.days, msg.today, msg.summary
		} else {
			loadErr = msg.err
		}
	}
	m := newModel(ctx)
	m.err = loadErr
	return m
}

// Run opens the app in the alternate screen and returns when the person
// quits. A SIGHUP, SIGINT, SIGQUIT or SIGTERM stops it after the writes on
// their way and the typed text are saved (signals.go); Run then returns a
// *SignalError.
func Run(opts Options) error {
	st := &trackedStore{Store: opts.Store}
	opts.Store = st
	m := New(opts)
	out := &ttyOut{File: os.Stdout}
	var caught atomic.Value
	started := func(p *tea.Program) func() { return watchSignals(p, out, &caught) }
	// runGuarded (crash.go) turns a panic into a *PanicError after the
	// terminal is restored.
	err := runGuardedWith(m, opts.Version, opts.Store.Path(), started,
		tea.WithColorProfile(opts.Terminal.Profile), tea.WithFPS(120),
		tea.WithOutput(out), tea.WithoutSignalHandler())
	sig, _ := caught.Load().(os.Signal)
	if sig == nil {
		return err
	}
	settle(m, st, sig)
	se := &SignalError{Signal: sig.(syscall.Signal), Lost: m.exit.lost, TerminalGone: out.gone.Load()}
	if se.Lost != nil {
		se.Log = writeLostLog(se, opts.Version, opts.Store.Path())
	}
	return se
}
