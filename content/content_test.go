package content

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

func TestSectionsOrderAndIndex(t *testing.T) {
	secs := Sections()
	if got, want := len(secs), len(order); got != want {
		t.Fatalf("len(Sections()) = %d, want %d", got, want)
	}
	if got := IDs(); !slices.Equal(got, order) {
		t.Fatalf("IDs() = %v, want %v", got, order)
	}
	for i, s := range secs {
		if s.ID != order[i] {
			t.Errorf("Sections()[%d].ID = %q, want %q", i, s.ID, order[i])
		}
		if s.Title == "" {
			t.Errorf("%s: empty title", s.ID)
		}
		if len(s.Headings) == 0 || s.Headings[0] != (Heading{Level: 1, Text: s.Title, Line: 1, ID: HeadingID(s.Title)}) {
			t.Errorf("%s: first heading = %+v, want the title on line 1", s.ID, s.Headings)
		}
		lines := strings.Split(s.Markdown, "\n")
		for _, h := range s.Headings[1:] {
			if h.Level != 2 && h.Level != 3 {
				t.Errorf("%s: heading %q has level %d, want 2 or 3", s.ID, h.Text, h.Level)
			}
			if want := strings.Repeat("#", h.Level) + " " + h.Text; lines[h.Line-1] != want {
				t.Errorf("%s: line %d = %q, want %q", s.ID, h.Line, lines[h.Line-1], want)
			}
		}
		got, ok := Lookup(s.ID)
		if !ok || got.Title != s.Title || got.Markdown != s.Markdown {
			t.Errorf("Lookup(%q) = %q, %v; want the section", s.ID, got.Title, ok)
		}
	}
	if _, ok := Lookup("no-such-section"); ok {
		t.Error(`Lookup("no-such-section") found a section`)
	}
}

// TestEveryFileIsASection makes sure no markdown file is left out of order.
func TestEveryFileIsASection(t *testing.T) {
	files, err := fs.Glob(guideFS, "guide/*.md")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range files {
		ids = append(ids, strings.TrimSuffix(strings.TrimPrefix(f, "guide/"), ".md"))
	}
	want := slices.Sorted(slices.Values(order))
	if !slices.Equal(ids, want) {
		t.Errorf("files %v, want one per section %v", ids, want)
	}
}

// TestSummaries checks that every section opens with a two-line,
// two-sentence lead right under its title.
func TestSummaries(t *testing.T) {
	for _, s := range Sections() {
		lines := strings.Split(s.Markdown, "\n")
		// One emphasis per line: glamour's plain style mangles emphasis
		// that spans a line break, and its block quotes wrap badly.
		italic := func(l string) bool {
			return len(l) > 2 && l[0] == '*' && l[len(l)-1] == '*' && strings.Count(l, "*") == 2
		}
		if len(lines) < 5 || lines[1] != "" || !italic(lines[2]) || !italic(lines[3]) || lines[4] != "" {
			t.Errorf("%s: want a blank line, two italic lead lines and a blank line after the title", s.ID)
			continue
		}
		if n := strings.Count(s.Summary, ". ") + 1; n != 2 || !strings.HasSuffix(s.Summary, ".") {
			t.Errorf("%s: summary %q has %d sentences, want 2", s.ID, s.Summary, n)
		}
		if len(s.Summary) > 200 {
			t.Errorf("%s: summary is %d bytes long, want a short one", s.ID, len(s.Summary))
		}
	}
}

