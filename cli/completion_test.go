package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
)

// runHere runs cooldown in this process with args, its output in buffers
// and no terminal anywhere, and returns stdout, stderr and the exit code.
func runHere(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errOut,
		now: func() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC) }, loc: time.UTC,
		getenv: func(k string) string {
			if k == "XDG_DATA_HOME" {
				return t.TempDir()
			}
			return ""
		},
	}
	code = run(args, e)
	return out.String(), errOut.String(), code
}

// TestCompletionScripts keeps the three completion scripts as they were
// reviewed; run with -update after a change of cobra or of the command
// tree. CI checks their syntax with bash -n, zsh -n and fish -n
// (.ci/run).
func TestCompletionScripts(t *testing.T) {
	for _, shell := range completionShells {
		t.Run(shell, func(t *testing.T) {
			out, errOut, code := runHere(t, "completion", shell)
			if code != 0 || errOut != "" {
				t.Fatalf("completion %s: exit %d, stderr %q", shell, code, errOut)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

// mangoDate is the date mango stamps in the man page's header.
var mangoDate = regexp.MustCompile(`(?m)^(\.TH COOLDOWN 1 )"\d{4}-\d{2}-\d{2}"`)

// TestManPage keeps the man page as it was reviewed, its date masked.
func TestManPage(t *testing.T) {
	out, errOut, code := runHere(t, "man")
	if code != 0 || errOut != "" {
		t.Fatalf("man: exit %d, stderr %q", code, errOut)
	}
	if !mangoDate.MatchString(out) {
		t.Fatalf("man: no dated .TH header:\n%s", out[:min(len(out), 200)])
	}
	for _, section := range []string{"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "FILES", "ENVIRONMENT", "EXAMPLES"} {
		if !strings.Contains(out, "\n.SH "+section+"\n") {
			t.Errorf("man: no %s section", section)
		}
	}
	golden.RequireEqual(t, []byte(mangoDate.ReplaceAllString(out, `${1}"DATE"`)))
}
