package cli

// Tests of issue 14 on the real binary in tmux (docs/reliability.md, "The
// app and other processes"): signals with the terminal compared before
// and after, a hangup, the app beside a `cooldown log` loop and a second
// copy, a lock held for 3 s, and a file made read-only under the app. They
// use the one tmux helper of tmux_test.go.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// toNote drives the app from home to the summary step of today's check-in
// (strength, default minutes and effort) and opens the note.
func toNote(p *pane) {
	p.t.Helper()
	p.waitScreen("cooldown · home")
	p.keys("Enter")
	p.waitScreen("Step 1 of")
	p.keys("1")
	p.waitScreen("Step 2 of")
	for i := 3; i <= 7; i++ {
		p.keys("Enter")
		p.waitScreen(fmt.Sprintf("Step %d of", i))
	}
	p.keys("n")
	p.waitScreen("esc saves the note")
}

// storedNote returns the note of the only stored day.
func storedNote(t *testing.T, db string) string {
	t.Helper()
	days := decoded(t, must(t, "--db", db, "export").stdout)["days"].([]any)
	if len(days) == 0 {
		return ""
	}
	n, _ := days[0].(obj)["note"].(string)
	return n
}

// TestAppSignalsSaveTypedText: SIGHUP (terminal still there), SIGINT,
// SIGQUIT and SIGTERM sent while a note is being typed: the app saves the
// note as it stands, restores the terminal (stty -g, main screen, cursor,
// mouse off) and exits 128 + the signal's number, quietly.
func TestAppSignalsSaveTypedText(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGHUP, syscall.SIGINT, syscall.SIGQUIT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, appScript)
			toNote(p)
			p.keys("-l", "sore calves")
			p.waitScreen("sore calves")
			if err := syscall.Kill(p.appPID(), sig); err != nil {
				t.Fatal(err)
			}
			rc := p.waitDone()
			p.restored()
			if want := 128 + int(sig); rc != want || p.file("stderr") != "" {
				t.Errorf("exit %d, stderr %q; want %d and nothing", rc, p.file("stderr"), want)
			}
			if got := storedNote(t, db); got != "sore calves" {
				t.Errorf("stored note %q, want the text typed when the signal came", got)
			}
			must(t, "--db", db, "check")
		})
	}
}

// TestAppHangup: the terminal closes (the tmux session is killed) while
// a note is being typed, and then the app gets SIGHUP as an interactive
// shell would send it, or gets none (the shell ignores it, and the kernel
// tells only the session leader) and notices the terminal is gone by
// itself: either way it saves the note, writes nothing to the gone
// terminal or to stderr on it, and exits 129.
func TestAppHangup(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		signal bool
	}{{"SIGHUP", true}, {"no signal", false}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			script := "trap '' HUP\n\"$BIN\" --db \"$DB\" 2> stderr\necho $? > rc"
			p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, script)
			toNote(p)
			p.keys("-l", "closed the lid")
			p.waitScreen("closed the lid")
			pid := p.appPID()
			p.tmux("kill-session", "-t", "rel")
			if tc.signal {
				if err := syscall.Kill(pid, syscall.SIGHUP); err != nil {
					t.Fatal(err)
				}
			}
			if rc := p.waitDone(); rc != 129 {
				t.Errorf("exit %d after a hangup, want 129; stderr %q", rc, p.file("stderr"))
			}
			if got := p.file("stderr"); got != "" {
				t.Errorf("stderr after a hangup %q, want nothing", got)
			}
			if got := storedNote(t, db); got != "closed the lid" {
				t.Errorf("stored note %q, want the text typed when the terminal closed", got)
			}
		})
	}
}

// storedDone returns the items ticked on the only stored day.
func storedDone(t *testing.T, db string) map[string]bool {
	t.Helper()
	days := decoded(t, must(t, "--db", db, "export").stdout)["days"].([]any)
	got := map[string]bool{}
	if len(days) == 0 {
		return got
	}
	done, _ := days[0].(obj)["done"].(obj)
	for k := range done {
		got[k] = true
	}
	return got
}

// toBloodFlow drives the app from home to the blood flow step of today.
func toBloodFlow(p *pane) {
	p.t.Helper()
	p.waitScreen("cooldown · home")
	p.keys("Enter")
	p.waitScreen("Step 1 of")
	p.keys("1")
	p.waitScreen("Step 2 of")
	for i := 3; i <= 4; i++ {
		p.keys("Enter")
		p.waitScreen(fmt.Sprintf("Step %d of", i))
	}
}

// TestAppBesideLogLoop: the app ticks items of today while `cooldown log`
// ticks others in a loop on the same day: nothing is lost, and the app's
// screen shows the log's tick of its own step within the poll (it follows
// the file).
func TestAppBesideLogLoop(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, appScript)
	toBloodFlow(p)
	logged := []string{"fatty-fish", "berries", "leafy-greens", "nuts-seeds", "turmeric", "foam-rolling", "olive-oil", "whole-grains", "cruciferous", "ginger"}
	done := make(chan error, 1)
	go func() {
		for _, item := range logged {
			if r := cool(t, "--db", db, "log", "--done", item); r.code != 0 {
				done <- fmt.Errorf("log --done %s: %s", item, r)
				return
			}
		}
		done <- nil
	}()
	p.keys("Space") // massage
	p.keys("j")
	p.keys("Space") // stretching
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	p.waitScreen("[x] Foam rolling")
	p.waitScreen("[x] Stretching")
	p.keys("q")
	if rc := p.waitDone(); rc != 0 {
		t.Fatalf("exit %d, stderr %q", rc, p.file("stderr"))
	}
	p.restored()
	got := storedDone(t, db)
	for _, item := range append(logged, "massage", "stretching") {
		if !got[item] {
			t.Errorf("%s is not stored; stored %v", item, got)
		}
	}
	must(t, "--db", db, "check")
}

