package ui

import (
	"fmt"
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// keysOf returns every key of every binding in a keymap struct.
func keysOf(keymap any) []string {
	var out []string
	v := reflect.ValueOf(keymap)
	for i := 0; i < v.NumField(); i++ {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out = append(out, b.Keys()...)
		}
	}
	return out
}

// TestGuideStreakHistorySettingsAnySize presses every key of the guide,
// streak, history and settings keymaps in windows from 0x0 to huge, in
// every mode of those screens, and checks that nothing panics and nothing
// is drawn wider or taller than the window.
func TestGuideStreakHistorySettingsAnySize(t *testing.T) {
	t.Parallel()
	var keys []string
	for _, km := range []any{defaultGuideKeys(), defaultStreakKeys(), defaultHistoryKeys(), defaultSettingsKeys()} {
		keys = append(keys, keysOf(km)...)
	}
	keys = append(keys, "ä", "日本", "e\u0301", "👩‍👩‍👧", "backspace")
	sizes := [][2]int{{0, 0}, {1, 1}, {10, 3}, {39, 11}, {40, 12}, {41, 13}, {500, 200}}
	screens := []screen{screenGuide, screenStreak, screenHistory, screenSettings}
	for _, size := range sizes {
		for _, s := range screens {
			t.Run(fmt.Sprintf("%v/%dx%d", s, size[0], size[1]), func(t *testing.T) {
				hs := newScreenHarness(t, "2027-01-03", testHistory(mustDate(t, "2027-01-03"), 400), size[0], size[1])
				hs.open(s)
				for _, k := range keys {
					if k == "ctrl+c" || k == "q" {
						continue
					}
					if hs.m.active != s {
						hs.open(s) // a key left the screen (esc, enter on a day)
					}
					hs.press(k)
					v := hs.view()
					if size[0] > 0 && lipgloss.Width(v) > size[0] {
						t.Fatalf("after %q: view is %d cells wide in a %d-cell window:\n%s", k, lipgloss.Width(v), size[0], v)
					}
					if size[1] > 0 && lipgloss.Height(v) > size[1] {
						t.Fatalf("after %q: view is %d lines in a %d-line window:\n%s", k, lipgloss.Height(v), size[1], v)
					}
				}
				// Shrink and grow while the screen is open.
				for _, r := range sizes {
					hs.send(windowSize(r[0], r[1]))
					_ = hs.view()
				}
			})
		}
	}
}
