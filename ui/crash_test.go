package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestPanicHookOffInProduct: without the cooldowntest build tag nothing
// sets the hook, so the product never panics on purpose.
func TestPanicHookOffInProduct(t *testing.T) {
	if panicHook != nil {
		t.Fatal("panicHook is set in a build without the cooldowntest tag")
	}
}

// runCrash runs the whole app under the guard with "!" typed, the hook
// panicking at stage, and returns what Run returned.
func runCrash(t *testing.T, stage string, m tea.Model) error {
	t.Helper()
	panicHook = func(at string, msg tea.Msg) bool {
		k, ok := msg.(tea.KeyMsg)
		return ok && at == stage && k.String() == "!"
	}
	defer func() { panicHook = nil }()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		done <- runGuarded(m, "test", "/data/cooldown.db", tea.WithInput(strings.NewReader("!")), tea.WithOutput(&out))
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not stop after the panic")
	}
	return nil
}

// TestPanicsAreCaught: a panic in Update, in View and in a command stops
// the program the ordinary way (so Bubble Tea restores the terminal; the
// tmux test TestPanicRestoresTerminal checks that on a real terminal),
// writes the panic and its stack to a private file under
// $XDG_STATE_HOME/cooldown, and comes back as a *PanicError whose message
// says where the log went.
func TestPanicsAreCaught(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	for _, stage := range []string{"update", "view", "command"} {
		t.Run(stage, func(t *testing.T) {
			a := openHarnessAt(t, harnessStore(t), now, time.UTC, 80, 24)
			err := runCrash(t, stage, a.m)
			var pe *PanicError
			if !errors.As(err, &pe) {
				t.Fatalf("Run returned %v, want a *PanicError", err)
			}
			if pe.Stage != stage {
				t.Errorf("stage %q, want %q", pe.Stage, stage)
			}
			if filepath.Dir(pe.Log) != filepath.Join(state, "cooldown") {
				t.Errorf("crash log at %q, want it in %s", pe.Log, filepath.Join(state, "cooldown"))
			}
			log, rerr := os.ReadFile(pe.Log)
			if rerr != nil {
				t.Fatal(rerr)
			}
			for _, want := range []string{"stage: " + stage, "panic: forced by a test", "goroutine ", "ui.(*guard)"} {
				if !bytes.Contains(log, []byte(want)) {
					t.Errorf("crash log lacks %q:\n%s", want, log)
				}
			}
			if fi, _ := os.Stat(pe.Log); fi.Mode().Perm() != 0o600 {
				t.Errorf("crash log mode %v, want 0600", fi.Mode().Perm())
			}
			msg := err.Error()
			want := "the app stopped on an internal error in " + stage + ": forced by a test: panic in "
			if !strings.HasPrefix(msg, want) ||
				!strings.Contains(msg, "\nevery change it showed as saved is in /data/cooldown.db\n") ||
				!strings.HasSuffix(msg, "\nthe details are in "+pe.Log+"; please report the bug with that file") {
				t.Errorf("message:\n%s", msg)
			}
			if strings.Count(msg, "\n") != 2 {
				t.Errorf("message is not three short lines:\n%s", msg)
			}
		})
	}
}

// panicky is a model whose commands panic deep inside nested batches.
type panicky struct{}

func (panicky) Init() tea.Cmd {
	boom := func() tea.Msg { panic("deep in a batch") }
	return tea.Batch(tea.Batch(nil, func() tea.Msg { return nil }), tea.Batch(boom))
}
func (p panicky) Update(tea.Msg) (tea.Model, tea.Cmd) { return p, nil }
func (panicky) View() tea.View                        { return tea.NewView("x") }

func TestPanicInNestedCommand(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	err := runCrash(t, "none", panicky{})
	var pe *PanicError
	if !errors.As(err, &pe) || pe.Stage != "command" || pe.Value != "deep in a batch" {
		t.Fatalf("Run returned %v, want the command's panic", err)
	}
}

// TestCrashLogFallsBack: when the state directory cannot be made, the log
// goes to the temporary directory.
func TestCrashLogFallsBack(t *testing.T) {
	blocker := filepath.Join(t.TempDir(), "file")
	os.WriteFile(blocker, nil, 0o600)
	t.Setenv("XDG_STATE_HOME", blocker) // a file: no directory can be made in it
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	p := writeCrashLog(&PanicError{Stage: "update", Value: "x"}, "test")
	if filepath.Dir(p) != tmp {
		t.Errorf("crash log at %q, want it in %s", p, tmp)
	}
}