// TestTwoAppsOneDay: two copies of the app tick different items of the
// same day; each shows the other's tick after the poll, and both are
// stored.
func TestTwoAppsOneDay(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	a := startPane(t, []string{"BIN=" + bin, "DB=" + db}, appScript)
	toBloodFlow(a)
	b := startPane(t, []string{"BIN=" + bin, "DB=" + db}, appScript)
	b.waitScreen("cooldown · home")
	b.keys("Enter")
	b.waitScreen("Step 4 of") // resumes at the step a stored
	a.keys("Space")           // massage
	b.keys("j", "Space")      // stretching
	a.waitScreen("[x] Stretching")
	b.waitScreen("[x] Massage")
	a.keys("q")
	b.keys("q")
	for _, p := range []*pane{a, b} {
		if rc := p.waitDone(); rc != 0 {
			t.Fatalf("exit %d, stderr %q", rc, p.file("stderr"))
		}
		p.restored()
	}
	got := storedDone(t, db)
	if !got["massage"] || !got["stretching"] {
		t.Errorf("stored ticks %v, want massage and stretching", got)
	}
}

// TestAppLockHeldThreeSeconds: another process holds the file (flock(2),
// as bbolt does) for 3 s when the note is saved: the app shows "saving…"
// and tries again; q asks before losing the note, w waits, and the app
// quits once the note landed, with the note stored.
func TestAppLockHeldThreeSeconds(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("flock"); err != nil {
		t.Skip("flock(1) is not installed")
	}
	db := newDB(t)
	p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, appScript)
	toNote(p)
	p.keys("-l", "held")
	locked := filepath.Join(p.dir, "locked")
	holder := exec.Command("flock", "-x", db, "sh", "-c", "touch "+shellQuote(locked)+"; sleep 3")
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer holder.Wait()
	p.waitFor("the lock", func() bool { _, err := os.Stat(locked); return err == nil })
	p.keys("Escape")
	p.waitScreen("saving… the database is in use by another process")
	p.keys("q")
	p.waitScreen("(w wait · x quit and lose it)")
	p.keys("w")
	if rc := p.waitDone(); rc != 0 {
		t.Fatalf("exit %d, stderr %q", rc, p.file("stderr"))
	}
	p.restored()
	if err := holder.Wait(); err != nil {
		t.Fatalf("the lock holder: %v", err)
	}
	if got := storedNote(t, db); got != "held" {
		t.Errorf("stored note %q, want %q", got, "held")
	}
}

// TestAppReadOnlyUnderIt: the file becomes read-only while the app runs
// (the app runs as an unprivileged user when the test runs as root): the
// note's save fails, the summary keeps the text marked "not saved" (not
// shown as the day's note), and quitting asks; x quits and loses it. A
// signal instead quits with 143 and says on stderr what was not saved,
// recorded in the crash log.
func TestAppReadOnlyUnderIt(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("setpriv"); err != nil && os.Geteuid() == 0 {
		t.Skip("setpriv(1) is not installed: as root the test needs it to run the app as another user")
	}
	for _, end := range []string{"quit", "signal"} {
		t.Run(end, func(t *testing.T) {
			t.Parallel()
			dir := publicDir(t)
			os.Chmod(dir, 0o777)
			db := filepath.Join(dir, "cooldown.db")
			must(t, "--db", db, "log", "--kind", "strength", "--minutes", "30", "--rpe", "5")
			os.Chmod(db, 0o666)
			exe := bin
			run := `"$BIN"`
			if os.Geteuid() == 0 {
				exe = publicBin(t)
				run = `setpriv --reuid=65534 --regid=65534 --clear-groups "$BIN"`
			}
			script := "stty -g > before\n" + run + " --db \"$DB\" 2> stderr\necho $? > rc\nstty -g > after"
			p := startPane(t, []string{"BIN=" + exe, "DB=" + db, "XDG_STATE_HOME=" + filepath.Join(dir, "state")}, script)
			toNote(p)
			p.keys("-l", "dry run")
			if err := os.Chmod(db, 0o644); err != nil {
				t.Fatal(err)
			}
			p.keys("Escape")
			p.waitScreen("not saved: n edits it")
			if strings.Contains(p.screen(), "Note    dry run") {
				t.Errorf("the failed note is shown as saved:\n%s", p.screen())
			}
			switch end {
			case "quit":
				p.keys("q")
				p.waitScreen("x quit and lose it")
				p.keys("x")
				if rc := p.waitDone(); rc != 0 {
					t.Errorf("exit %d, want 0", rc)
				}
			case "signal":
				if err := syscall.Kill(p.appPID(), syscall.SIGTERM); err != nil {
					t.Fatal(err)
				}
				if rc := p.waitDone(); rc != 143 {
					t.Errorf("exit %d, want 143", rc)
				}
				stderr := p.file("stderr")
				if !strings.Contains(stderr, "cooldown: stopped by terminated before a change was saved: the note of") ||
					!strings.Contains(stderr, "cannot save to "+db) || !strings.Contains(stderr, "this is recorded in ") {
					t.Errorf("stderr %q: want what was not saved and where it is recorded", stderr)
				}
				if _, log, ok := strings.Cut(strings.TrimSpace(stderr), "this is recorded in "); ok {
					b, err := os.ReadFile(log)
					if err != nil || !strings.Contains(string(b), "stopped by terminated") || !strings.Contains(string(b), "not saved: the note of") {
						t.Errorf("crash log %s: %q, %v; want the signal and what was not saved", log, b, err)
					}
				}
			}
			p.restored()
			if got := storedNote(t, db); got != "" {
				t.Errorf("stored note %q, want none", got)
			}
		})
	}
}
