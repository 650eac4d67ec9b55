package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"cooldown/coach"
)

// bashCompletion is bash-completion's loader, which cobra's bash script
// needs (.ci/run installs it).
const bashCompletion = "/usr/share/bash-completion/bash_completion"

// TestBashCompletesDoneItems types `cooldown log --done ` and TAB twice
// in an interactive bash with cooldown's completion loaded: bash lists
// the checklist items, and no database is made on the way.
func TestBashCompletesDoneItems(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(bashCompletion); err != nil {
		t.Skip("bash-completion is not installed (CI installs it)")
	}
	xdg := t.TempDir()
	rc := filepath.Join(t.TempDir(), "rc.bash")
	if err := os.WriteFile(rc, []byte("source "+bashCompletion+"\nsource <(cooldown completion bash)\nPS1='ready$ '\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p := startPane(t, []string{"PATH=" + filepath.Dir(bin) + ":" + os.Getenv("PATH"), "XDG_DATA_HOME=" + xdg, "RC=" + rc},
		`bash --noprofile --rcfile "$RC" -i`)
	p.waitScreen("ready$")
	p.keys("cooldown log --done ", "Tab", "Tab")
	p.waitFor("the checklist items listed", func() bool {
		s := p.screen()
		for _, it := range coach.Items {
			if !strings.Contains(s, string(it.ID)) {
				return false
			}
		}
		return true
	})
	p.keys("C-c")
	if entries, _ := os.ReadDir(xdg); len(entries) != 0 {
		t.Errorf("completing made files under XDG_DATA_HOME: %v", entries)
	}
}
