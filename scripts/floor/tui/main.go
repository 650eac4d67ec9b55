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

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/progress"
	"github.com/charmbracelet/bubbles/textarea"
	"github.com/charmbracelet/bubbles/textinput"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	bolt "go.etcd.io/bbolt"
)

// model draws one line and quits on q or ctrl+c.
type model struct{ quit key.Binding }

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && key.Matches(k, m.quit) {
		return m, tea.Quit
	}
	return m, nil
}

func (m model) View() string { return "floor-tui ready, q quits" }

func main() {
	if len(os.Args) > 1 {
		if err := use(os.Args[1]); err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			os.Exit(1)
		}
		return
	}
	m := model{quit: key.NewBinding(key.WithKeys("q", "ctrl+c"))}
	if _, err := tea.NewProgram(m, tea.WithAltScreen(), tea.WithFPS(120)).Run(); err != nil {
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
	vp := viewport.New(60, 10)
	vp.SetContent(out)
	ti, ta, pr := textinput.New(), textarea.New(), progress.New()
	h := help.New()
	fmt.Println(lipgloss.NewStyle().Bold(true).Render(vp.View()), ti.View(), ta.View(), pr.ViewAs(0.5), h.ShortHelpView([]key.Binding{model{}.quit}))
	return nil
}
