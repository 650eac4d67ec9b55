package ui

import (
	"fmt"
	"strings"
	"testing"

	"cooldown/coach"
)

func settingsOf(hs *screenHarness) *settingsModel {
	return hs.m.settings
}

func TestSettingsGolden(t *testing.T) {
	t.Parallel()
	for _, size := range goldenSizes {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
			hs.open(screenSettings)
			hs.press("right")
			hs.golden()
		})
	}
}

func TestSettingsSavedAndApplied(t *testing.T) {
	t.Parallel()
	// Days that are complete with 7 h of sleep and 3 diet groups.
	days := testHistory(mustDate(t, "2026-11-26"), 30)
	hs := newScreenHarness(t, "2026-11-26", days, 80, 24)
	before := hs.m.ctx.summary.Streak.Longest
	hs.open(screenSettings)
	hs.press("right", "right", "right") // sleep target 7 -> 8.5
	s, err := hs.st.Settings()
	if err != nil {
		t.Fatal(err)
	}
	if s.SleepTargetHours != 8.5 {
		t.Fatalf("stored sleep target = %v, want 8.5", s.SleepTargetHours)
	}
	if hs.m.ctx.settings.SleepTargetHours != 8.5 {
		t.Fatalf("app rules still have %v h", hs.m.ctx.settings.SleepTargetHours)
	}
	if after := hs.m.ctx.summary.Streak.Longest; after >= before {
		t.Errorf("longest streak %d -> %d; a higher sleep target should shorten it", before, after)
	}
	hs.mustContain("8.5 h")

	// Diet minimum 3 -> 9, then stopped at 9, saying so (no "out of range").
	hs.press("down")
	for range 6 {
		hs.press("right")
	}
	hs.press("right")
	hs.mustContain("9 groups", "9 groups is all of them")
	if v := hs.view(); strings.Contains(v, "range") || strings.Contains(v, "✗") {
		t.Errorf("a change past the limit shows an error:\n%s", v)
	}
	if s, _ := hs.st.Settings(); s.DietMinGroups != 9 {
		t.Fatalf("stored diet minimum = %d, want 9", s.DietMinGroups)
	}

	// Day start 4 -> 0, then stopped at 00:00.
	hs.press("down")
	for range 5 {
		hs.press("left")
	}
	hs.mustContain("00:00", "00:00 is the earliest start")
	if s, _ := hs.st.Settings(); s.DayStartHour != 0 {
		t.Fatalf("stored day start = %d, want 0", s.DayStartHour)
	}
	// Sleep target down to 6, then stopped there.
	hs.press("up", "up")
	for range 8 {
		hs.press("left")
	}
	hs.mustContain("6 h is the lowest sleep target")
	if s, _ := hs.st.Settings(); s.SleepTargetHours != 6 {
		t.Fatalf("stored sleep target = %v, want 6", s.SleepTargetHours)
	}
	hs.press("down", "up")
	if strings.Contains(hs.view(), "lowest") {
		t.Error("the limit notice stays after moving on")
	}
	hs.press("down", "down")

	// Theme: auto -> dark, stored as UI state and applied.
	hs.press("down", "right")
	if v, _ := hs.st.State(themeKey); v != ThemeDark {
		t.Fatalf("stored theme = %q, want dark", v)
	}
	if hs.m.ctx.theme != ThemeDark {
		t.Fatalf("app theme = %q, want dark", hs.m.ctx.theme)
	}
}

func TestSettingsLastChangeWins(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.open(screenSettings)
	m := settingsOf(hs)
	// Three quick changes before any write finishes: one write runs, the
	// others are folded into one more write of the latest value.
	var cmds []func()
	for range 3 {
		_, cmd := hs.m.Update(pressKey("right"))
		if cmd != nil {
			cmds = append(cmds, func() { hs.run(cmd) })
		}
	}
	if len(cmds) != 1 {
		t.Fatalf("%d writes started, want 1 while one is in flight", len(cmds))
	}
	cmds[0]()
	s, _ := hs.st.Settings()
	if s.SleepTargetHours != 8.5 || m.draft.SleepTargetHours != 8.5 {
		t.Fatalf("stored %v, shown %v; want 8.5", s.SleepTargetHours, m.draft.SleepTargetHours)
	}
	_ = coach.DefaultSettings()
}

// TestTooSmallSaysSizes checks that a window below the minimum says the
// size it has and the size it needs.
func TestTooSmallSaysSizes(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ w, h int }{{39, 12}, {40, 11}, {30, 5}} {
		hs := newScreenHarness(t, "2026-11-26", nil, c.w, c.h)
		v := hs.view()
		for _, want := range []string{"window too small", fmt.Sprintf("now %dx%d", c.w, c.h), fmt.Sprintf("needs %dx%d", minWidth, minHeight)} {
			if !strings.Contains(v, want) {
				t.Errorf("%dx%d shows %q, want %q", c.w, c.h, v, want)
			}
		}
	}
}
