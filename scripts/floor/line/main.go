// Command line is the init floor of `cooldown status`: it links the same
// libraries as cooldown (so their package initialisation runs) and prints one
// line. scripts/bench.sh compares `cooldown status --json` with it.
//
// With an argument it renders a little markdown, opens a bbolt file and
// builds a cobra command with its man page (cli.go), so the linker keeps
// what cooldown keeps; the benchmark runs it without one. Built with
// -tags nocobra it leaves cobra out (cli_none.go): the floor before the
// command line moved to cobra, so that cobra's own cost shows.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
	bolt "go.etcd.io/bbolt"
)

func main() {
	if len(os.Args) > 1 {
		if err := use(os.Args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		return
	}
	fmt.Println(`{"floor":"line"}`)
}

// use touches every library for real: it is what keeps them linked.
func use(dir string) error {
	r, err := glamour.NewTermRenderer(glamour.WithStyles(styles.DarkStyleConfig), glamour.WithWordWrap(60))
	if err != nil {
		return err
	}
	out, err := r.Render("# floor\n\nSome *markdown* with `code`.\n")
	if err != nil {
		return err
	}
	db, err := bolt.Open(filepath.Join(dir, "floor.db"), 0o600, nil)
	if err != nil {
		return err
	}
	defer db.Close()
	vp := viewport.New(viewport.WithWidth(60), viewport.WithHeight(10))
	vp.SetContent(out)
	ti, ta, pr := textinput.New(), textarea.New(), progress.New()
	h := help.New()
	k := key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit"))
	fmt.Println(lipgloss.NewStyle().Bold(true).Render(vp.View()), ti.View(), ta.View(), pr.ViewAs(0.5), h.ShortHelpView([]key.Binding{k}))
	_ = tea.Quit
	return useCLI()
}
