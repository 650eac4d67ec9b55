package cli

// Tests of the app on a real terminal, in tmux (issue 7;
// docs/reliability.md): SIGINT and SIGTERM in the middle of a check-in,
// panics forced through the cooldowntest build, TERM=dumb, NO_COLOR, and
// stdin or stdout not a terminal. Each test runs a small script in a tmux
// pane that records `stty -g` before and after the app, its exit code and
// its stderr.

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var (
	tagBin string
	tagErr error
)

// taggedBin returns the binary built with -tags cooldowntest: it can be
// made to panic on purpose (ui/crash_hook.go). TestMain builds it
// (buildTagged) before any test runs, for the reason publicBin gives.
func taggedBin(t *testing.T) string {
	t.Helper()
	if tagErr != nil {
		t.Fatal(tagErr)
	}
	return tagBin
}

// buildTagged builds the binary taggedBin returns.
func buildTagged() {
	tagBin = filepath.Join(filepath.Dir(bin), "cooldown-test")
	out, err := exec.Command("go", "build", "-tags", "cooldowntest", "-o", tagBin, "cooldown").CombinedOutput()
	if err != nil {
		tagErr = fmt.Errorf("go build -tags cooldowntest: %v\n%s", err, out)
	}
}

// pane is a tmux session of its own (own server socket) running a script.
type pane struct {
	t    *testing.T
	sock string
	dir  string
}

// startPane writes the script (after exports of a clean environment and
// env) and runs it in an 80x24 tmux pane. The script's files land in
// p.dir.
func startPane(t *testing.T, env []string, script string) *pane {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed: the terminal tests need it (CI installs it)")
	}
	p := &pane{t: t, dir: t.TempDir(), sock: fmt.Sprintf("cooldown-rel-%d-%d", os.Getpid(), time.Now().UnixNano())}
	vars := []string{
		"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(), "XDG_DATA_HOME=" + t.TempDir(),
		"XDG_STATE_HOME=" + filepath.Join(p.dir, "state"), "TZ=UTC", "TERM=xterm-256color", "LANG=C.UTF-8",
	}
	var b strings.Builder
	for _, kv := range append(vars, env...) {
		k, v, _ := strings.Cut(kv, "=")
		fmt.Fprintf(&b, "export %s=%s\n", k, shellQuote(v))
	}
	b.WriteString("cd " + shellQuote(p.dir) + "\n" + script + "\ntouch done\nsleep 30\n")
	path := filepath.Join(p.dir, "run.sh")
	if err := os.WriteFile(path, []byte(b.String()), 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("tmux", "-L", p.sock, "-f", "/dev/null", "new-session", "-d", "-s", "rel", "-x", "80", "-y", "24", "sh "+shellQuote(path))
	cmd.Env = append(os.Environ(), "TMUX=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", p.sock, "kill-server").Run() })
	return p
}

