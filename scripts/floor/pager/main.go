// Command pager is a bare Bubble Tea v2 program for scripts/bytes.sh: a
// markdown file rendered once by glamour (dark) in a full-window viewport
// in the alternate screen; j or down scrolls a line, q quits. It is what
// the library does on its own, to set cooldown's bytes beside.
package main

import (
	"fmt"
	"os"

	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
)

type model struct {
	vp  viewport.Model
	doc string
}

func (m model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		r, err := glamour.NewTermRenderer(glamour.WithStyles(styles.DarkStyleConfig), glamour.WithWordWrap(msg.Width-4))
		if err != nil {
			return m, tea.Quit
		}
		out, err := r.Render(m.doc)
		if err != nil {
			return m, tea.Quit
		}
		m.vp.SetWidth(msg.Width)
		m.vp.SetHeight(msg.Height)
		m.vp.SetContent(out)
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
	}
	var cmd tea.Cmd
	m.vp, cmd = m.vp.Update(msg)
	return m, cmd
}

func (m model) View() tea.View {
	v := tea.NewView(m.vp.View())
	v.AltScreen = true
	return v
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: pager FILE.md")
		os.Exit(2)
	}
	doc, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "pager:", err)
		os.Exit(1)
	}
	if _, err := tea.NewProgram(model{vp: viewport.New(), doc: string(doc)}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "pager:", err)
		os.Exit(1)
	}
}
