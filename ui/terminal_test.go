package ui

import (
	"image/color"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestBackgroundAnswer: the first frame is drawn for the background stored
// last time (dark when none), the terminal's answer restyles the app and
// is stored for the next start, and a theme chosen in settings wins over
// it.
func TestBackgroundAnswer(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	if !hs.m.ctx.term.Dark {
		t.Fatalf("first start draws for a light background; want dark until told")
	}
	darkTitle := hs.m.ctx.styles.Title.GetForeground()
	hs.send(tea.BackgroundColorMsg{Color: color.White})
	if hs.m.ctx.term.Dark || hs.m.ctx.dark() {
		t.Fatalf("after a white background: dark %v, want false", hs.m.ctx.term.Dark)
	}
	if got, want := hs.m.ctx.styles.Title.GetForeground(), DefaultStyles(false).Title.GetForeground(); got != want || got == darkTitle {
		t.Errorf("title colour %v after a light answer, want the light style's %v", got, want)
	}
	if got := storedState(t, hs, backgroundKey); got != ThemeLight {
		t.Errorf("stored background %q, want %q", got, ThemeLight)
	}
	next := reopen(hs, "2026-11-26", 80, 24)
	if next.m.ctx.term.Dark {
		t.Errorf("the next start draws its first frame for a dark background; the terminal said light")
	}
	next.m.ctx.setTheme(ThemeDark)
	if !next.m.ctx.dark() {
		t.Errorf("the theme dark does not win over a light background")
	}
	next.send(tea.BackgroundColorMsg{Color: color.Black})
	if got := storedState(t, next, backgroundKey); got != ThemeDark {
		t.Errorf("stored background %q after a black answer, want %q", got, ThemeDark)
	}
}

// TestViewDeclaresTheTerminal: every frame, the first before the window
// size, a window too small, an ordinary screen, the last after quitting
// and the crash guard's, asks for the same terminal modes.
func TestViewDeclaresTheTerminal(t *testing.T) {
	t.Parallel()
	check := func(where string, v tea.View) {
		t.Helper()
		if !v.AltScreen || v.MouseMode != tea.MouseModeCellMotion || v.Cursor != nil {
			t.Errorf("%s: alt screen %v, mouse %v, cursor %v; want true, cell motion, none", where, v.AltScreen, v.MouseMode, v.Cursor)
		}
	}
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	check("home", hs.m.View())
	hs.send(tea.WindowSizeMsg{Width: 20, Height: 5})
	check("too small", hs.m.View())
	fresh := newModel(hs.m.ctx)
	check("before the window size", fresh.View())
	hs.send(tea.WindowSizeMsg{Width: 80, Height: 24})
	hs.send(openScreenMsg{screenGuide})
	check("guide", hs.m.View())
	g := &guard{inner: hs.m}
	check("guarded", g.View())
	g.crash = &PanicError{Stage: "view"} // as record leaves it, without a log file
	check("after a crash", g.View())
	hs.m.quitting, hs.m.exit.done = true, true
	check("quit", hs.m.View())
}
