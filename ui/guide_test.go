package ui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"cooldown/content"
)

// guideOf returns the app's guide screen.
func guideOf(hs *screenHarness) *guideModel { return hs.m.guide }

func TestGuideGolden(t *testing.T) {
	t.Parallel()
	for _, size := range goldenSizes {
		name := fmt.Sprintf("%dx%d", size[0], size[1])
		t.Run("contents/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
			hs.open(screenGuide)
			hs.golden()
		})
		t.Run("pager/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
			hs.send(openSectionMsg{"micro-tears"})
			hs.golden()
		})
		t.Run("search/"+name, func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
			hs.send(openSectionMsg{"overview"})
			hs.press("/")
			hs.typeText("inflammation")
			hs.press("enter", "n", "N") // and back to the first match
			hs.golden()
		})
	}
}

func TestGuideOpenSectionAndBack(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.open(screenHistory)
	hs.send(openSectionMsg{"sleep"})
	if hs.m.active != screenGuide {
		t.Fatalf("active screen = %v, want guide", hs.m.active)
	}
	hs.mustContain("Sleep: where most repair happens", "8/15")
	hs.press("esc")
	if hs.m.active != screenHistory {
		t.Fatalf("after esc the active screen is %v, want history (the screen that asked)", hs.m.active)
	}
}

func TestGuideContentsFilterAndNavigation(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.open(screenGuide)
	hs.mustContain("Contents", "Why training leaves you inflamed")
	hs.press("G")
	hs.mustContain("Sources and further reading", "About this guide")
	hs.press("g")
	hs.press("/")
	hs.typeText("cortisol")
	v := hs.view()
	if !strings.Contains(v, "Cause 4: hormones, cortisol above all") || strings.Contains(v, "Cause 1: tiny tears") {
		t.Fatalf("filter cortisol shows the wrong rows:\n%s", v)
	}
	hs.press("enter", "enter")
	hs.mustContain("5/15 Cause 4")
	hs.press("]")
	hs.mustContain("6/15 Acute and chronic")
	hs.press("[", "[")
	hs.mustContain("4/15 Cause 3")
	hs.press("tab")
	hs.mustContain("5/15 Cause 4")
	// esc from a section opened from the contents returns to them.
	hs.press("esc")
	hs.mustContain("Contents")
	if hs.m.active != screenGuide {
		t.Fatalf("esc in the pager left the guide")
	}
}

func TestGuidePagerKeys(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"diet"})
	g := guideOf(hs)
	page := g.vp.Height()
	steps := []struct {
		keys []string
		want func(n int) int
	}{
		{[]string{"j"}, func(int) int { return 1 }},
		{[]string{"ctrl+d"}, func(int) int { return 1 + page/2 }},
		{[]string{"ctrl+u"}, func(int) int { return 1 }},
		{[]string{"pgdown"}, func(int) int { return 1 + page }},
		{[]string{"pgup"}, func(int) int { return 1 }},
		{[]string{"G"}, func(n int) int { return n - page }},
		{[]string{"g"}, func(int) int { return 0 }},
	}
	for _, s := range steps {
		hs.press(s.keys...)
		if want := s.want(len(g.shown.lines)); g.vp.YOffset() != want {
			t.Errorf("after %v offset = %d, want %d", s.keys, g.vp.YOffset(), want)
		}
	}
	hs.send(wheel(false))
	if g.vp.YOffset() != 3 {
		t.Errorf("after a wheel turn down offset = %d, want 3", g.vp.YOffset())
	}
}

// plainSearch finds every case-insensitive occurrence of an ASCII word in
// the plain lines of a rendering: what a person's search of the screen
// text finds.
func plainSearch(r *rendered, word string) []segment {
	re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(word))
	var out []segment
	for ln, p := range r.plain {
		for _, loc := range re.FindAllStringIndex(p, -1) {
			out = append(out, segment{line: ln, start: ansi.StringWidth(p[:loc[0]]), end: ansi.StringWidth(p[:loc[1]])})
		}
	}
	return out
}

