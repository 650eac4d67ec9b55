package cli

// Issue 15 on a real terminal: a note that tries to retitle the window
// and write the clipboard is drawn by the app as text, and tmux sees
// neither sequence.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const escapeScript = `while [ ! -f go ]; do sleep 0.05; done
printf '\033]2;before\033\\'
printf '\033]52;c;Y29udHJvbA==\007'
stty -g > before
touch ready
while [ ! -f go2 ]; do sleep 0.05; done
"$BIN" --db "$DB" 2> stderr
echo $? > rc
stty -g > after`

// TestHostileNoteInTmux seeds a note holding OSC 0 and OSC 2 (set the
// title) and OSC 52 (set the clipboard), opens its day in the history and
// checks that the pane's title and tmux's paste buffers are unchanged and
// that the bytes the app wrote (tmux pipe-pane) hold none of the note's
// sequences. Before the app starts, the script sends the same kinds of
// sequence itself, so the test knows this tmux obeys them.
func TestHostileNoteInTmux(t *testing.T) {
	t.Parallel()
	day := completeDay(today().AddDays(-1))
	day["note"] = "see \x1b]0;pwned\x07 then \x1b]52;c;cHduZWQ=\x07 and \x1b]2;pwned2\x1b\\ end"
	db := importDays(t, nil, day)
	p := startPane(t, []string{"BIN=" + bin, "DB=" + db}, escapeScript)
	p.tmux("set-option", "-g", "set-clipboard", "on")
	p.tmux("resize-window", "-t", "rel", "-x", "100", "-y", "50") // room for the whole day
	if err := os.WriteFile(filepath.Join(p.dir, "go"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	p.waitFor("the script's own sequences", func() bool { _, err := os.Stat(filepath.Join(p.dir, "ready")); return err == nil })
	title := func() string { return strings.TrimSpace(p.tmux("display", "-p", "-t", "rel", "#{pane_title}")) }
	buffers := func() string { return p.tmux("list-buffers", "-F", "#{buffer_sample}") }
	p.waitFor("the title the script set", func() bool { return title() == "before" })
	p.waitFor("the buffer the script set", func() bool { return strings.Contains(buffers(), "control") })

	raw := filepath.Join(p.dir, "raw")
	p.tmux("pipe-pane", "-t", "rel", "-o", "cat > "+shellQuote(raw))
	if err := os.WriteFile(filepath.Join(p.dir, "go2"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	p.waitScreen("cooldown · home")
	p.keys("h")
	p.waitScreen("cooldown · history")
	p.keys("Enter")
	p.waitScreen("day load") // the last line of the day, after its note
	if want := `see \x1b]0;pwned\a then \x1b]52;c;cHduZWQ=\a and \x1b]2;pwned2\x1b\ end`; !strings.Contains(p.screen(), want) {
		t.Errorf("the day does not show the note as %s:\n%s", want, p.screen())
	}

	if got := title(); got != "before" {
		t.Errorf("pane title = %q after the note was shown, want %q", got, "before")
	}
	if b := buffers(); strings.Contains(b, "pwned") {
		t.Errorf("the note wrote tmux's clipboard; buffers:\n%s", b)
	}
	p.keys("q")
	if rc := p.waitDone(); rc != 0 {
		t.Errorf("exit %d, stderr %q", rc, p.file("stderr"))
	}
	p.restored()
	out := p.file("raw")
	if !strings.Contains(out, "cooldown") {
		t.Fatalf("pipe-pane caught nothing of the app: %q", out)
	}
	for _, seq := range []string{"\x1b]0;", "\x1b]2;", "\x1b]52;", "\x1b]0;pwned", "\x1b]2;pwned2"} {
		if strings.Contains(out, seq) {
			t.Errorf("the app wrote %q to the terminal", seq)
		}
	}
	if !strings.Contains(out, `\x1b]52;c;cHduZWQ=\a`) {
		t.Errorf("the raw output lacks the note's visible form; it was not drawn as text")
	}
}
