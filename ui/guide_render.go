package ui

import (
	"sort"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"cooldown/content"
)

// renderKey names one rendering of a guide section.
type renderKey struct {
	id    string
	width int
	style content.Style
}

// rendered is one section rendered by glamour and prepared for the pager:
// its lines, their plain text for search, and where its headings are. It is
// built in a command and never changed afterwards, so commands may read it.
type rendered struct {
	key      renderKey
	lines    []string // rendered lines, with escape codes
	plain    []string // the same lines without escape codes or trailing padding
	text     string   // plain joined by "\n": what search looks in
	folded   string   // text case-folded as content.Find folds it, to skip sections quickly
	starts   []int    // byte offset in text where each line starts
	headings []int    // line of each heading of the section (content.Section.Headings order), -1 when not found
}

// guideRenderedMsg carries a rendered section, or the error.
type guideRenderedMsg struct {
	key renderKey
	r   *rendered
	err error
}

// renderSection returns a command that renders a section off the update
// loop. content.Render caches per (id, width, style), so a section shown a
// second time at the same width costs no glamour work.
func renderSection(k renderKey) tea.Cmd {
	return func() tea.Msg {
		r, err := renderNow(k)
		return guideRenderedMsg{key: k, r: r, err: err}
	}
}

// renderNow renders and prepares a section; only commands call it.
func renderNow(k renderKey) (*rendered, error) {
	out, err := content.Render(k.id, k.width, k.style)
	if err != nil {
		return nil, err
	}
	sec, _ := content.Lookup(k.id)
	return prepare(k, out, sec), nil
}

// prepare splits a rendered section into lines, strips them for search and
// finds the lines of its headings.
func prepare(k renderKey, out string, sec content.Section) *rendered {
	out = strings.TrimRight(out, "\n")
	r := &rendered{key: k, lines: strings.Split(out, "\n")}
	r.plain = make([]string, len(r.lines))
	r.starts = make([]int, len(r.lines))
	var b strings.Builder
	for i, l := range r.lines {
		// Glamour pads every line to the width; search needs none of it.
		p := strings.TrimRight(ansi.Strip(l), " ")
		r.plain[i] = p
		r.starts[i] = b.Len()
		if i > 0 {
			r.starts[i]++
			b.WriteByte('\n')
		}
		b.WriteString(p)
	}
	r.text = b.String()
	r.folded = foldText(r.text)
	r.headings = make([]int, len(sec.Headings))
	line := 0
	for i, h := range sec.Headings {
		r.headings[i] = -1
		for j := line; j < len(r.plain); j++ {
			t := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(r.plain[j]), "#"))
			wrapped := len(t) >= len(h.Text)/2 && strings.HasPrefix(h.Text, t)
			if t != "" && h.Text != "" && (wrapped || strings.HasPrefix(t, h.Text)) {
				r.headings[i], line = j, j+1
				break
			}
		}
	}
	return r
}

// lineAt returns the line that holds byte offset off of r.text.
func (r *rendered) lineAt(off int) int {
	return sort.Search(len(r.starts), func(i int) bool { return r.starts[i] > off }) - 1
}

// segment is the part of a search match on one rendered line, in cells.
type segment struct {
	line       int
	start, end int // cells [start, end)
}

// guideMatch is one occurrence of the query in a rendered section. A match
// of a phrase broken across lines has one segment per line.
type guideMatch struct {
	section int // index in the guide's sections
	segs    []segment
}

