// Command tui is the init floor of the cooldown app: a Bubble Tea program
// that links the same libraries as cooldown (so their package initialisation
// runs), draws one line in the alternate screen and waits for q.
// scripts/bench.sh compares cooldown's start-to-first-frame with it.
//
// With an argument it renders a little markdown and opens a bbolt file, so
// the linker keeps what cooldown keeps; the benchmark runs it without one.
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

// model draws one line and quits on q or ctrl+c.
type model struct{ quit key.Binding }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, m.quit) {
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView("floor-tui ready, q quits")
	v.AltScreen = true
	return v
}

func main() {
	if len(os.Args) > 1 {
		if err := use(os.Args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		return
	}
	m := model{quit: key.NewBinding(key.WithKeys("q", "ctrl+c"))}
	if _, err := tea.NewProgram(m, tea.WithFPS(120)).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
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
	fmt.Println(lipgloss.NewStyle().Bold(true).Render(vp.View()), ti.View(), ta.View(), pr.ViewAs(0.5), h.ShortHelpView([]key.Binding{model{}.quit}))
	return nil
}
