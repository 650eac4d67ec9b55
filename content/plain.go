package content

import (
	"strings"

	"charm.land/glamour/v2/ansi"
	xansi "github.com/charmbracelet/x/ansi"
)

// The plain style is the guide as clean text, for a pipe, a file or
// NO_COLOR: no escape codes and no markdown markers. glamour's own plain
// styles (notty, ascii) print "#", "##" and "*…*"; this one keeps the
// structure visible by layout alone:
//
//   - the section title is underlined with a rule of ═, the other headings
//     with a rule of ─, each rule as wide as its heading (see
//     underlineHeadings; glamour has no style for a rule under a heading);
//   - emphasis and strong text are plain text;
//   - list items start with "•", numbered items with "1.".
//
// The headings keep their case and their words, so the UI finds a heading's
// line and search finds a title in the plain rendering as in the others.

// Rules drawn under headings in the plain style.
const (
	titleRule   = "═"
	headingRule = "─"
)

// plainStyle returns the glamour style of StylePlain.
func plainStyle() ansi.StyleConfig {
	margin := uint(margin)
	return ansi.StyleConfig{
		Document: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{BlockPrefix: "\n", BlockSuffix: "\n"},
			Margin:         &margin,
		},
		BlockQuote: ansi.StyleBlock{Indent: ptr(uint(1)), IndentToken: ptr("│ ")},
		List:       ansi.StyleList{LevelIndent: 2},
		Heading: ansi.StyleBlock{
			StylePrimitive: ansi.StylePrimitive{BlockSuffix: "\n"},
		},
		HorizontalRule: ansi.StylePrimitive{Format: "\n" + strings.Repeat(headingRule, 8) + "\n"},
		Item:           ansi.StylePrimitive{BlockPrefix: "• "},
		Enumeration:    ansi.StylePrimitive{BlockPrefix: ". "},
		Task:           ansi.StyleTask{Ticked: "[x] ", Unticked: "[ ] "},
		ImageText:      ansi.StylePrimitive{Format: "Image: {{.text}}"},
		CodeBlock:      ansi.StyleCodeBlock{StyleBlock: ansi.StyleBlock{Margin: &margin}},
		Table: ansi.StyleTable{
			CenterSeparator: ptr("┼"),
			ColumnSeparator: ptr("│"),
			RowSeparator:    ptr("─"),
		},
		DefinitionDescription: ansi.StylePrimitive{BlockPrefix: "\n• "},
	}
}

func ptr[T any](v T) *T { return &v }

// underlineHeadings draws a rule under each heading of a plain rendering:
// under the title a rule of ═, under the others a rule of ─, indented as the
// heading and as wide as its widest line. heads are the section's headings
// in order; a heading is the run of lines, between blank lines, whose words
// are the heading's words (a long heading wraps over several lines). A
// heading not found is left without a rule; the tests check that none is.
func underlineHeadings(out string, heads []Heading) string {
	lines := strings.Split(out, "\n")
	res := make([]string, 0, len(lines)+len(heads))
	next := 0 // the heading looked for
	for i := 0; i < len(lines); i++ {
		res = append(res, lines[i])
		if next == len(heads) || strings.TrimSpace(lines[i]) == "" || (i > 0 && strings.TrimSpace(lines[i-1]) != "") {
			continue
		}
		end, ok := headingRun(lines, i, plainText(heads[next].Text))
		if !ok {
			continue
		}
		wide := 0
		for _, l := range lines[i:end] {
			wide = max(wide, xansi.StringWidth(strings.TrimSpace(l)))
		}
		rule := headingRule
		if heads[next].Level == 1 {
			rule = titleRule
		}
		indent := lines[i][:len(lines[i])-len(strings.TrimLeft(lines[i], " "))]
		res = append(res, lines[i+1:end]...)
		res = append(res, indent+strings.Repeat(rule, wide))
		i = end - 1
		next++
	}
	return strings.Join(res, "\n")
}

// headingRun reports whether the block of lines starting at start (up to
// the next blank line) reads text, and where that block ends.
func headingRun(lines []string, start int, text string) (end int, ok bool) {
	var b strings.Builder
	for end = start; end < len(lines); end++ {
		t := strings.TrimSpace(lines[end])
		if t == "" {
			break
		}
		if b.Len() > 0 && !strings.HasSuffix(b.String(), "-") {
			b.WriteByte(' ')
		}
		b.WriteString(t)
		if b.Len() > len(text) {
			return 0, false
		}
	}
	return end, b.String() == text
}