func (p *pane) tmux(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.sock}, args...)...).CombinedOutput()
	if err != nil {
		p.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (p *pane) keys(k ...string) { p.tmux(append([]string{"send-keys", "-t", "rel"}, k...)...) }

func (p *pane) screen() string { return p.tmux("capture-pane", "-p", "-t", "rel") }

// waitFor polls until cond holds, for at most 10 s.
func (p *pane) waitFor(what string, cond func() bool) {
	p.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			p.t.Fatalf("timed out waiting for %s; the screen:\n%s", what, p.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (p *pane) waitScreen(want string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf("%q on the screen", want), func() bool { return strings.Contains(p.screen(), want) })
}

func (p *pane) file(name string) string {
	b, _ := os.ReadFile(filepath.Join(p.dir, name))
	return string(b)
}

// waitDone waits for the script to finish and returns the exit code it
// recorded in rc.
func (p *pane) waitDone() int {
	p.t.Helper()
	p.waitFor("the script to finish", func() bool { _, err := os.Stat(filepath.Join(p.dir, "done")); return err == nil })
	rc, err := strconv.Atoi(strings.TrimSpace(p.file("rc")))
	if err != nil {
		p.t.Fatalf("rc: %q", p.file("rc"))
	}
	return rc
}

// restored checks that the terminal is as it was: same stty settings, the
// main screen, the cursor shown, mouse reporting off.
func (p *pane) restored() {
	p.t.Helper()
	before, after := p.file("before"), p.file("after")
	if before == "" || before != after {
		p.t.Errorf("stty -g changed:\nbefore %q\nafter  %q", before, after)
	}
	flags := strings.TrimSpace(p.tmux("display", "-p", "-t", "rel", "#{alternate_on} #{cursor_flag} #{mouse_button_flag} #{mouse_any_flag} #{mouse_sgr_flag}"))
	if flags != "0 1 0 0 0" {
		p.t.Errorf("terminal modes after the app (alternate screen, cursor, mouse button, mouse any, mouse SGR) = %s, want 0 1 0 0 0", flags)
	}
}

// appPID returns the app's process: the child of the pane's shell.
func (p *pane) appPID() int {
	p.t.Helper()
	sh := strings.TrimSpace(p.tmux("display", "-p", "-t", "rel", "#{pane_pid}"))
	var pid int
	p.waitFor("the app's process", func() bool {
		b, _ := os.ReadFile("/proc/" + sh + "/task/" + sh + "/children")
		f := strings.Fields(string(b))
		if len(f) == 0 {
			return false
		}
		pid, _ = strconv.Atoi(f[0])
		return pid > 0
	})
	return pid
}

const appScript = `stty -g > before
"$BIN" --db "$DB" 2> stderr
echo $? > rc
stty -g > after`

// TestSignalsMidCheckin: SIGINT and SIGTERM sent to the app in the middle
// of a check-in (a workout chosen, its minutes confirmed) stop it with the
// terminal restored, and every change the app had shown as saved is in the
// database.
func TestSignalsMidCheckin(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, appScript)
			p.waitScreen("cooldown · home")
			p.keys("Enter")
			p.waitScreen("Step 1 of")
			p.keys("1") // strength: saved at once
			p.waitScreen("Step 2 of")
			p.keys("Enter") // the minutes: saved on leaving the step
			p.waitScreen("Step 3 of")
			if err := syscall.Kill(p.appPID(), sig); err != nil {
				t.Fatal(err)
			}
			rc := p.waitDone()
			p.restored()
			switch sig {
			case syscall.SIGTERM:
				// cooldown handles SIGTERM itself (ui/signals.go): 128 + 15.
				if rc != 143 || p.file("stderr") != "" {
					t.Errorf("SIGTERM: exit %d, stderr %q; want 143 and nothing", rc, p.file("stderr"))
				}
			case syscall.SIGINT:
				// The shell's 130, quietly, as for any program stopped by
				// SIGINT.
				if rc != 130 || p.file("stderr") != "" {
					t.Errorf("SIGINT: exit %d, stderr %q; want 130 and nothing", rc, p.file("stderr"))
				}
			}
			day := decoded(t, must(t, "--db", db, "export").stdout)["days"].([]any)[0].(obj)
			w := day["workouts"].([]any)[0].(obj)
			if w["kind"] != "strength" || w["minutes"] != 45.0 {
				t.Errorf("after %v the saved workout is %v, want strength, 45 minutes", sig, w)
			}
			must(t, "--db", db, "check")
		})
	}
}

