package content

import (
	"strings"
	"testing"
	"unicode/utf8"

	xansi "github.com/charmbracelet/x/ansi"
)

// sameLook compares two renderings cell by cell: the same runes, every
// printed rune in the same style and every space looking the same.
func sameLook(t *testing.T, name, orig, compact string) {
	t.Helper()
	if xansi.Strip(orig) != xansi.Strip(compact) {
		t.Fatalf("%s: text differs after compaction", name)
	}
	ol, cl := strings.Split(orig, "\n"), strings.Split(compact, "\n")
	if len(ol) != len(cl) {
		t.Fatalf("%s: %d lines, want %d", name, len(cl), len(ol))
	}
	var ost sgrState
	for i := range ol {
		if a, b := xansi.StringWidth(ol[i]), xansi.StringWidth(cl[i]); a != b {
			t.Fatalf("%s line %d: width %d, want %d", name, i+1, b, a)
		}
		oc, end, ok := parseLine(ol[i], ost, nil)
		ost = end
		if !ok {
			continue
		}
		// Compacted lines stand alone: they start in the default style.
		cc, cend, ok := parseLine(cl[i], sgrState{}, nil)
		if !ok || cend != (sgrState{}) {
			t.Fatalf("%s line %d: compacted line does not parse or does not end in the default style", name, i+1)
		}
		for k := range oc {
			a, b := oc[k], cc[k]
			if a.r != b.r {
				t.Fatalf("%s line %d cell %d: rune %q, want %q", name, i+1, k, b.r, a.r)
			}
			if a.r == ' ' && !blankLooksSame(a.style, b.style) || a.r != ' ' && a.style != b.style {
				t.Fatalf("%s line %d cell %d (%q): style %+v, want %+v", name, i+1, k, a.r, b.style, a.style)
			}
		}
	}
}

func TestCompactSGRKeepsTheLook(t *testing.T) {
	for _, id := range IDs() {
		s, _ := Lookup(id)
		for _, st := range []Style{StyleDark, StyleLight} {
			for _, w := range testWidths {
				orig, err := renderGlamour(s.Markdown, w, st)
				if err != nil {
					t.Fatal(err)
				}
				compact := compactSGR(orig)
				sameLook(t, id+"/"+st.String(), orig, compact)
				if id == "diet" && w == 80 && st == StyleDark {
					t.Logf("diet at 80, dark: %d bytes from glamour, %d compacted (markdown %d)", len(orig), len(compact), len(s.Markdown))
				}
				if len(compact) > len(orig)/2 {
					t.Errorf("%s/%s/%d: compacted to %d of %d bytes, want less than half", id, st, w, len(compact), len(orig))
				}
			}
		}
	}
}

func TestCompactSGR(t *testing.T) {
	const (
		red  = "\x1b[31m"
		bold = "\x1b[1m"
		bgB  = "\x1b[44m"
		rst  = "\x1b[0m"
	)
	tests := []struct {
		name, in, want string
	}{
		{"plain text", "hello world", "hello world"},
		{"padding loses its colour", red + "a" + rst + red + " " + rst + red + " " + rst, "\x1b[31ma  \x1b[m"},
		{"coloured spaces inside keep the run", red + "a" + rst + red + " " + rst + red + "b" + rst, "\x1b[31ma b\x1b[m"},
		{"background spaces stay", bgB + "a " + rst + " ", "\x1b[44ma \x1b[m "},
		{"style carried over a newline", red + "a\nb" + rst, "\x1b[31ma\x1b[m\n\x1b[31mb\x1b[m"},
		{"switch of style", red + "a" + rst + bold + "b" + rst, "\x1b[31ma\x1b[0;1mb\x1b[m"},
		{"unknown sequence left alone", "\x1b]8;;x\x1b\\a", "\x1b]8;;x\x1b\\a"},
		{"256 and true colours", "\x1b[38;5;252;48;2;1;2;3ma" + rst, "\x1b[38;5;252;48;2;1;2;3ma\x1b[m"},
		{"malformed extended colour", "\x1b[38;5ma", "\x1b[38;5ma"},
		{"one bad line keeps everything", "\x1b[31ma \x1b[0m\n\x1b[5x", "\x1b[31ma \x1b[0m\n\x1b[5x"},
	}
	for _, tt := range tests {
		if got := compactSGR(tt.in); got != tt.want {
			t.Errorf("%s: compactSGR(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		if xansi.Strip(compactSGR(tt.in)) != xansi.Strip(tt.in) {
			t.Errorf("%s: visible text changed", tt.name)
		}
	}
}

func BenchmarkCompactSGR(b *testing.B) {
	s, _ := Lookup("diet")
	orig, err := renderGlamour(s.Markdown, 80, StyleDark)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(orig)))
	b.ReportAllocs()
	for b.Loop() {
		compactSGR(orig)
	}
}

// FuzzCompactSGR checks that compaction never panics and never changes the
// visible text, whatever it is given.
func FuzzCompactSGR(f *testing.F) {
	for _, seed := range []string{
		"", "a", "\x1b[31ma \x1b[0m \n\x1b[1mb", "\x1b[38;5;252m \x1b[0m",
		"\x1b[38;5m", "\x1b[38;2;1;2m", "\x1b[48;5;63;1mX", "\x1b]8;;u\x1b\\t",
		"\x1b[", "\x1b[;m", "\xff", "\x1b[4m \x1b[24m ", "é\x1b[7m \x1b[m",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip("glamour output is valid UTF-8; xansi.Strip reads invalid bytes differently")
		}
		got := compactSGR(s)
		if xansi.Strip(got) != xansi.Strip(s) {
			t.Fatalf("compactSGR(%q) = %q: visible text differs", s, got)
		}
	})
}
