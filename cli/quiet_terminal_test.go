//go:build linux

package cli

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair with the kernel's ioctls (no
// library): the controller, and the terminal a child gets as its own.
func openPTY(t *testing.T) (ctl, tty *os.File) {
	t.Helper()
	ctl, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminals: %v", err)
	}
	fd := int(ctl.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Fatalf("unlock pty: %v", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Fatalf("pty number: %v", err)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatalf("open pty: %v", err)
	}
	if err := unix.IoctlSetWinsize(int(tty.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 24, Col: 80}); err != nil {
		t.Fatalf("pty size: %v", err)
	}
	return ctl, tty
}

// terminalQuery matches what a program writes to ask the terminal
// something: a background or foreground colour (OSC 10/11 ?), the device
// attributes (CSI c, CSI > c), a mode (DECRQM, CSI ? n $ p), the cursor
// position (CSI 6 n), a capability (XTGETTCAP, DCS + q), the keyboard
// protocol (CSI ? u).
var terminalQuery = regexp.MustCompile(`\x1b\]1[01];\?|\x1b\[[>=]?0?c|\x1b\[\??[0-9;]*\$p|\x1b\[\??6n|\x1bP\+q|\x1b\[\?u`)

// TestOnlyTheAppTalksToTheTerminal runs every command but the app on a
// terminal that never answers (a serial console, an editor's shell): each
// finishes well within 2 s and writes no query to it. lipgloss v1 asked
// the terminal for its background at package init in every process and
// waited up to 5 s for the answer.
func TestOnlyTheAppTalksToTheTerminal(t *testing.T) {
	db := newDB(t)
	exp := filepath.Join(t.TempDir(), "export.json")
	cases := [][]string{
		{"--version"},
		{"--db", db, "log", "--done", "stretching"},
		{"--db", db, "status"},
		{"--db", db, "status", "--json"},
		{"--db", db, "export", "-o", exp},
		{"--db", db, "import", exp},
		{"--db", db, "check"},
		{"--db", db, "guide", "sleep"},
		{"--db", db, "guide"},
		{"--db", db, "backups"},
		{"help", "log"},
		{"completion", "bash"},
		{"man"},
	}
	// The harness itself: a program that asks is seen asking, and one
	// that waits for the answer is seen waiting.
	t.Run("a program that asks", func(t *testing.T) {
		out, timedOut := onSilentTerminal(t, exec.Command("sh", "-c", `printf '\033]11;?\007'; read x`))
		if terminalQuery.Find(out) == nil || !timedOut {
			t.Errorf("the harness missed a query and a wait: saw %q, timed out %v", out, timedOut)
		}
	})
	for _, args := range cases {
		name := strings.Join(args, " ")
		if args[0] == "--db" {
			name = strings.Join(args[2:], " ")
		}
		t.Run(name, func(t *testing.T) {
			out, timedOut := onSilentTerminal(t, exec.Command(bin, args...))
			if timedOut {
				t.Errorf("still running after 2 s on a terminal that does not answer")
			}
			if q := terminalQuery.Find(out); q != nil {
				t.Errorf("wrote the query %q to the terminal", q)
			}
			if len(out) == 0 && args[0] != "--db" {
				t.Errorf("wrote nothing: the test cannot see what it writes")
			}
		})
	}
}

// onSilentTerminal runs cmd on a new pseudo-terminal that never answers,
// for at most 2 s, and returns what it wrote there and whether it had to
// be killed. A failing exit is reported with what the terminal shows.
func onSilentTerminal(t *testing.T, cmd *exec.Cmd) (written []byte, timedOut bool) {
	t.Helper()
	ctl, tty := openPTY(t)
	defer ctl.Close()
	cmd.Env = append(os.Environ(), "TZ=UTC", "TERM=xterm-256color", "COLORTERM=", "NO_COLOR=", "TMUX=")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = tty, tty, tty
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	var out bytes.Buffer
	var mu sync.Mutex
	read := make(chan struct{})
	go func() { // the terminal: it reads, and never answers
		defer close(read)
		buf := make([]byte, 4096)
		for {
			n, err := ctl.Read(buf)
			mu.Lock()
			out.Write(buf[:n])
			mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var exitErr error
	select {
	case exitErr = <-done:
	case <-time.After(2 * time.Second):
		cmd.Process.Kill()
		<-done
		timedOut = true
	}
	ctl.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
	<-read
	mu.Lock()
	defer mu.Unlock()
	if exitErr != nil && !timedOut {
		t.Errorf("exit: %v; the terminal shows %q", exitErr, out.String())
	}
	return bytes.Clone(out.Bytes()), timedOut
}

// TestTerminalQueryPattern: the pattern the test above looks for matches
// the queries lipgloss v1, colorprofile and Bubble Tea send, and not
// ordinary colour codes.
func TestTerminalQueryPattern(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"\x1b]11;?\x07", true}, {"\x1b]10;?\x1b\\", true}, {"\x1b[c", true}, {"\x1b[0c", true},
		{"\x1b[>c", true}, {"\x1b[?2026$p", true}, {"\x1b[6n", true}, {"\x1b[?6n", true},
		{"\x1bP+q544e\x1b\\", true}, {"\x1b[?u", true},
		{"\x1b[38;5;252mtext\x1b[0m", false}, {"\x1b[1mbold\x1b[22m", false}, {"plain", false},
	} {
		if got := terminalQuery.MatchString(tc.in); got != tc.want {
			t.Errorf("match %q = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestOnlyCharmV2 fails when the build, tests included, holds Charm's v1
// line, termenv, or lipgloss v2's compat package: each detects or queries
// the terminal at package init.
func TestOnlyCharmV2(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-test", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	banned := regexp.MustCompile(`^(github\.com/charmbracelet/(bubbletea|bubbles|lipgloss|glamour)(/.*)?|github\.com/muesli/termenv(/.*)?|charm\.land/lipgloss/v2/compat(/.*)?)$`)
	var found []string
	for _, p := range strings.Fields(string(out)) {
		if banned.MatchString(p) {
			found = append(found, p)
		}
	}
	if len(found) > 0 {
		t.Errorf("the build links %v; want Charm's v2 line only", found)
	}
	for _, p := range []string{"github.com/charmbracelet/bubbletea", "github.com/charmbracelet/lipgloss/table", "github.com/muesli/termenv", "charm.land/lipgloss/v2/compat"} {
		if !banned.MatchString(p) {
			t.Errorf("the pattern misses %s", p)
		}
	}
	for _, p := range []string{"charm.land/bubbletea/v2", "charm.land/lipgloss/v2", "github.com/charmbracelet/x/ansi", "github.com/charmbracelet/colorprofile"} {
		if banned.MatchString(p) {
			t.Errorf("the pattern bans %s", p)
		}
	}
}

// TestNoSequence: the program's code uses no tea.Sequence. v2 keeps the
// message of a sequence unexported, so the crash guard cannot reach the
// commands inside one to recover their panics (ui/crash.go).
func TestNoSequence(t *testing.T) {
	var uses []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "third_party" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != "." {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if s, ok := n.(*ast.SelectorExpr); ok && (s.Sel.Name == "Sequence" || s.Sel.Name == "Sequentially") {
				if x, ok := s.X.(*ast.Ident); ok && x.Name == "tea" {
					uses = append(uses, path)
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(uses) > 0 {
		t.Errorf("tea.Sequence used in %v; use tea.Batch, or chain the commands through messages", uses)
	}
}