// TestPanicRestoresTerminal: a panic forced in Update, in View and in a
// command (binary built with -tags cooldowntest) restores the terminal,
// prints a short message naming the crash log, and exits 1.
func TestPanicRestoresTerminal(t *testing.T) {
	t.Parallel()
	tb := taggedBin(t)
	for _, stage := range []string{"update", "view", "command"} {
		t.Run(stage, func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			p := startPane(t, []string{"BIN=" + tb, "DB=" + db, "COOLDOWN_TEST_PANIC=" + stage}, appScript)
			p.waitScreen("cooldown · home")
			p.keys("!")
			rc := p.waitDone()
			p.restored()
			if rc != 1 {
				t.Errorf("exit %d, want 1", rc)
			}
			logs, _ := filepath.Glob(filepath.Join(p.dir, "state", "cooldown", "crash-*.log"))
			if len(logs) != 1 {
				t.Fatalf("crash logs: %v, want one in $XDG_STATE_HOME/cooldown", logs)
			}
			caser := map[string]string{"update": "Update", "view": "View", "command": "a command"}
			want := fmt.Sprintf("cooldown: the app stopped on an internal error in %s: forced by a test: panic in %s\n"+
				"every change it showed as saved is in %s\n"+
				"the details are in %s; please report the bug with that file\n", stage, caser[stage], db, logs[0])
			if got := p.file("stderr"); got != want {
				t.Errorf("stderr:\n%q\nwant\n%q", got, want)
			}
			if log := p.file(strings.TrimPrefix(logs[0], p.dir+"/")); !strings.Contains(log, "goroutine ") {
				t.Errorf("crash log without a stack:\n%s", log)
			}
		})
	}
}

// TestDumbTerminalAndNoColor: the app starts and quits cleanly with
// TERM=dumb, and under NO_COLOR it draws without colour.
func TestDumbTerminalAndNoColor(t *testing.T) {
	t.Parallel()
	sgr := regexp.MustCompile("\x1b\\[([0-9;:]*)m")
	for _, tc := range []struct {
		name string
		env  []string
	}{
		{"TERM=dumb", []string{"TERM=dumb"}},
		{"NO_COLOR", []string{"NO_COLOR=1"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			p := startPane(t, append([]string{"BIN=" + bin, "DB=" + db}, tc.env...), appScript)
			p.waitScreen("cooldown · home")
			if tc.name == "NO_COLOR" {
				esc := p.tmux("capture-pane", "-p", "-e", "-t", "rel")
				for _, m := range sgr.FindAllStringSubmatch(esc, -1) {
					for _, param := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
						switch param {
						// 39 and 49 set the default colours back: no colour.
						case "0", "1", "2", "3", "4", "7", "22", "23", "24", "27", "39", "49":
						default:
							t.Fatalf("colour %q on the screen under NO_COLOR", m[0])
						}
					}
				}
			}
			p.keys("q")
			if rc := p.waitDone(); rc != 0 {
				t.Errorf("exit %d, stderr %q", rc, p.file("stderr"))
			}
			p.restored()
		})
	}
}

// TestNotATerminalOneSide: with only stdin or only stdout a terminal the
// app refuses with exit 2 and points to the subcommands, and the terminal
// is left as it was.
func TestNotATerminalOneSide(t *testing.T) {
	t.Parallel()
	want := "cooldown: the app needs a terminal on stdin and stdout\nfor scripts use a command: " + commandNames() + " (see `cooldown --help`)\n"
	for name, redirect := range map[string]string{"stdout piped": "| cat > out", "stdin from /dev/null": "< /dev/null"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			db := newDB(t)
			script := "stty -g > before\n\"$BIN\" --db \"$DB\" 2> stderr " + redirect + "\necho $? > rc\nstty -g > after"
			if strings.HasPrefix(redirect, "|") {
				// The exit code of the app, not of cat.
				script = "stty -g > before\n{ \"$BIN\" --db \"$DB\" 2> stderr; echo $? > rc; } | cat > out\nstty -g > after"
			}
			p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, script)
			if rc := p.waitDone(); rc != exitUsage {
				t.Errorf("exit %d, want 2", rc)
			}
			if got := p.file("stderr"); got != want {
				t.Errorf("stderr %q, want %q", got, want)
			}
			p.restored()
			if _, err := os.Stat(db); !os.IsNotExist(err) {
				t.Errorf("the database was created: %v", err)
			}
		})
	}
}
