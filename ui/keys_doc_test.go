package ui

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// keyRow is one row of the table in docs/keys.md.
type keyRow struct {
	line     int
	keys     []string
	bindings []string
	screens  []string
}

var backticked = regexp.MustCompile("`([^`]+)`")

// readKeyTable parses the "## Table" section of docs/keys.md.
func readKeyTable(t *testing.T) []keyRow {
	t.Helper()
	b, err := os.ReadFile("../docs/keys.md")
	if err != nil {
		t.Fatalf("read the key table: %v", err)
	}
	_, table, ok := strings.Cut(string(b), "\n## Table\n")
	if !ok {
		t.Fatal("docs/keys.md has no \"## Table\" section")
	}
	var rows []keyRow
	for i, line := range strings.Split(table, "\n") {
		cells := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		if len(cells) != 4 || strings.HasPrefix(strings.TrimSpace(cells[0]), "---") || strings.TrimSpace(cells[0]) == "Keys" {
			continue
		}
		r := keyRow{line: i}
		for _, m := range backticked.FindAllStringSubmatch(cells[0], -1) {
			r.keys = append(r.keys, m[1])
		}
		split := func(s string) []string {
			var out []string
			for _, f := range strings.Split(s, ",") {
				if f = strings.TrimSpace(f); f != "" {
					out = append(out, f)
				}
			}
			return out
		}
		r.bindings, r.screens = split(cells[2]), split(cells[3])
		if len(r.keys) == 0 || len(r.bindings) == 0 || len(r.screens) == 0 {
			t.Fatalf("docs/keys.md table line %d is not `keys` | meaning | bindings | screens: %q", i, line)
		}
		rows = append(rows, r)
	}
	if len(rows) < 20 {
		t.Fatalf("docs/keys.md table has %d rows, want the whole keyboard", len(rows))
	}
	return rows
}

// screenKeymaps are the keymaps of the screens, by the names the table
// uses.
func screenKeymaps() map[string]any {
	return map[string]any{
		"app":      defaultGlobalKeys(),
		"home":     defaultHomeKeyMap(),
		"check-in": defaultCheckinKeyMap(),
		"guide":    defaultGuideKeys(),
		"history":  defaultHistoryKeys(),
		"streak":   defaultStreakKeys(),
		"settings": defaultSettingsKeys(),
	}
}

// bindingsOf returns the key.Binding fields of a keymap struct by name.
func bindingsOf(km any) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(km)
	for i := 0; i < v.NumField(); i++ {
		if b, ok := v.Field(i).Interface().(key.Binding); ok {
			out[v.Type().Field(i).Name] = b
		}
	}
	return out
}

// TestKeymapsFollowKeyTable checks every keymap against docs/keys.md both
// ways: each key of each binding on each screen has a row naming that
// binding and screen, and each row's keys are bound on each screen it
// names, in one of the bindings it names.
func TestKeymapsFollowKeyTable(t *testing.T) {
	t.Parallel()
	rows := readKeyTable(t)
	maps := screenKeymaps()
	for screen, km := range maps {
		for name, b := range bindingsOf(km) {
			if len(b.Keys()) == 0 {
				t.Errorf("%s.%s has no keys", screen, name)
			}
			for _, k := range b.Keys() {
				found := slices.ContainsFunc(rows, func(r keyRow) bool {
					return slices.Contains(r.keys, k) && slices.Contains(r.bindings, name) && slices.Contains(r.screens, screen)
				})
				if !found {
					t.Errorf("%s: key %q of %s has no row in docs/keys.md", screen, k, name)
				}
			}
		}
	}
	for _, r := range rows {
		for _, screen := range r.screens {
			km, ok := maps[screen]
			if !ok {
				t.Errorf("docs/keys.md line %d names screen %q, want one of app, home, check-in, guide, history, streak, settings", r.line, screen)
				continue
			}
			bs := bindingsOf(km)
			for _, k := range r.keys {
				bound := slices.ContainsFunc(r.bindings, func(name string) bool {
					b, ok := bs[name]
					return ok && slices.Contains(b.Keys(), k)
				})
				if !bound {
					t.Errorf("docs/keys.md line %d: on %s, %q is in none of %v", r.line, screen, k, r.bindings)
				}
			}
		}
	}
}

// TestKeyRules checks the rules of docs/keys.md that hold for every
// screen: j/k beside the arrows wherever up/down move, ctrl+d/ctrl+u and
// f/b in every view that pages, h/l beside ←/→ except on home.
func TestKeyRules(t *testing.T) {
	t.Parallel()
	for screen, km := range screenKeymaps() {
		for name, b := range bindingsOf(km) {
			keys := b.Keys()
			has := func(k string) bool { return slices.Contains(keys, k) }
			if name == "FilterMove" {
				continue // typing in the filter: letters are text
			}
			if has("up") && !has("k") || has("down") && !has("j") {
				t.Errorf("%s.%s = %q: the arrows without k/j", screen, name, keys)
			}
			if screen != "home" && (has("left") && !has("h") || has("right") && !has("l")) {
				t.Errorf("%s.%s = %q: ←/→ without h/l", screen, name, keys)
			}
			switch name {
			case "PageUp":
				if !has("b") || !has("pgup") {
					t.Errorf("%s.PageUp = %q, want b and pgup", screen, keys)
				}
			case "PageDown":
				if !has("f") || !has("pgdown") {
					t.Errorf("%s.PageDown = %q, want f and pgdown", screen, keys)
				}
			case "HalfUp":
				if !has("ctrl+u") {
					t.Errorf("%s.HalfUp = %q, want ctrl+u", screen, keys)
				}
			case "HalfDown":
				if !has("ctrl+d") {
					t.Errorf("%s.HalfDown = %q, want ctrl+d", screen, keys)
				}
			}
		}
		bs := bindingsOf(km)
		_, pages := bs["PageUp"]
		_, halves := bs["HalfUp"]
		if pages != halves {
			t.Errorf("%s pages by a page but not half (or the other way)", screen)
		}
	}
}
