package content

import (
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
)

// TestPlainHasNoMarkers checks that the plain rendering prints none of
// markdown's markers: no "#" before a heading, no "*" or "_" around
// emphasis, no "-" before a list item.
func TestPlainHasNoMarkers(t *testing.T) {
	for _, w := range []int{40, 80, 120} {
		out, err := RenderAll(w, StylePlain)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(out, "\n") {
			tl := strings.TrimSpace(l)
			if strings.HasPrefix(tl, "#") || strings.HasPrefix(tl, "- ") || strings.Contains(l, "*") || strings.Contains(l, "__") {
				t.Errorf("RenderAll(%d, plain) line %d has a markdown marker: %q", w, i+1, l)
			}
		}
	}
}

// TestPlainHeadingsUnderlined checks that every heading of every section
// is followed by a rule as wide as the heading, ═ under the title and ─
// under the others, at its indentation, and that list items keep their
// bullet.
func TestPlainHeadingsUnderlined(t *testing.T) {
	for _, w := range []int{40, 60, 80, 120} {
		for _, s := range Sections() {
			out, err := Render(s.ID, w, StylePlain)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(out, "\n")
			next := 0
			for i := 1; i < len(lines) && next < len(s.Headings); i++ {
				tl := strings.TrimSpace(lines[i])
				if tl == "" || strings.Trim(tl, titleRule+headingRule) != "" {
					continue
				}
				h := s.Headings[next]
				want := headingRule
				if h.Level == 1 {
					want = titleRule
				}
				above := strings.TrimSpace(lines[i-1])
				if !strings.HasSuffix(h.Text, above) {
					t.Errorf("Render(%s, %d, plain): rule %q under %q, want it under heading %q", s.ID, w, tl, above, h.Text)
				}
				// A wrapped heading's rule is as wide as its widest line.
				if strings.Trim(tl, want) != "" || xansi.StringWidth(tl) < xansi.StringWidth(above) {
					t.Errorf("Render(%s, %d, plain): rule under %q is %q, want at least %d of %q", s.ID, w, h.Text, tl, xansi.StringWidth(above), want)
				}
				if got, want := indentOf(lines[i]), indentOf(lines[i-1]); got != want {
					t.Errorf("Render(%s, %d, plain): rule under %q indented %d, want %d", s.ID, w, h.Text, got, want)
				}
				next++
			}
			if next != len(s.Headings) {
				t.Errorf("Render(%s, %d, plain) underlines %d headings, want %d", s.ID, w, next, len(s.Headings))
			}
			if items := strings.Count(s.Markdown, "\n- "); strings.Count(out, "• ") != items {
				t.Errorf("Render(%s, %d, plain) has %d bullets, want %d", s.ID, w, strings.Count(out, "• "), items)
			}
		}
	}
}

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

func TestUnderlineHeadings(t *testing.T) {
	heads := []Heading{{Level: 1, Text: "A *long* title"}, {Level: 2, Text: "Cool-down"}}
	tests := []struct{ name, in, want string }{
		{"one line each", "\n  A long title\n\n  text\n\n  Cool-down\n\n  more",
			"\n  A long title\n  ════════════\n\n  text\n\n  Cool-down\n  ─────────\n\n  more"},
		{"wrapped title, rule as wide as its widest line", "\n  A long\n  title\n\n  Cool-\n  down\n",
			"\n  A long\n  title\n  ══════\n\n  Cool-\n  down\n  ─────\n"},
		{"a paragraph that only starts like a heading", "\n  A long title and more\n\n  Cool-down\n",
			"\n  A long title and more\n\n  Cool-down\n"},
	}
	for _, tt := range tests {
		if got := underlineHeadings(tt.in, heads); got != tt.want {
			t.Errorf("%s: underlineHeadings(%q)\ngot  %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}