func TestGuideSearch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		word     string
		sections int // sections with a match; 0 for none
	}{
		{"curcumin", 2},
		{"inflammation", 13},
		{"cortisol", 1},
		{"xylophone", 0},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
			hs.send(openSectionMsg{"overview"})
			hs.press("/")
			hs.typeText(tt.word)
			hs.press("enter")
			g := guideOf(hs)
			if tt.sections == 0 {
				hs.mustContain(fmt.Sprintf("no match for %q", tt.word))
				return
			}
			// Every occurrence a plain text search of each rendered section
			// finds is a match, at the same cells, and nothing else is.
			total, withMatch := 0, 0
			for i, id := range g.ids {
				r := g.cache[g.key(i)]
				if r == nil {
					// Not rendered by the search: its source cannot
					// match, and its rendering must not either.
					var err error
					if r, err = renderNow(g.key(i)); err != nil {
						t.Fatal(err)
					}
					if n := len(plainSearch(r, tt.word)); n > 0 {
						t.Errorf("section %s was skipped by the search but holds %d matches", id, n)
					}
					continue
				}
				want := plainSearch(r, tt.word)
				var got []segment
				for _, k := range g.bySection[i] {
					got = append(got, g.matches[k].segs...)
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("section %s: matches %v, want %v", id, got, want)
				}
				total += len(want)
				if len(want) > 0 {
					withMatch++
				}
			}
			if withMatch != tt.sections {
				t.Errorf("sections with a match = %d, want %d", withMatch, tt.sections)
			}
			hs.mustContain(fmt.Sprintf("of %d, %s", total, nounCount(withMatch, "section", "sections")))
		})
	}
}

func TestGuideSearchHighlightsOnScreen(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"diet"})
	hs.press("/")
	hs.typeText("curcumin")
	hs.press("enter")
	g := guideOf(hs)
	if g.current < 0 || g.matches[g.current].section != g.cur {
		t.Fatalf("current match %d is not in the shown section", g.current)
	}
	// The line of the current match is on screen, marked in the margin,
	// and its text is unchanged apart from the marker.
	seg := g.matches[g.current].segs[0]
	if seg.line < g.vp.YOffset() || seg.line >= g.vp.YOffset()+g.vp.Height() {
		t.Fatalf("current match on line %d is off screen (offset %d)", seg.line, g.vp.YOffset())
	}
	lines := strings.Split(g.view(), "\n")
	got := strings.TrimRight(ansi.Strip(lines[seg.line-g.vp.YOffset()]), " ")
	want := "▶" + g.shown.plain[seg.line][1:]
	if got != want {
		t.Errorf("match line shows %q, want %q", got, want)
	}
}

func TestGuideHighlightKeepsCells(t *testing.T) {
	t.Parallel()
	line := "  \x1b[38;5;252mEat \x1b[1mturmeric\x1b[22m daily\x1b[m"
	plain := ansi.Strip(line)
	mark := func(s ...string) string { return "[" + strings.Join(s, "") + "]" }
	got := highlightLine(line, plain, []segment{{line: 0, start: 6, end: 14}}, mark, mark, []bool{false})
	if ansi.Strip(got) != "  Eat [turmeric] daily" {
		t.Errorf("highlighted line = %q", ansi.Strip(got))
	}
}

func TestGuideNextPreviousAcrossSections(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"overview"})
	hs.press("/")
	hs.typeText("foam roll")
	hs.press("enter")
	g := guideOf(hs)
	// "foam roll" is in blood-flow, putting-it-together and a title in sources.
	if len(g.matches) < 2 {
		t.Fatalf("matches = %d, want several", len(g.matches))
	}
	hs.mustContain("1 of ", "9/15 Blood flow")
	sections := map[string]bool{}
	for i := 1; i < len(g.matches); i++ {
		hs.press("n")
		hs.mustContain(fmt.Sprintf("%d of %d", i+1, len(g.matches)))
		sections[g.ids[g.cur]] = true
		if g.matches[g.current].section != g.cur {
			t.Fatalf("n: current match is in section %d, pager shows %d", g.matches[g.current].section, g.cur)
		}
	}
	if !sections["putting-it-together"] || !sections["blood-flow"] {
		t.Errorf("n visited %v, want blood-flow and putting-it-together", sections)
	}
	hs.press("n") // wraps to the first
	hs.mustContain(fmt.Sprintf("1 of %d", len(g.matches)), "9/15 Blood flow")
	hs.press("N") // and back to the last
	hs.mustContain(fmt.Sprintf("%d of %d", len(g.matches), len(g.matches)), "14/15 Sources")
	hs.press("esc") // clears the search first
	if g.query != "" || hs.m.active != screenGuide {
		t.Errorf("esc with a search: query %q, screen %v; want cleared, still guide", g.query, hs.m.active)
	}
}

