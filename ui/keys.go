package ui

import "charm.land/bubbles/v2/key"

// globalKeys are the keys the parent model handles on every screen.
type globalKeys struct {
	Quit      key.Binding
	ForceQuit key.Binding
	Help      key.Binding
}

func defaultGlobalKeys() globalKeys {
	return globalKeys{
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "more keys")),
	}
}

// helpKeys joins a screen's keys with the global ones for bubbles/help.
type helpKeys struct {
	page   page
	global globalKeys
}

func (h helpKeys) ShortHelp() []key.Binding {
	return append(h.page.ShortHelp(), h.global.Help, h.global.Quit)
}

func (h helpKeys) FullHelp() [][]key.Binding {
	return append(h.page.FullHelp(), []key.Binding{h.global.Help, h.global.Quit, h.global.ForceQuit})
}
