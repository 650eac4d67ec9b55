package content

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSearch(t *testing.T) {
	tests := []struct {
		name    string
		query   string
		want    int    // number of matches; -1 means "more than one"
		section string // section of the first match, if any
	}{
		{"once", "myositis", 1, "two-sides"},
		{"once, other case", "MYOSITIS", 1, "two-sides"},
		{"many times", "inflammation", -1, "overview"},
		{"nowhere", "zeppelin", 0, ""},
		{"empty", "", 0, ""},
		{"white space only", " \t\n ", 0, ""},
		{"across a line break in the markdown", "a blood clot in a deep vein", 1, "blood-flow"},
		{"across a line break, extra spaces in the query", "  the   small\tblood vessels near  ", 1, "two-sides"},
		{"across emphasis markup", "The helpful side. Soreness that starts", 1, "two-sides"},
		{"non-ASCII, lower case", "dugué", 1, "sources"},
		{"non-ASCII, upper case query", "DUGUÉ", 1, "sources"},
		{"non-ASCII, absent", "naïve", 0, ""},
		{"wide runes", "東京", 0, ""},
		{"invalid UTF-8", "\xff\xfe", 0, ""},
		{"heading text", "Cytokines: messages with two jobs", 1, "immune-response"},
		{"markup itself is not text", "**", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Search(tt.query)
			switch {
			case tt.want == -1 && len(got) < 2:
				t.Fatalf("Search(%q) = %d matches, want many", tt.query, len(got))
			case tt.want >= 0 && len(got) != tt.want:
				t.Fatalf("Search(%q) = %d matches %+v, want %d", tt.query, len(got), got, tt.want)
			}
			if len(got) > 0 && got[0].Section != tt.section {
				t.Errorf("Search(%q)[0].Section = %q, want %q", tt.query, got[0].Section, tt.section)
			}
			checkMatches(t, tt.query, got)
		})
	}
}

func TestSearchFields(t *testing.T) {
	got := Search("myositis")
	if len(got) != 1 {
		t.Fatalf("Search(myositis) = %+v, want one match", got)
	}
	m := got[0]
	s, _ := Lookup("two-sides")
	line := strings.Split(s.Markdown, "\n")[m.Line-1]
	if !strings.HasPrefix(strings.ToLower(line[m.Col-1:]), "myositis") {
		t.Errorf("line %d col %d points at %q, want myositis", m.Line, m.Col, line[m.Col-1:])
	}
	if m.Heading != "Muscle repair" {
		t.Errorf("Heading = %q, want %q", m.Heading, "Muscle repair")
	}
	if !strings.Contains(strings.ToLower(m.Text), "myositis") || strings.Contains(m.Text, "*") {
		t.Errorf("Text = %q, want the plain line holding the match", m.Text)
	}

	// A match in the lead, before any "##" heading, belongs to the title.
	lead := SearchSection("two-sides", "harmful twin")
	if len(lead) != 1 || lead[0].Heading != s.Title || lead[0].Line != 3 {
		t.Errorf("SearchSection(two-sides, harmful twin) = %+v, want one match on line 3 under the title", lead)
	}
}

// TestSearchOrder checks that matches come in reading order: sections in
// guide order, then by position.
func TestSearchOrder(t *testing.T) {
	got := Search("the")
	pos := map[string]int{}
	for i, id := range IDs() {
		pos[id] = i
	}
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if pos[a.Section] > pos[b.Section] || (a.Section == b.Section && a.Offset+a.Len > b.Offset) {
			t.Fatalf("match %d %+v comes before %+v", i, a, b)
		}
	}
	if len(got) < 100 {
		t.Errorf("Search(the) = %d matches, want hundreds", len(got))
	}
}

func TestSearchSection(t *testing.T) {
	all := Search("cytokines")
	var inImmune int
	for _, m := range all {
		if m.Section == "immune-response" {
			inImmune++
		}
	}
	got := SearchSection("immune-response", "Cytokines")
	if len(got) != inImmune || inImmune == 0 {
		t.Errorf("SearchSection(immune-response) = %d matches, want %d (non-zero)", len(got), inImmune)
	}
	if got := SearchSection("nope", "cytokines"); got != nil {
		t.Errorf("SearchSection(unknown id) = %+v, want nil", got)
	}
	if got := SearchSection("sleep", "  "); got != nil {
		t.Errorf("SearchSection(sleep, blank) = %+v, want nil", got)
	}
}

func TestFind(t *testing.T) {
	text := "  Café au LAIT,\n  café\tau   lait. CAFÉ"
	tests := []struct {
		query string
		want  []Span
	}{
		{"café au lait", []Span{{2, 15}, {19, 34}}},
		{"CAFÉ", []Span{{2, 7}, {19, 24}, {36, 41}}},
		{"lait, café", []Span{{11, 24}}},
		{"thé", nil},
		{" ", nil},
	}
	for _, tt := range tests {
		got := Find(text, tt.query)
		if len(got) != len(tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.query, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Find(%q) = %v, want %v", tt.query, got, tt.want)
				break
			}
		}
	}
}

// checkMatches verifies that every match points at text equal to the query
// under the search rules: the visible text of the matched span, folded and
// with white space collapsed, equals the normalised query.
func checkMatches(t *testing.T, query string, got []Match) {
	t.Helper()
	q := normalizeQuery(query)
	for _, m := range got {
		s, ok := Lookup(m.Section)
		if !ok {
			t.Fatalf("match in unknown section %q", m.Section)
		}
		lines := strings.Split(s.Markdown, "\n")
		if m.Line < 1 || m.Line > len(lines) || m.Col < 1 || m.Col > len(lines[m.Line-1]) {
			t.Fatalf("match %+v: line/col out of range", m)
		}
		off := 0
		for _, l := range lines[:m.Line-1] {
			off += len(l) + 1
		}
		off += m.Col - 1
		if off != m.Offset {
			t.Fatalf("match %+v: line/col give offset %d, want %d", m, off, m.Offset)
		}
		span := s.Markdown[m.Offset : m.Offset+m.Len]
		if !utf8.ValidString(span) {
			t.Fatalf("match %+v: span %q splits a rune", m, span)
		}
		if got := newIndex(span, true).text; got != q {
			t.Fatalf("match %+v: span %q reads %q, want %q", m, span, got, q)
		}
	}
}
