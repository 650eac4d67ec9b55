package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
	"cooldown/store"
)

// tmuxSession runs the cooldown binary in a private tmux server.
type tmuxSession struct {
	t    *testing.T
	sock string
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.sock}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// start opens the app in a 100x30 window; when it exits the pane prints
// "exited N" and stays.
func (s *tmuxSession) start(bin, db string) {
	s.t.Helper()
	cmd := fmt.Sprintf("%q --db %q; echo exited $?; sleep 60", bin, db)
	s.tmux("new-session", "-d", "-s", "e2e", "-x", "100", "-y", "30", "env TERM=xterm-256color sh -c '"+cmd+"'")
	// Keep the server when its last session is killed between two runs: a
	// new session asked for while it exits fails ("server exited
	// unexpectedly"). The test's cleanup kills it.
	s.tmux("set-option", "-s", "exit-empty", "off")
}

func (s *tmuxSession) screen() string { return s.tmux("capture-pane", "-p", "-t", "e2e") }

// waitFor polls the screen until it shows every one of want.
func (s *tmuxSession) waitFor(want ...string) {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		scr := s.screen()
		ok := true
		for _, w := range want {
			if !strings.Contains(scr, w) {
				ok = false
			}
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("screen never showed %q:\n%s", want, scr)
		}
		time.Sleep(40 * time.Millisecond)
	}
}

// keys sends tmux key names ("Enter", "Down", "Space", "BSpace").
func (s *tmuxSession) keys(k ...string) {
	s.t.Helper()
	s.tmux(append([]string{"send-keys", "-t", "e2e"}, k...)...)
}

// TestEndToEndCheckinInTmux builds the binary, completes most of a
// check-in by keys in tmux, quits, reopens, finds the check-in where it
// was left, finishes it, and reads the result back from the file.
func TestEndToEndCheckinInTmux(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; the end-to-end test needs it (apt-get install -y tmux; CI installs it)")
	}
	if testing.Short() {
		t.Skip("end-to-end test builds the binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "cooldown")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "data", "cooldown.db")
	s := &tmuxSession{t: t, sock: fmt.Sprintf("cooldown-e2e-%d", os.Getpid())}
	t.Cleanup(func() { _ = exec.Command("tmux", "-L", s.sock, "kill-server").Run() })
	today := coach.DateAt(time.Now(), time.Local, coach.DefaultSettings().DayStartHour)

	// First run: workout, minutes, effort, blood flow, two diet groups.
	s.start(bin, db)
	s.waitFor("Check-in not started", "start check-in")
	s.keys("Enter")
	s.waitFor("Step 1 of 7")
	s.keys("2")
	s.waitFor("Step 2 of 7", "45")
	s.keys("BSpace", "BSpace", "5", "0")
	s.waitFor("50")
	s.keys("Enter")
	s.waitFor("Step 3 of 7")
	s.keys("7", "Enter")
	s.waitFor("Step 4 of 7")
	s.keys("Down", "Down", "Space")
	s.waitFor("[x] Foam rolling")
	s.keys("Enter")
	s.waitFor("Step 5 of 7")
	s.keys("Space", "Down", "Space")
	s.waitFor("2 done, 3 needed")
	s.keys("q")
	s.waitFor("exited 0")
	s.tmux("kill-session", "-t", "e2e")

	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.Day(today)
	if err != nil {
		t.Fatalf("read today after the first run: %v", err)
	}
	want := coach.Workout{ID: 1, Kind: coach.Intervals, Minutes: 50, RPE: 7} // the store gives the id
	if len(d.Workouts) != 1 || d.Workouts[0] != want {
		t.Fatalf("workouts = %+v, want [%+v]", d.Workouts, want)
	}
	if got := fmt.Sprint(d.DoneItems()); got != "[foam-rolling fatty-fish berries]" {
		t.Fatalf("items = %s", got)
	}

	// Second run: home says where the check-in stands; continue resumes
	// on the diet step with the ticks in place.
	s.start(bin, db)
	s.waitFor("Check-in step 5 of 7 (diet)", "continue check-in")
	s.keys("Enter")
	s.waitFor("Step 5 of 7", "[x] Fatty fish", "[x] Berries", "2 done, 3 needed")
	s.keys("Down", "Down", "Space") // a new run starts at the top of the list
	s.waitFor("3 done, 3 needed")
	s.keys("Enter")
	s.waitFor("Step 6 of 7", "22:30")
	s.keys("Right", "Right")
	s.waitFor("23:00")
	s.keys("Enter")
	s.waitFor("Step 7 of 7", "pending")
	s.keys("Enter")
	s.waitFor("Check-in finished", "check-in saved")
	s.keys("q")
	s.waitFor("exited 0")

	d, err = st.Day(today)
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Status(coach.DefaultSettings()); got != coach.StatusPending {
		t.Errorf("status = %v, want pending (sleep is asked tomorrow)", got)
	}
	if d.Bedtime == nil || d.Bedtime.String() != "23:00" {
		t.Errorf("bedtime = %v, want 23:00", d.Bedtime)
	}
	if v, _ := st.State(checkinStepKey(today)); v != stepDoneName {
		t.Errorf("stored step = %q, want %q", v, stepDoneName)
	}
}
