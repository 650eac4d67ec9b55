package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

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

// helpSep is the one separator between the keys of every help line.
const helpSep = " · "

// typingDone is how the help line names esc while a text field has focus:
// it ends the typing, whatever the field does with the text.
var typingDone = key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "done"))

// newHelp returns the help component with the app's separator.
func newHelp() help.Model {
	h := help.New()
	h.ShortSeparator = helpSep
	return h
}

// pair names b and its opposite in one short-help entry ("↑/↓ move"),
// shown while b is enabled; the full help lists the two apart.
func pair(b key.Binding, keys, desc string) key.Binding {
	p := key.NewBinding(key.WithKeys(b.Keys()...), key.WithHelp(keys, desc))
	p.SetEnabled(b.Enabled())
	return p
}

// helpTail returns the keys every short help line ends with and never
// drops: "? more keys · q quit", or "esc done · ctrl+c quit" while a text
// field has focus (q and ? are typed there).
func helpTail(g globalKeys, typing bool) []key.Binding {
	if typing {
		return []key.Binding{typingDone, g.ForceQuit}
	}
	return []key.Binding{g.Help, g.Quit}
}

// shownKeys returns the enabled bindings that have help, each help key
// once, leaving out those whose help key is in skip.
func shownKeys(bs []key.Binding, skip map[string]bool) []key.Binding {
	var out []key.Binding
	for _, b := range bs {
		h := b.Help()
		if !b.Enabled() || h.Key == "" || skip[h.Key] {
			continue
		}
		skip[h.Key] = true
		out = append(out, b)
	}
	return out
}

// shortHelpLine draws the one help line of a screen in w cells: the
// screen's keys, then the tail (helpTail). The tail always stays; when the
// line is too long the screen's keys go from the right first, and only
// when the tail alone is too wide is it shown as its keys alone.
func shortHelpLine(st help.Styles, page []key.Binding, g globalKeys, typing bool, w int) string {
	tail := helpTail(g, typing)
	skip := map[string]bool{}
	for _, b := range tail {
		skip[b.Help().Key] = true
	}
	items := shownKeys(page, skip)
	item := func(b key.Binding) string {
		h := b.Help()
		return st.ShortKey.Render(h.Key) + " " + st.ShortDesc.Render(h.Desc)
	}
	sep := st.ShortSeparator.Render(helpSep)
	join := func(parts []string) string { return strings.Join(parts, sep) }
	tailParts := []string{item(tail[0]), item(tail[1])}
	for n := len(items); n >= 0; n-- {
		parts := make([]string, 0, n+2)
		for _, b := range items[:n] {
			parts = append(parts, item(b))
		}
		if line := join(append(parts, tailParts...)); lipgloss.Width(line) <= w {
			return line
		}
	}
	short := join([]string{st.ShortKey.Render(tail[0].Help().Key), st.ShortKey.Render(tail[1].Help().Key)})
	return truncate(short, w)
}

// fullHelpGroups returns a screen's full help with the global keys, each
// key once; "? more keys" is left out, since the full help is what it
// opens (? still closes it).
func fullHelpGroups(page [][]key.Binding, g globalKeys, typing bool) [][]key.Binding {
	skip := map[string]bool{g.Help.Help().Key: true}
	var out [][]key.Binding
	for _, group := range page {
		if shown := shownKeys(group, skip); len(shown) > 0 {
			out = append(out, shown)
		}
	}
	last := []key.Binding{g.Quit, g.ForceQuit}
	if typing {
		last = []key.Binding{typingDone, g.ForceQuit}
	}
	if shown := shownKeys(last, skip); len(shown) > 0 {
		out = append(out, shown)
	}
	return out
}