// TestMarkdownIsSimple keeps the markdown to headings, paragraphs, lists,
// block quotes and emphasis: no tables, code, links, HTML or emoji.
func TestMarkdownIsSimple(t *testing.T) {
	for _, s := range Sections() {
		for i, line := range strings.Split(s.Markdown, "\n") {
			where := s.ID + ":" + strconv.Itoa(i+1)
			switch {
			case strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "\t"):
				t.Errorf("%s: indented line would render as code: %q", where, line)
			case strings.ContainsAny(line, "`|<[]"):
				t.Errorf("%s: code, table, HTML or link markup: %q", where, line)
			case strings.HasSuffix(line, " ") && line != "":
				t.Errorf("%s: trailing space", where)
			case strings.HasPrefix(line, "  "):
				// glamour keeps a soft line break inside a list item as a
				// hard one after wrapping, leaving a stray short line.
				t.Errorf("%s: continuation line; keep each list item on one line", where)
			}
			for _, r := range line {
				if r > unicode.MaxASCII && !unicode.IsLetter(r) {
					t.Errorf("%s: non-ASCII symbol %q (emoji and fancy punctuation are not allowed)", where, r)
				}
			}
		}
		if !strings.HasSuffix(s.Markdown, "\n") || strings.HasSuffix(s.Markdown, "\n\n") {
			t.Errorf("%s: want exactly one final newline", s.ID)
		}
	}
}

// words splits text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

func TestWordCount(t *testing.T) {
	total := 0
	for _, s := range Sections() {
		n := len(words(s.Markdown))
		t.Logf("%-20s %4d words", s.ID, n)
		if s.ID != "sources" {
			total += n
		}
	}
	t.Logf("%-20s %4d words (sources excluded)", "total", total)
	// Issue 17 added two sections, the basics of eating to recover and the
	// safety notes where they are needed, so the guide is longer than its
	// first version; the bound still catches a section lost or duplicated.
	if total < 4000 || total > 6000 {
		t.Errorf("guide has %d words, want 4,000 to 6,000", total)
	}
}

// repoRoot returns the directory that holds go.mod.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
}

// TestNoCopiedRuns compares the guide with the brief it was written from
// (../shared/guide-facts.md next to the repository): no run of 8 words of
// the brief may appear in the guide. Shorter shared runs of 6 or 7 words are
// logged for a reviewer.
func TestNoCopiedRuns(t *testing.T) {
	path := filepath.Join(repoRoot(t), "..", "shared", "guide-facts.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("brief not available (%v); nothing to compare with", err)
	}
	src := words(string(b))
	const fail, warn = 8, 6
	runs := map[string]bool{}
	for i := 0; i+warn <= len(src); i++ {
		runs[strings.Join(src[i:i+warn], " ")] = true
	}
	for _, s := range Sections() {
		w := words(s.Markdown)
		for i := 0; i+warn <= len(w); i++ {
			if !runs[strings.Join(w[i:i+warn], " ")] {
				continue
			}
			n := warn
			for i+n < len(w) && strings.Contains(" "+strings.Join(src, " ")+" ", " "+strings.Join(w[i:i+n+1], " ")+" ") {
				n++
			}
			run := strings.Join(w[i:i+n], " ")
			if n >= fail {
				t.Errorf("%s: %d-word run copied from guide-facts.md: %q", s.ID, n, run)
			} else {
				t.Logf("%s: %d-word run shared with guide-facts.md: %q", s.ID, n, run)
			}
		}
	}
}

// TestLookupIgnoresCase: an id typed in any case finds its section, whose
// ID is the id as the guide writes it; a render of it is the same text.
func TestLookupIgnoresCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"sleep", "sleep"},
		{"SLEEP", "sleep"},
		{"Micro-Tears", "micro-tears"},
		{"BLOOD-FLOW", "blood-flow"},
	}
	for _, tt := range tests {
		s, ok := Lookup(tt.in)
		if !ok || s.ID != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.in, s.ID, ok, tt.want)
		}
		got, err := Render(tt.in, 60, StylePlain)
		want, _ := Render(tt.want, 60, StylePlain)
		if err != nil || got != want {
			t.Errorf("Render(%q) = %v, want the rendering of %q", tt.in, err, tt.want)
		}
	}
	for _, id := range []string{"sleeps", "blood flow", "ＳＬＥＥＰ", ""} {
		if _, ok := Lookup(id); ok {
			t.Errorf("Lookup(%q) found a section, want none", id)
		}
	}
}
