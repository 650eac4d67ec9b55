package content

import (
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
)

// TestRenderNoEarlyBreak checks that glamour wraps the guide cleanly: in no
// section, at no width from 40 to 120 columns, dark or plain, does a line
// break while the first word of the next line would have fitted on it. The
// room on a line is the width less the margins (2*margin). Lines that start
// a block (a heading, a list item) are not continuations, so the line
// before them is not checked. In a list glamour may also break after
// , . ; - + or |, so there the next line's first piece ends at the first of
// those; everywhere else lines break after a space or a hyphen.
func TestRenderNoEarlyBreak(t *testing.T) {
	// Light wraps as dark does: its colours differ, not its layout.
	for _, st := range []Style{StyleDark, StylePlain} {
		for w := 40; w <= 120; w++ {
			for _, id := range IDs() {
				out, err := Render(id, w, st)
				if err != nil {
					t.Fatal(err)
				}
				if bad := earlyBreaks(xansi.Strip(out), w-2*margin); len(bad) > 0 {
					t.Errorf("Render(%s, %d, %s) breaks early %d times, first:\n%s", id, w, st, len(bad), bad[0])
				}
			}
		}
	}
}

// earlyBreaks returns each place in a rendering where a line ends although
// the next line's first word fits in room after it.
func earlyBreaks(out string, room int) []string {
	lines := strings.Split(out, "\n")
	var bad []string
	inList := false
	for i := 0; i+1 < len(lines); i++ {
		cur := strings.TrimSpace(lines[i])
		next := strings.TrimSpace(lines[i+1])
		if cur == "" {
			inList = false
		}
		if strings.HasPrefix(cur, "• ") {
			inList = true
		}
		if cur == "" || next == "" || strings.HasPrefix(next, "• ") || strings.Trim(next, titleRule+headingRule) == "" {
			continue
		}
		first := next
		if j := strings.IndexByte(next, ' '); j >= 0 {
			first = next[:j]
		}
		if j := strings.IndexAny(first, "-"); j >= 0 && j+1 < len(first) {
			first = first[:j+1]
		}
		if inList {
			if j := strings.IndexAny(first, ",.;-+|"); j >= 0 {
				first = first[:j+1]
			}
		}
		used := xansi.StringWidth(strings.TrimRight(lines[i], " ")) - margin
		gap := 1
		if strings.HasSuffix(cur, "-") && !strings.HasSuffix(cur, " -") {
			gap = 0
		}
		if used+gap+xansi.StringWidth(first) <= room {
			bad = append(bad, lines[i]+"⏎\n"+lines[i+1])
		}
	}
	return bad
}