// findMatches returns every match of query in a rendered section, in the
// cells of its lines. It searches the plain text of the rendering with
// content.Find, so it finds what a plain text search of the rendered
// section finds.
func findMatches(r *rendered, section int, query string) []guideMatch {
	if !mayMatch(r.folded, query) {
		return nil
	}
	spans := content.Find(r.text, query)
	if len(spans) == 0 {
		return nil
	}
	out := make([]guideMatch, 0, len(spans))
	for _, sp := range spans {
		m := guideMatch{section: section}
		for ln := r.lineAt(sp.Start); ln < len(r.plain) && r.starts[ln] < sp.End; ln++ {
			p := r.plain[ln]
			from := max(sp.Start-r.starts[ln], 0)
			to := min(sp.End-r.starts[ln], len(p))
			if from > 0 || to < len(p) || len(m.segs) > 0 {
				// Leave out the margin and padding a match runs through
				// where it spans lines.
				if from == 0 {
					from = len(p) - len(strings.TrimLeft(p, " "))
				}
				if to == len(p) && sp.End-r.starts[ln] > len(p) {
					to = len(strings.TrimRight(p, " "))
				}
			}
			if to <= from {
				continue
			}
			m.segs = append(m.segs, segment{line: ln, start: ansi.StringWidth(p[:from]), end: ansi.StringWidth(p[:to])})
		}
		if len(m.segs) > 0 {
			out = append(out, m)
		}
	}
	return out
}

// guideSearchMsg carries the matches of a query in every section, rendered
// at one width and style, and the renderings the search made.
type guideSearchMsg struct {
	query   string
	width   int
	style   content.Style
	matches []guideMatch
	renders []*rendered // one per section, in reading order
	err     error
}

// searchGuide returns a command that searches every section of the guide
// as rendered at width in style. have holds the renderings already made
// (nil where missing); the command renders the others.
func searchGuide(query string, width int, style content.Style, ids []string, have []*rendered) tea.Cmd {
	return func() tea.Msg {
		msg := guideSearchMsg{query: query, width: width, style: style, renders: make([]*rendered, len(ids))}
		for i, id := range ids {
			r := have[i]
			if r == nil {
				// A section not rendered yet is rendered only when its
				// source can hold a match: the first search then renders
				// a few sections, not the whole guide. Matches still come
				// from the rendered text.
				if !sourceMayMatch(id, query) {
					continue
				}
				var err error
				if r, err = renderNow(renderKey{id, width, style}); err != nil {
					msg.err = err
					return msg
				}
			}
			msg.renders[i] = r
			msg.matches = append(msg.matches, findMatches(r, i, query)...)
		}
		return msg
	}
}

// highlightLine re-styles the cells of segs on one rendered line, keeping
// the line's own escape codes around them.
func highlightLine(line, plain string, segs []segment, match, current func(...string) string, cur []bool) string {
	var b strings.Builder
	pos := 0
	for i, s := range segs {
		if s.start > pos {
			b.WriteString(ansi.Cut(line, pos, s.start))
		}
		text := ansi.Cut(plain, s.start, s.end)
		if cur[i] {
			b.WriteString(current(text))
		} else {
			b.WriteString(match(text))
		}
		pos = s.end
	}
	b.WriteString(ansi.TruncateLeft(line, pos, ""))
	return b.String()
}

// fold maps a rune as content.Find does for its case-insensitive match.
func fold(r rune) rune { return unicode.ToLower(unicode.ToUpper(r)) }

// foldText folds every rune of s.
func foldText(s string) string { return strings.Map(fold, s) }

// sourceMayMatch reports whether the markdown of section id can hold a
// match of query (mayMatch on its folded source). Markup only adds
// characters around words, so a word the rendered text holds is in the
// source too.
func sourceMayMatch(id, query string) bool {
	sec, ok := content.Lookup(id)
	return !ok || mayMatch(foldText(sec.Markdown), query)
}

// mayMatch reports whether query can match in a text whose folded form is
// folded: every match of content.Find holds each word of the query, folded,
// as a substring, so a section without the query's longest word has no
// match and need not be indexed.
func mayMatch(folded, query string) bool {
	longest := ""
	for _, w := range strings.FieldsFunc(query, unicode.IsSpace) {
		if len(w) > len(longest) {
			longest = w
		}
	}
	return strings.Contains(folded, foldText(longest))
}
