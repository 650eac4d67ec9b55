// Package content holds cooldown's offline guide about inflammation after
// exercise: the text as embedded markdown (one file per section), a section
// index for tables of contents, case-insensitive search, and cached
// rendering with glamour.
//
// Package initialisation does no work beyond what the Go runtime does for
// the embedded files: sections are parsed on first use, search indexes are
// built on the first search, and nothing is rendered until asked for.
package content

import (
	"embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

//go:embed guide/*.md
var guideFS embed.FS

// order lists the section ids in reading order; each id is the base name of
// a markdown file in guide/.
var order = []string{
	"overview",
	"micro-tears",
	"immune-response",
	"oxidative-stress",
	"hormones",
	"acute-vs-chronic",
	"two-sides",
	"sleep",
	"blood-flow",
	"diet",
	"blunting-adaptation",
	"reading-your-numbers",
	"putting-it-together",
	"sources",
	"about",
}

// Section is one section of the guide.
type Section struct {
	ID       string    // stable id, e.g. "micro-tears"; used by checklist items and coach messages
	Title    string    // text of the section's "#" heading
	Summary  string    // the two-sentence lead under the title, markup removed, on one line
	Headings []Heading // every heading of the section, the title included, in order
	Markdown string    // the section's markdown source
}

// Heading is a heading inside a section.
type Heading struct {
	Level int    // 1 for the title, 2 for "##", and so on
	Text  string // the heading's text without the leading "#" marks
	Line  int    // 1-based line number in Section.Markdown
	ID    string // HeadingID(Text), made unique within the section by a "-2", "-3" suffix
}

var (
	parseOnce sync.Once
	sections  []Section
	byID      map[string]int
)

func load() {
	parseOnce.Do(func() {
		sections = make([]Section, 0, len(order))
		byID = make(map[string]int, len(order))
		for _, id := range order {
			b, err := guideFS.ReadFile("guide/" + id + ".md")
			if err != nil {
				// The file list is fixed at build time and checked by the
				// tests, so this is a programming error.
				panic("content: missing guide file for section " + id)
			}
			byID[id] = len(sections)
			sections = append(sections, parseSection(id, string(b)))
		}
	})
}

// parseSection builds the index entry of one markdown file: the title is
// the first "#" heading, the summary is the first paragraph after it.
func parseSection(id, md string) Section {
	s := Section{ID: id, Markdown: md}
	lines := strings.Split(md, "\n")
	var lead []string
	inLead, leadDone := false, false
	seen := map[string]int{}
	for i, line := range lines {
		if lvl, text, ok := headingOf(line); ok {
			hid := HeadingID(text)
			if seen[hid]++; seen[hid] > 1 {
				hid += "-" + strconv.Itoa(seen[hid])
			}
			s.Headings = append(s.Headings, Heading{Level: lvl, Text: text, Line: i + 1, ID: hid})
			if lvl == 1 && s.Title == "" {
				s.Title = text
			}
			if inLead {
				leadDone = true
			}
			continue
		}
		if s.Title == "" || leadDone {
			continue
		}
		t := strings.TrimSpace(line)
		switch {
		case t == "" && inLead:
			leadDone = true
		case t != "":
			inLead = true
			lead = append(lead, strings.TrimPrefix(strings.TrimPrefix(t, ">"), " "))
		}
	}
	s.Summary = plainText(strings.Join(lead, " "))
	return s
}

// headingOf reports whether line is an ATX heading and returns its level
// and text.
func headingOf(line string) (level int, text string, ok bool) {
	for level < len(line) && line[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level >= len(line) || line[level] != ' ' {
		return 0, "", false
	}
	return level, strings.TrimSpace(line[level+1:]), true
}

// plainText removes the emphasis marks the guide uses and collapses runs of
// white space.
func plainText(s string) string {
	s = strings.ReplaceAll(s, "*", "")
	return strings.Join(strings.Fields(s), " ")
}

// Sections returns every section of the guide in reading order. The slice
// is a copy; the sections share their (immutable) strings.
func Sections() []Section {
	load()
	out := make([]Section, len(sections))
	copy(out, sections)
	return out
}

// Lookup returns the section with the given id, matched without regard to
// case: "SLEEP" finds the section "sleep" (Section.ID is the id as the
// guide writes it).
func Lookup(id string) (Section, bool) {
	load()
	i, ok := byID[id]
	if !ok {
		i, ok = byID[strings.ToLower(id)]
	}
	if !ok {
		return Section{}, false
	}
	return sections[i], true
}

// IDs returns the section ids in reading order.
func IDs() []string {
	return append([]string(nil), order...)
}

// HeadingID returns the id of a heading with the given text: lower case,
// every run of characters other than letters and digits turned into one
// "-", none at either end. "Nuts and seeds" becomes "nuts-and-seeds",
// "Cause 1: tiny tears in muscle" becomes "cause-1-tiny-tears-in-muscle".
func HeadingID(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}

// HeadingIndex returns the index in s.Headings of the heading with the given
// id, or -1 when the section has none.
func (s Section) HeadingIndex(id string) int {
	for i, h := range s.Headings {
		if h.ID == id {
			return i
		}
	}
	return -1
}
