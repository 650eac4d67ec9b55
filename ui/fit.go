package ui

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Cutting text to a width without cutting a word.

// wordRune reports whether r is part of a word: a cut between two of them
// cuts the word.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(".,'’%-:/()", r)
}

// fitWords cuts each line of s (which may hold escape codes) to at most w
// cells. A line that loses words is cut after its last whole word that
// fits with "…" after it, never inside a word, and separators such as
// " · " before the cut go too; a line that loses only graphics (bars,
// rules) is cut where it falls. A single word wider than w is cut to w-1
// cells and "…".
func fitWords(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if !strings.Contains(s, "\n") {
		return fitLineWords(s, w)
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = fitLineWords(l, w)
	}
	return strings.Join(lines, "\n")
}

// wordEnd reports whether a word can end with r before a "…".
func wordEnd(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ')' || r == '%'
}

func fitLineWords(s string, w int) string {
	if ansi.StringWidth(s) <= w {
		return s
	}
	runes := []rune(ansi.Strip(s))
	// width[i] is the cell width of runes[:i].
	width := make([]int, len(runes)+1)
	for i, r := range runes {
		width[i+1] = width[i] + ansi.StringWidth(string(r))
	}
	// n is how many runes fit in w cells.
	n := 0
	for n < len(runes) && width[n+1] <= w {
		n++
	}
	lost := strings.IndexFunc(string(runes[n:]), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
	if !lost {
		return strings.TrimRight(ansi.Truncate(s, w, ""), " ")
	}
	if w == 1 {
		return "…"
	}
	// End after the last whole word that leaves room for "…".
	for i := n; i > 0; i-- {
		if (i == len(runes) || !wordRune(runes[i])) && wordEnd(runes[i-1]) && width[i] <= w-1 {
			return ansi.Truncate(s, width[i], "") + "…"
		}
	}
	return ansi.Truncate(s, w-1, "") + "…"
}

// viewLines is how many lines of a scrolled text of n lines show in h
// lines: all h when it fits, else h-1, the last line saying where the view
// is (scrollWindow).
func viewLines(n, h int) int {
	if n <= h || h < 2 {
		return max(h, 1)
	}
	return h - 1
}

// scrollWindow returns the lines of a scrolled text shown in h lines from
// line off: all of them when they fit, else viewLines of them and a line
// that says which lines show and whether more are below or above.
func scrollWindow(st Styles, lines []string, off, h, w int) string {
	n := viewLines(len(lines), h)
	off = clampInt(off, 0, max(len(lines)-n, 0))
	end := min(len(lines), off+n)
	shown := strings.Join(lines[off:end], "\n")
	if len(lines) <= h || h < 2 {
		return shown
	}
	where := fmt.Sprintf("lines %d–%d of %d", off+1, end, len(lines))
	switch {
	case end < len(lines) && off > 0:
		where += " · ↑↓ more"
	case end < len(lines):
		where += " · ↓ more"
	default:
		where += " · ↑ more"
	}
	return shown + "\n" + truncate(st.Muted.Render(where), w)
}
