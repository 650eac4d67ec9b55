package ui

import "charm.land/bubbles/v2/key"

// The check-in's keys: its keymap, which bindings apply at each step, and
// its help.

// checkinKeyMap holds the keys of the check-in; updateKeys enables those of
// the current step.
type checkinKeyMap struct {
	Next   key.Binding
	Back   key.Binding
	Up     key.Binding
	Down   key.Binding
	Toggle key.Binding
	Why    key.Binding
	Add    key.Binding
	Switch key.Binding
	Remove key.Binding
	Undo   key.Binding // the removal just made (checkin_undo.go)
	// SwitchBack is the key of Switch that goes to the previous workout;
	// ConfirmRest answers yes to "make the day a rest day?". Neither is
	// shown: Switch and the question say them.
	SwitchBack  key.Binding
	ConfirmRest key.Binding
	Earlier     key.Binding
	Later       key.Binding
	Digit       key.Binding
	KindPick    key.Binding
	Note        key.Binding
	NoteDone    key.Binding
	Morning     key.Binding
}

func defaultCheckinKeyMap() checkinKeyMap {
	return checkinKeyMap{
		Next:        key.NewBinding(key.WithKeys("enter", "tab"), key.WithHelp("enter", "next")),
		Back:        key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "back")),
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Toggle:      key.NewBinding(key.WithKeys("space", "x"), key.WithHelp("space", "tick")),
		Why:         key.NewBinding(key.WithKeys("i"), key.WithHelp("i", "why")),
		Add:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "add workout")),
		Switch:      key.NewBinding(key.WithKeys("]", "["), key.WithHelp("[/]", "other workout")),
		Remove:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "remove workout")),
		Undo:        key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "undo remove"), key.WithDisabled()),
		SwitchBack:  key.NewBinding(key.WithKeys("[")),
		ConfirmRest: key.NewBinding(key.WithKeys("y", "d")),
		Earlier:     key.NewBinding(key.WithKeys("left", "-", "h"), key.WithHelp("←/h", "15 min earlier")),
		Later:       key.NewBinding(key.WithKeys("right", "+", "=", "l"), key.WithHelp("→/l", "15 min later")),
		Digit:       key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1-0", "effort")),
		KindPick:    key.NewBinding(key.WithKeys("1", "2", "3", "4", "5"), key.WithHelp("1-5", "kind")),
		Note:        key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "note")),
		NoteDone:    key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "save note")),
		Morning:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "morning answers")),
	}
}

// updateKeys enables the keys of the current step and names what enter
// does there.
func (m *checkinModel) updateKeys() {
	k := &m.keys
	s := m.step
	has := m.hasWorkout()
	// Keys a text field or a form disabled come back once it is closed.
	k.Next.SetEnabled(true)
	k.Back.SetEnabled(true)
	k.Morning.SetEnabled(s == stepSummary && m.date.Before(m.ctx.today) && m.form == nil)
	k.Up.SetEnabled(s == stepKind || (s == stepEffort && has) || s == stepBloodFlow || s == stepDiet)
	k.Down.SetEnabled(k.Up.Enabled())
	k.Toggle.SetEnabled(s == stepBloodFlow || s == stepDiet)
	k.Why.SetEnabled(s == stepBloodFlow || s == stepDiet || s == stepSleep || (s == stepSummary && m.summaryMessage().Section != ""))
	k.Add.SetEnabled(s == stepKind && has)
	k.Switch.SetEnabled(s == stepKind && len(m.day.Workouts) > 1)
	k.Remove.SetEnabled(s == stepKind && has)
	k.Undo.SetEnabled(s == stepKind && m.undo != nil)
	k.Earlier.SetEnabled(s == stepSleep)
	k.Later.SetEnabled(s == stepSleep)
	k.Digit.SetEnabled(s == stepEffort && has)
	k.KindPick.SetEnabled(s == stepKind)
	k.Note.SetEnabled(s == stepSummary)
	k.NoteDone.SetEnabled(m.noting)
	if m.noting || m.form != nil {
		for _, b := range []*key.Binding{&k.Next, &k.Back, &k.Up, &k.Down, &k.Toggle, &k.Why, &k.Add, &k.Switch, &k.Remove, &k.Undo, &k.Earlier, &k.Later, &k.Digit, &k.KindPick, &k.Note, &k.Morning} {
			b.SetEnabled(false)
		}
	}
	switch s {
	case stepKind:
		k.Next.SetHelp("enter", "choose")
	case stepSummary:
		k.Next.SetHelp("enter", "finish")
	default:
		k.Next.SetHelp("enter", "next")
	}
	if s == stepKind {
		k.Back.SetHelp("esc", "leave")
	} else {
		k.Back.SetHelp("esc", "back")
	}
}

// ShortHelp returns the keys that work on the current step.
func (m *checkinModel) ShortHelp() []key.Binding {
	k := m.keys
	if m.form != nil {
		return morningFormHelp
	}
	return []key.Binding{k.Undo, k.NoteDone, k.Next, k.Back, k.Up, k.Toggle, k.Why, k.Note, k.Morning, k.Digit, k.KindPick, k.Add, k.Switch, k.Remove, pair(k.Earlier, "←/→", "15 min")}
}

// FullHelp returns every key of the check-in, grouped.
func (m *checkinModel) FullHelp() [][]key.Binding {
	k := m.keys
	return [][]key.Binding{
		{k.Next, k.Back, k.Up, k.Down},
		{k.Toggle, k.Why, k.Digit},
		{k.KindPick, k.Add, k.Switch, k.Remove, k.Undo},
		{k.Earlier, k.Later, k.Note, k.NoteDone, k.Morning},
	}
}
