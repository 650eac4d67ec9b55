package content

import (
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"
)

var (
	testWidths = []int{40, 60, 80, 120, 200}
	allStyles  = []Style{StyleDark, StyleLight, StylePlain}
)

func TestRenderWidths(t *testing.T) {
	for _, id := range IDs() {
		for _, st := range allStyles {
			for _, w := range testWidths {
				out, err := Render(id, w, st)
				if err != nil {
					t.Fatalf("Render(%s, %d, %s): %v", id, w, st, err)
				}
				for i, line := range strings.Split(out, "\n") {
					if n := xansi.StringWidth(line); n > w {
						t.Errorf("Render(%s, %d, %s) line %d is %d wide: %q", id, w, st, i+1, n, xansi.Strip(line))
					}
				}
				s, _ := Lookup(id)
				if !strings.Contains(xansi.Strip(out), s.Title) && w >= 80 {
					t.Errorf("Render(%s, %d, %s) does not show the title %q", id, w, st, s.Title)
				}
			}
		}
	}
}

func TestRenderPlainHasNoEscapes(t *testing.T) {
	for _, w := range testWidths {
		out, err := RenderAll(w, StylePlain)
		if err != nil {
			t.Fatal(err)
		}
		if i := strings.IndexByte(out, 0x1b); i >= 0 {
			t.Fatalf("RenderAll(%d, plain) has an escape code at byte %d: %q", w, i, out[max(0, i-20):min(len(out), i+20)])
		}
	}
}

func TestRenderColouredHasEscapes(t *testing.T) {
	for _, st := range []Style{StyleDark, StyleLight} {
		out, err := Render("sleep", 80, st)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out, "\x1b[") {
			t.Errorf("Render(sleep, 80, %s) has no colour", st)
		}
	}
}

func TestRenderAllHasEverySection(t *testing.T) {
	out, err := RenderAll(100, StylePlain)
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, s := range Sections() {
		i := strings.Index(out, s.Title)
		if i <= last {
			t.Errorf("RenderAll: %q at %d, want after %d", s.Title, i, last)
		}
		last = i
	}
}

func TestRenderCache(t *testing.T) {
	resetCache()
	before := glamourCalls.Load()
	first, err := Render("diet", 73, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	if got := glamourCalls.Load() - before; got != 1 {
		t.Fatalf("first render made %d glamour calls, want 1", got)
	}
	second, err := Render("diet", 73, StyleDark)
	if err != nil {
		t.Fatal(err)
	}
	if got := glamourCalls.Load() - before; got != 1 {
		t.Errorf("second render of the same key made %d glamour calls in all, want 1", got)
	}
	if first != second {
		t.Error("cached render differs from the first one")
	}
	// Another width or style is another key.
	if _, err := Render("diet", 74, StyleDark); err != nil {
		t.Fatal(err)
	}
	if _, err := Render("diet", 73, StyleLight); err != nil {
		t.Fatal(err)
	}
	if got := glamourCalls.Load() - before; got != 3 {
		t.Errorf("three keys made %d glamour calls, want 3", got)
	}
}

func TestRenderWidthClamp(t *testing.T) {
	for _, w := range []int{-5, 0, 1, 10, MinWidth} {
		out, err := Render("overview", w, StylePlain)
		if err != nil {
			t.Fatalf("Render(overview, %d): %v", w, err)
		}
		for _, line := range strings.Split(out, "\n") {
			if n := xansi.StringWidth(line); n > MinWidth {
				t.Fatalf("Render(overview, %d) line is %d wide, want at most MinWidth %d", w, n, MinWidth)
			}
		}
	}
}

func TestRenderUnknownSection(t *testing.T) {
	if _, err := Render("no-such-section", 80, StyleDark); err == nil {
		t.Error("Render(unknown) returned no error")
	}
}

func TestRenderConcurrent(t *testing.T) {
	resetCache()
	done := make(chan string)
	for range 8 {
		go func() {
			out, _ := Render("hormones", 66, StyleDark)
			done <- out
		}()
	}
	first := <-done
	for range 7 {
		if out := <-done; out != first {
			t.Error("concurrent renders of one key differ")
		}
	}
}

func TestPlainHasNoTrailingBlanks(t *testing.T) {
	out, err := Render("sleep", 60, StylePlain)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(out, "\n") {
		if strings.HasSuffix(line, " ") {
			t.Fatalf("line %d of plain output ends in a blank: %q", i+1, line)
		}
	}
}
