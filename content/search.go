package content

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Match is one occurrence of a search query in the guide.
type Match struct {
	Section string // id of the section
	Heading string // text of the nearest heading at or above the match (the title in the lead)
	Line    int    // 1-based line in Section.Markdown where the match starts
	Col     int    // 1-based byte column in that line where the match starts
	Offset  int    // byte offset of the match in Section.Markdown
	Len     int    // byte length of the matched markdown; it may span a line break and markup
	Text    string // the line where the match starts, as plain text, for a list of results
}

// Matching rules, shared by Search, SearchSection and Find:
//
//   - case-insensitive, rune by rune with Unicode simple case mapping
//     (fold below), so "É" finds "é" and "STRESS" finds "stress";
//   - every run of white space, line breaks included, counts as one space in
//     the text and in the query, so a phrase split across lines is found;
//   - guide markup is invisible to search: "#" heading marks, "-" list and
//     ">" quote markers at the start of a line, and "*" emphasis marks;
//   - matches do not overlap and come in reading order;
//   - an empty or all-space query matches nothing.

// fold maps a rune to the representative used for case-insensitive
// comparison. Upper-casing first makes variants such as the long s or the
// final sigma meet their plain lower-case form.
func fold(r rune) rune {
	return unicode.ToLower(unicode.ToUpper(r))
}

// normalizeQuery folds a query and collapses its white space.
func normalizeQuery(q string) string {
	var b strings.Builder
	b.Grow(len(q))
	space := false
	for _, r := range q {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

// index is the searchable form of a text: folded, markup removed, white
// space collapsed, with a map from every byte back to the source.
type index struct {
	src   string
	text  string  // folded visible text
	from  []int32 // from[i]: source offset of the rune that produced text[i]
	lines []int   // source offsets where lines start
}

func newIndex(src string, markdown bool) *index {
	ix := &index{src: src, lines: []int{0}}
	var b strings.Builder
	b.Grow(len(src))
	from := make([]int32, 0, len(src))
	var buf [utf8.UTFMax]byte
	pending, pendingAt := false, 0
	for start := 0; start <= len(src); {
		end := strings.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		i := start
		if markdown {
			i = skipLineMarkup(src, start, end)
			if i > start && !pending {
				pending, pendingAt = true, start
			}
		}
		for i < end {
			r, size := utf8.DecodeRuneInString(src[i:])
			switch {
			case markdown && r == '*':
			case unicode.IsSpace(r):
				if !pending {
					pending, pendingAt = true, i
				}
			default:
				if pending && b.Len() > 0 {
					b.WriteByte(' ')
					from = append(from, int32(pendingAt))
				}
				pending = false
				n := utf8.EncodeRune(buf[:], fold(r))
				b.Write(buf[:n])
				for k := 0; k < n; k++ {
					from = append(from, int32(i))
				}
			}
			i += size
		}
		if end == len(src) {
			break
		}
		if !pending {
			pending, pendingAt = true, end
		}
		start = end + 1
		ix.lines = append(ix.lines, start)
	}
	ix.text = b.String()
	ix.from = from
	return ix
}

// skipLineMarkup returns the offset of the first visible byte of the line
// src[start:end]: leading white space, heading marks and list or quote
// markers are skipped.
func skipLineMarkup(src string, start, end int) int {
	i := start
	for i < end && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	j := i
	for j < end && src[j] == '#' {
		j++
	}
	if j > i && j < end && src[j] == ' ' {
		return j + 1
	}
	for i+1 < end && (src[i] == '>' || src[i] == '-' || src[i] == '+') && src[i+1] == ' ' {
		i += 2
		for i < end && src[i] == ' ' {
			i++
		}
	}
	return i
}

// find returns the source spans [start, end) of every match of the
// normalised query q.
func (ix *index) find(q string, fn func(start, end int)) {
	if q == "" {
		return
	}
	for pos := 0; pos+len(q) <= len(ix.text); {
		k := strings.Index(ix.text[pos:], q)
		if k < 0 {
			return
		}
		k += pos
		last := int(ix.from[k+len(q)-1])
		_, size := utf8.DecodeRuneInString(ix.src[last:])
		fn(int(ix.from[k]), last+size)
		pos = k + len(q)
	}
}

// line returns the 0-based line that holds source offset off.
func (ix *index) line(off int) int {
	return sort.Search(len(ix.lines), func(i int) bool { return ix.lines[i] > off }) - 1
}

var (
	indexOnce sync.Once
	indexes   []*index
)

func sectionIndexes() []*index {
	load()
	indexOnce.Do(func() {
		indexes = make([]*index, len(sections))
		for i, s := range sections {
			indexes[i] = newIndex(s.Markdown, true)
		}
	})
	return indexes
}

// Search returns every match of query in the whole guide, in reading order.
// It is case-insensitive and treats any run of white space as one space, so
// a phrase broken across lines is found. An empty query matches nothing.
func Search(query string) []Match {
	q := normalizeQuery(query)
	if q == "" {
		return nil
	}
	ixs := sectionIndexes()
	var out []Match
	for i := range sections {
		out = appendMatches(out, i, ixs[i], q)
	}
	return out
}

// SearchSection returns every match of query in one section, in order. It
// returns nil for an unknown section.
func SearchSection(id, query string) []Match {
	q := normalizeQuery(query)
	if q == "" {
		return nil
	}
	ixs := sectionIndexes()
	i, ok := byID[id]
	if !ok {
		return nil
	}
	return appendMatches(nil, i, ixs[i], q)
}

func appendMatches(out []Match, si int, ix *index, q string) []Match {
	s := &sections[si]
	ix.find(q, func(start, end int) {
		ln := ix.line(start)
		lineStart := ix.lines[ln]
		lineEnd := len(s.Markdown)
		if ln+1 < len(ix.lines) {
			lineEnd = ix.lines[ln+1] - 1
		}
		out = append(out, Match{
			Section: s.ID,
			Heading: headingAt(s, ln+1),
			Line:    ln + 1,
			Col:     start - lineStart + 1,
			Offset:  start,
			Len:     end - start,
			Text:    lineText(s.Markdown[lineStart:lineEnd]),
		})
	})
	return out
}

// headingAt returns the text of the last heading at or above line.
func headingAt(s *Section, line int) string {
	h := s.Title
	for _, hd := range s.Headings {
		if hd.Line > line {
			break
		}
		h = hd.Text
	}
	return h
}

// lineText returns a markdown line as plain text.
func lineText(line string) string {
	if _, text, ok := headingOf(line); ok {
		return text
	}
	t := strings.TrimSpace(line)
	for _, p := range []string{"> ", "- ", "+ "} {
		t = strings.TrimPrefix(t, p)
	}
	return plainText(t)
}

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Find returns the byte ranges of every match of query in text, under the
// same rules as Search but without treating any character as markup. The UI
// can use it to highlight matches in a rendered section after removing
// escape codes (ansi.Strip).
func Find(text, query string) []Span {
	q := normalizeQuery(query)
	if q == "" {
		return nil
	}
	var out []Span
	newIndex(text, false).find(q, func(start, end int) {
		out = append(out, Span{start, end})
	})
	return out
}