func TestGuideLateRenderDropped(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"sleep"})
	g := guideOf(hs)
	old := g.shown
	// The window grows; the render for the new width is still running
	// when the one for the old width arrives late.
	_, cmd := hs.m.Update(windowSize(100, 30))
	if g.shown != nil && g.shown.key.width == 98 {
		t.Fatalf("shown before the render for the new width ran")
	}
	stale, err := renderNow(renderKey{"sleep", 50, g.style()})
	if err != nil {
		t.Fatal(err)
	}
	hs.send(guideRenderedMsg{key: stale.key, r: stale})
	if g.shown == stale {
		t.Fatalf("a render for width 50 was shown at width 98")
	}
	if _, ok := g.cache[stale.key]; ok {
		t.Fatalf("a render for an old width was cached")
	}
	hs.run(cmd)
	if g.shown == nil || g.shown.key.width != 98 || g.shown == old {
		t.Fatalf("after the render for the new width, shown = %+v, want width 98", g.shown)
	}
	for _, l := range strings.Split(hs.view(), "\n") {
		if w := ansi.StringWidth(l); w > 100 {
			t.Fatalf("line %q is %d cells wide in a 100-cell window", l, w)
		}
	}
}

func TestGuideSecondShowNoRender(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"diet"})
	g := guideOf(hs)
	// The next section was rendered in the background: ] shows it at
	// once, before any command runs.
	_, cmd := hs.m.Update(pressKey("]"))
	if g.shown == nil || g.shown.key.id != "blunting-adaptation" {
		t.Fatalf("] did not show the next section at once: %+v", g.shown)
	}
	hs.run(cmd)
	// Back to diet: from the guide's cache, at once.
	hs.m.Update(pressKey("["))
	if g.shown == nil || g.shown.key.id != "diet" {
		t.Fatalf("diet not shown at once from the cache")
	}
}

func TestGuideReadingPositionRestored(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"blood-flow"})
	hs.press("ctrl+d", "j", "j")
	g := guideOf(hs)
	want := g.vp.YOffset()
	hs.send(guideSaveMsg{seq: g.saveSeq}) // the position rested
	if v, _ := hs.st.State(guidePositionKey); v != fmt.Sprintf("blood-flow:%d:78", want) {
		t.Fatalf("stored position = %q, want blood-flow:%d:78", v, want)
	}

	// A new run over the same database opens the guide where it was left.
	next := openHarness(t, hs.st, "2026-11-27", 80, 24)
	next.open(screenGuide)
	g2 := guideOf(next)
	if g2.mode != guidePager || g2.ids[g2.cur] != "blood-flow" || g2.vp.YOffset() != want {
		t.Fatalf("restored mode %v section %s offset %d; want pager, blood-flow, %d", g2.mode, g2.ids[g2.cur], g2.vp.YOffset(), want)
	}
}

func TestGuideQuitSavesAPositionThatHadNotRested(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"blood-flow"})
	hs.press("ctrl+d", "j")
	g := guideOf(hs)
	hs.send(guideSaveMsg{seq: g.saveSeq})
	hs.press("j", "j") // and q before this position rests
	want := fmt.Sprintf("blood-flow:%d:78", g.vp.YOffset())
	if v, _ := hs.st.State(guidePositionKey); v == want {
		t.Fatalf("the position was saved before quitting; the test proves nothing")
	}
	_, cmd := hs.m.Update(pressKey("q"))
	if !hs.m.quitting || !g.writing() {
		t.Fatalf("q: quitting %v, saving %v; want both while the position is saved", hs.m.quitting, g.writing())
	}
	if v, _ := hs.st.State(guidePositionKey); v == want {
		t.Fatal("saved before the command ran")
	}
	hs.run(cmd)
	if v, _ := hs.st.State(guidePositionKey); v != want {
		t.Errorf("stored position after q = %q, want %q", v, want)
	}
	if g.writing() {
		t.Error("still saving after the save landed")
	}
}

