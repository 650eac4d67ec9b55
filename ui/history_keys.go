package ui

import "charm.land/bubbles/v2/key"

// The history screen's keys and its help.

type historyKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	HalfUp, HalfDown                        key.Binding
	Goto, PrevMonth, NextMonth, Undo        key.Binding
	Open, Edit, Add, Delete, Back           key.Binding
	Yes, No                                 key.Binding
	PrevDay, NextDay, PrevWeek, NextWeek    key.Binding
	Choose, Cancel                          key.Binding
}

func defaultHistoryKeys() historyKeys {
	return historyKeys{
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:    key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("b/pgup", "page up")),
		PageDown:  key.NewBinding(key.WithKeys("pgdown", "f"), key.WithHelp("f/pgdn", "page down")),
		HalfUp:    key.NewBinding(key.WithKeys("ctrl+u"), key.WithHelp("ctrl+u", "½ page up")),
		Goto:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "go to date")),
		PrevMonth: key.NewBinding(key.WithKeys("["), key.WithHelp("[/]", "month start")),
		NextMonth: key.NewBinding(key.WithKeys("]")),
		Undo:      key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo delete"), key.WithDisabled()),
		HalfDown:  key.NewBinding(key.WithKeys("ctrl+d"), key.WithHelp("ctrl+d", "½ page down")),
		Top:       key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "newest")),
		Bottom:    key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "oldest")),
		Open:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Edit:      key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "edit")),
		Add:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add a past day")),
		Delete:    key.NewBinding(key.WithKeys("d", "delete"), key.WithHelp("d", "delete")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Yes:       key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "delete")),
		No:        key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "keep")),
		PrevDay:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←/→", "day")),
		NextDay:   key.NewBinding(key.WithKeys("right", "l")),
		PrevWeek:  key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "week")),
		NextWeek:  key.NewBinding(key.WithKeys("down", "j")),
		Choose:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "edit this day")),
		Cancel:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

func (m *historyModel) ShortHelp() []key.Binding {
	k := m.keys
	switch m.mode {
	case historyDetail:
		return []key.Binding{k.Up, k.Down, k.Edit, k.Delete, k.Back}
	case historyConfirm:
		return []key.Binding{k.Yes, k.No}
	case historyPicker:
		return []key.Binding{k.PrevDay, k.PrevWeek, k.Choose, k.Cancel}
	case historyGoto:
		return []key.Binding{k.Choose, k.Cancel}
	}
	return []key.Binding{k.Undo, k.Up, k.Down, k.Open, k.Edit, k.Add, k.Delete, k.Goto, k.PrevMonth, k.Back}
}

func (m *historyModel) FullHelp() [][]key.Binding {
	k := m.keys
	switch m.mode {
	case historyDetail, historyConfirm, historyPicker, historyGoto:
		return [][]key.Binding{m.ShortHelp()}
	}
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown, k.HalfUp, k.HalfDown, k.Top, k.Bottom}, {k.Open, k.Edit, k.Add, k.Delete, k.Undo, k.Back}, {k.Goto, k.PrevMonth}}
}
