package ui

import (
	"fmt"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// bindingKeys returns every key of every binding in a keymap struct.
func bindingKeys(bs ...key.Binding) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Keys()...)
	}
	return out
}

// homeAndCheckinKeys are all keys of the home and check-in keymaps, and a
// few that no binding uses.
func homeAndCheckinKeys() []string {
	h, c := defaultHomeKeyMap(), defaultCheckinKeyMap()
	keys := bindingKeys(h.Checkin, h.Morning, h.Why, h.Guide, h.Streak, h.History, h.Settings,
		h.Up, h.Down, h.Less, h.More, h.Digit, h.Half, h.Save, h.Cancel,
		c.Next, c.Back, c.Up, c.Down, c.Toggle, c.Why, c.Add, c.Switch, c.Remove, c.Earlier, c.Later, c.Digit, c.KindPick)
	return append(keys, "backspace", "pgdown", "home", "end", "ä", "日本")
}

// TestHomeCheckinAnySize sends every key of the home and check-in keymaps
// in windows from 0x0 to huge, on every check-in step and with the
// morning form open, and checks nothing panics and nothing is drawn wider
// or taller than the window.
func TestHomeCheckinAnySize(t *testing.T) {
	t.Parallel()
	keys := homeAndCheckinKeys()
	sizes := [][2]int{{0, 0}, {1, 1}, {10, 3}, {39, 11}, {40, 12}, {500, 200}}
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-25"), 40), size[0], size[1])
			check := func(where string) {
				t.Helper()
				v := hs.view()
				if size[0] > 0 && lipgloss.Width(v) > size[0] {
					t.Fatalf("%s: view is %d cells wide in a %d-cell window", where, lipgloss.Width(v), size[0])
				}
				if size[1] > 0 && lipgloss.Height(v) > size[1] {
					t.Fatalf("%s: view is %d lines in a %d-line window", where, lipgloss.Height(v), size[1])
				}
			}
			// The morning form, every key.
			hs.press("m")
			for _, k := range keys {
				if k == "esc" || k == "enter" || k == "ctrl+c" {
					continue
				}
				hs.press(k)
				check("morning form after " + k)
			}
			hs.press("esc")
			// Every check-in step, every key, then back to the step.
			for step := stepKind; step < numSteps; step++ {
				hs.send(editDayMsg{date: mustDate(t, "2026-11-26"), step: int(step)})
				for _, k := range keys {
					if k == "i" {
						continue // leaves for the guide; tested elsewhere
					}
					hs.press(k)
					check(fmt.Sprintf("step %v after %s", step, k))
					hs.m.quitting = false
					if hs.m.active != screenCheckin {
						hs.send(editDayMsg{date: mustDate(t, "2026-11-26"), step: int(step)})
					}
				}
			}
			hs.send(tea.WindowSizeMsg{Width: 0, Height: 0})
			check("resized to 0x0")
		})
	}
}