func TestGuideTinyWindowsAndUnicode(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"overview"})
	for _, s := range [][2]int{{0, 0}, {1, 1}, {10, 3}, {40, 12}, {41, 13}, {200, 60}} {
		hs.send(windowSize(s[0], s[1]))
		_ = hs.view()
	}
	for _, q := range []string{"e\u0301", "漢字", "👩‍👩‍👧", "ſ", "  ", "[", "\\"} {
		hs.press("/")
		hs.typeText(q)
		hs.press("enter", "n", "N")
		_ = hs.view()
		hs.press("esc")
	}
	if _, ok := content.Lookup("overview"); !ok {
		t.Fatal("overview missing")
	}
}

func TestParsePosition(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want guidePosMsg
	}{
		{"sleep:12:78", guidePosMsg{id: "sleep", offset: 12, width: 78, ok: true}},
		{"sleep:12", guidePosMsg{id: "sleep", offset: 12, ok: true}},
		{"sleep:12:x", guidePosMsg{id: "sleep", offset: 12, ok: true}},
		{"", guidePosMsg{}},
		{"sleep", guidePosMsg{}},
		{":3", guidePosMsg{}},
		{"sleep:-1", guidePosMsg{}},
		{"sleep:a:78", guidePosMsg{}},
		{"a:1:2:3", guidePosMsg{}},
	}
	for _, tt := range tests {
		if got := parsePosition(tt.in); got != tt.want {
			t.Errorf("parsePosition(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestGuidePositionAtAnotherWidth(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 120, 30)
	if err := hs.st.SetState(guidePositionKey, "diet:20:118"); err != nil {
		t.Fatal(err)
	}
	next := openHarness(t, hs.st, "2026-11-26", 60, 30)
	next.open(screenGuide)
	g := guideOf(next)
	// Half the width, about twice the lines above the place.
	if g.ids[g.cur] != "diet" || g.vp.YOffset() != 20*118/58 {
		t.Fatalf("restored %s at %d, want diet at %d", g.ids[g.cur], g.vp.YOffset(), 20*118/58)
	}
}

func TestGuideEscNeverLoops(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		keys []string // from home; the last esc must reach home
	}{
		{"contents, section, back, back", []string{"enter", "esc", "esc"}},
		{"contents, section, contents, section, back x2", []string{"enter", "t", "enter", "esc", "esc"}},
		{"contents, section, contents, back, back", []string{"enter", "t", "esc", "esc"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
			hs.open(screenGuide)
			hs.press(tt.keys[:len(tt.keys)-1]...)
			if hs.m.active != screenGuide {
				t.Fatalf("left the guide before the last esc")
			}
			hs.press(tt.keys[len(tt.keys)-1])
			if hs.m.active != screenHome {
				t.Fatalf("after %v the screen is %v, want home", tt.keys, hs.m.active)
			}
		})
	}
}

// TestFirstSearchRendersOnlyWhatCanMatch: the first search renders the
// sections whose source holds the query, not the whole guide, so it
// answers as quickly as the later ones.
func TestFirstSearchRendersOnlyWhatCanMatch(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.send(openSectionMsg{"overview"})
	hs.press("/")
	hs.typeText("cortisol")
	hs.press("enter")
	g := guideOf(hs)
	hs.mustContain("1 of ")
	rendered := 0
	for i := range g.ids {
		if g.cache[g.key(i)] != nil {
			rendered++
		}
	}
	// overview (shown), the section after it (rendered ahead) and
	// hormones, where cortisol is.
	if rendered > 3 {
		t.Errorf("the search left %d of %d sections rendered, want at most 3", rendered, len(g.ids))
	}
}
