package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
)

// TestCheckinWholeFlow completes a check-in by keys from home and checks
// both what is stored (read back from the file) and what is shown.
func TestCheckinWholeFlow(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	today := mustDate(t, "2026-11-26")
	hs.mustContain("Check-in not started", "start check-in")

	hs.press("enter")
	if activeScreen(hs) != screenCheckin {
		t.Fatalf("enter on home opened %v, want check-in", activeScreen(hs))
	}
	hs.mustContain("Step 1 of 7", "Workout", "Strength", "Intervals / HIIT")

	hs.press("down", "enter") // intervals
	hs.mustContain("Step 2 of 7", "Minutes", "intervals / HIIT session")
	if d, _ := storedDay(t, hs, today); len(d.Workouts) != 1 || d.Workouts[0].Kind != coach.Intervals {
		t.Fatalf("after the kind step the store holds %+v, want one intervals workout", d.Workouts)
	}

	// Invalid minutes are refused inline, keep what was typed, and are
	// never stored.
	for _, typed := range []string{"0", "700", "abc"} {
		hs.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
		hs.typeText(typed)
		hs.mustContain("minutes: allowed 1 to 600", typed)
		hs.press("enter")
		hs.mustContain("Step 2 of 7", "minutes: allowed 1 to 600", typed)
	}
	if d, _ := storedDay(t, hs, today); d.Workouts[0].Minutes != defaultMinutes {
		t.Fatalf("a refused value reached the store: %d minutes", d.Workouts[0].Minutes)
	}
	hs.press("backspace", "backspace", "backspace")
	hs.typeText("50")
	hs.press("enter")
	hs.mustContain("Step 3 of 7", "Effort", "very easy", "maximal")

	hs.press("8") // a digit chooses and moves on
	hs.mustContain("Step 4 of 7", "Blood flow", "0 done, 1 needed")
	hs.press("down", "down", "space") // foam rolling
	hs.mustContain("[x] Foam rolling", "1 done, 1 needed")
	hs.press("tab")
	hs.mustContain("Step 5 of 7", "Diet", "0 done, 3 needed")
	hs.press("space", "down", "space", "down", "down", "space")
	hs.mustContain("3 done, 3 needed")
	hs.press("enter")
	hs.mustContain("Step 6 of 7", "Sleep plan", "When will you go to bed tonight?", "Advice: aim for 8 h tonight", "hard day: intervals at RPE 8", "7 h meets your target", "22:30", "06:30")
	hs.press("right", "right") // 23:00
	hs.mustContain("23:00", "07:00")
	hs.press("enter")
	hs.mustContain("Step 7 of 7", "Summary", "pending", "sleep: asked tomorrow morning on home (target 7 h; 8 h advised)")
	hs.press("enter")
	if activeScreen(hs) != screenHome {
		t.Fatalf("finishing the check-in left %v on screen, want home", activeScreen(hs))
	}
	hs.mustContain("Check-in finished", "status: pending", "check-in saved")

	d, ok := storedDay(t, hs, today)
	if !ok {
		t.Fatal("no day stored")
	}
	want := coach.Workout{ID: 1, Kind: coach.Intervals, Minutes: 50, RPE: 8} // the store gives the id
	if len(d.Workouts) != 1 || d.Workouts[0] != want {
		t.Errorf("stored workouts = %+v, want [%+v]", d.Workouts, want)
	}
	gotItems := fmt.Sprint(d.DoneItems())
	if wantItems := "[foam-rolling fatty-fish berries nuts-seeds]"; gotItems != wantItems {
		t.Errorf("stored items = %s, want %s", gotItems, wantItems)
	}
	if d.Bedtime == nil || d.Bedtime.String() != "23:00" {
		t.Errorf("stored bedtime = %v, want 23:00", d.Bedtime)
	}
	if got := d.Status(coach.DefaultSettings()); got != coach.StatusPending {
		t.Errorf("status = %v, want pending", got)
	}
	if got := storedState(t, hs, checkinStepKey(today)); got != stepDoneName {
		t.Errorf("stored step = %q, want %q", got, stepDoneName)
	}
}

// TestCheckinResumesAfterQuit quits in the middle of the diet step and
// finds everything, and the step, in a new run.
func TestCheckinResumesAfterQuit(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.press("enter", "1", "enter", "enter", "space", "enter") // strength, defaults, massage
	hs.press("down", "space")                                  // berries
	hs.mustContain("Step 5 of 7", "[x] Berries")
	hs.press("q")

	again := reopen(hs, "2026-11-26", 80, 24)
	again.mustContain("Check-in step 5 of 7 (diet)", "continue check-in")
	again.press("enter")
	again.mustContain("Step 5 of 7", "[x] Berries", "1 done, 3 needed")
	d, _ := storedDay(t, again, mustDate(t, "2026-11-26"))
	if !d.IsDone(coach.Massage) || !d.IsDone(coach.Berries) || len(d.Workouts) != 1 {
		t.Fatalf("stored day lost a change: %+v", d)
	}
}

// TestCheckinBackAndForthKeepsEverything goes back over every step and
// forward again; nothing changes and typed text survives.
func TestCheckinBackAndForthKeepsEverything(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.press("enter", "3") // endurance
	hs.press("backspace", "backspace")
	hs.typeText("90")
	hs.press("enter", "6", "space", "enter")
	hs.mustContain("Step 5 of 7")
	hs.press("esc", "shift+tab", "esc")
	hs.mustContain("Step 2 of 7", "90")
	hs.press("backspace")
	hs.typeText("x")
	hs.press("esc") // back with an invalid value keeps it on screen
	hs.mustContain("Step 1 of 7", "Endurance")
	hs.press("tab")
	hs.mustContain("Step 2 of 7", "9x", "minutes: allowed 1 to 600")
	hs.press("backspace")
	hs.typeText("5")
	hs.press("tab", "tab", "tab")
	hs.mustContain("Step 5 of 7")
	d, _ := storedDay(t, hs, mustDate(t, "2026-11-26"))
	want := coach.Workout{ID: 1, Kind: coach.Endurance, Minutes: 95, RPE: 6}
	if len(d.Workouts) != 1 || d.Workouts[0] != want || !d.IsDone(coach.Massage) {
		t.Fatalf("stored %+v, want one %+v and massage", d, want)
	}
}

// TestCheckinWhyKeyReturnsToSameItem opens the guide from a diet item and
// comes back to the same item under the cursor.
func TestCheckinWhyKeyReturnsToSameItem(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	hs.press("enter", "1", "enter", "enter", "enter") // to diet
	hs.press("down", "down", "down")
	hs.mustContain("› [ ] Nuts and seeds")
	hs.press("i")
	if activeScreen(hs) != screenGuide {
		t.Fatalf("i opened %v, want the guide", activeScreen(hs))
	}
	hs.mustContain("Diet")
	hs.press("esc")
	if activeScreen(hs) != screenCheckin {
		t.Fatalf("esc from the guide went to %v, want the check-in", activeScreen(hs))
	}
	hs.mustContain("Step 5 of 7", "› [ ] Nuts and seeds")

	// The summary's coach message links its section too.
	hs.press("enter", "enter")
	hs.mustContain("Step 7 of 7", "(i)")
	hs.press("i")
	if activeScreen(hs) != screenGuide {
		t.Fatalf("i on the summary opened %v, want the guide", activeScreen(hs))
	}
	hs.press("esc")
	hs.mustContain("Step 7 of 7")
}

// TestCheckinSeveralWorkouts adds a second workout, edits the first and
// removes one.
func TestCheckinSeveralWorkouts(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	today := mustDate(t, "2026-11-26")
	hs.press("enter", "1") // strength
	hs.press("backspace", "backspace")
	hs.typeText("40")
	hs.press("esc")
	hs.mustContain("Workouts:", "1 Strength 40 min")
	hs.press("a")
	hs.mustContain("[+ new]", "Adding workout 2")
	hs.press("3") // endurance
	hs.mustContain("Step 2 of 7", "endurance session")
	hs.press("esc")
	hs.mustContain("2 Endurance 45 min", "Editing workout 2 of 2")
	hs.press("[")
	hs.mustContain("Editing workout 1 of 2")
	hs.press("down", "enter") // strength -> intervals
	d, _ := storedDay(t, hs, today)
	if len(d.Workouts) != 2 || d.Workouts[0].Kind != coach.Intervals || d.Workouts[0].Minutes != 40 || d.Workouts[1].Kind != coach.Endurance {
		t.Fatalf("stored workouts = %+v", d.Workouts)
	}
	hs.press("esc", "]", "d")
	d, _ = storedDay(t, hs, today)
	if len(d.Workouts) != 1 || d.Workouts[0].Kind != coach.Intervals {
		t.Fatalf("after removing workout 2: %+v", d.Workouts)
	}
	hs.mustContain("removed workout 2")
}

// TestCheckinEditPastDay opens a past day as history does and stores
// changes on that date, not today.
func TestCheckinEditPastDay(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	past := mustDate(t, "2026-11-20")
	hs.send(editDayMsg{date: past, step: 0})
	hs.mustContain("Step 1 of 7", "editing Fri 20 Nov 2026")
	hs.press("4", "enter", "enter", "space", "enter", "space", "enter", "enter")
	hs.mustContain("Step 7 of 7")
	hs.press("enter")
	hs.mustContain("saved Fri 20 Nov 2026")
	d, ok := storedDay(t, hs, past)
	if !ok || len(d.Workouts) != 1 || d.Workouts[0].Kind != coach.Sport || !d.IsDone(coach.Massage) || !d.IsDone(coach.FattyFish) {
		t.Fatalf("past day stored as %+v", d)
	}
	if _, ok := storedDay(t, hs, mustDate(t, "2026-11-26")); ok {
		t.Fatal("editing a past day wrote today")
	}
}

// TestCheckinKeysFollowStep checks that the short help shows the keys of
// the current step only.
func TestCheckinKeysFollowStep(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 120, 30)
	hs.press("enter")
	help := func() string { return hs.m.helpView() }
	if h := help(); !strings.Contains(h, "choose") || strings.Contains(h, "tick") || strings.Contains(h, "add workout") {
		t.Errorf("kind step help = %q", h)
	}
	hs.press("1")
	if h := plain(help()); strings.Contains(h, "q quit") || !strings.Contains(h, "ctrl+c quit") || !strings.Contains(h, "next") {
		t.Errorf("minutes step help = %q, want next and ctrl+c quit, not q (q types into the field)", h)
	}
	if !hs.m.page().typing() {
		t.Error("minutes field does not report typing")
	}
	hs.press("esc")
	if h := help(); !strings.Contains(h, "add workout") || !strings.Contains(h, "remove workout") {
		t.Errorf("kind step with a workout, help = %q", h)
	}
	hs.press("tab", "tab", "tab")
	if h := help(); !strings.Contains(h, "tick") || !strings.Contains(h, "why") {
		t.Errorf("blood flow help = %q", h)
	}
}

// TestCheckinMinutesTypingQ types q into the minutes field instead of
// quitting.
func TestCheckinMinutesTypingQ(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.press("enter", "1", "q", "?")
	if hs.m.quitting {
		t.Fatal("q in the minutes field quit the app")
	}
	hs.mustContain("45q?", "minutes: allowed 1 to 600")
}

// TestCheckinGolden pins every step at 80x24 and 120x40 with colour off.
func TestCheckinGolden(t *testing.T) {
	t.Parallel()
	// keys from home to each step, on a day after a hard session
	steps := []struct {
		name string
		keys []string
	}{
		{"1-workout", []string{"enter"}},
		{"2-minutes", []string{"enter", "1"}},
		{"3-effort", []string{"enter", "1", "enter", "down", "down"}},
		{"4-blood-flow", []string{"enter", "1", "enter", "8", "space"}},
		{"5-diet", []string{"enter", "1", "enter", "8", "space", "enter", "space", "down", "space", "down"}},
		{"6-sleep", []string{"enter", "1", "enter", "8", "space", "enter", "space", "enter"}},
		{"7-summary", []string{"enter", "1", "enter", "8", "space", "enter", "space", "enter", "enter"}},
	}
	for _, s := range steps {
		for _, size := range goldenSizes {
			t.Run(fmt.Sprintf("%s/%dx%d", s.name, size[0], size[1]), func(t *testing.T) {
				hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-25"), 60), size[0], size[1])
				hs.press(s.keys...)
				hs.golden()
			})
		}
	}
}

// quits reports whether cmd (or a command it batches) quits the program;
// timers are not waited for.
func quits(cmd tea.Cmd) bool {
	if cmd == nil || isTimer(cmd) {
		return false
	}
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return true
	case tea.BatchMsg:
		for _, c := range msg {
			if quits(c) {
				return true
			}
		}
	}
	return false
}

// TestQuitWaitsForWrites ticks an item and quits before the write lands:
// the app waits for the write, then quits, and the tick is stored.
func TestQuitWaitsForWrites(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.press("enter", "1", "enter", "enter") // blood flow step
	_, save := hs.m.Update(pressKey("space"))
	_, quit := hs.m.Update(pressKey("q"))
	if quits(quit) {
		t.Fatal("q quit with a write on its way")
	}
	_, after := hs.m.Update(save())
	if !quits(after) {
		t.Fatal("the app did not quit once the write landed")
	}
	if d, _ := storedDay(t, hs, mustDate(t, "2026-11-26")); !d.IsDone(coach.Massage) {
		t.Fatal("the tick made before quitting was lost")
	}
}

// TestWhyOpensTheItemsOwnParagraph: i on a checklist item opens the guide
// at that item's own heading, so turmeric and leafy greens show their
// interaction note first, at the smallest size too.
func TestWhyOpensTheItemsOwnParagraph(t *testing.T) {
	tests := []struct {
		down  int // presses of down on the diet step
		shows []string
	}{
		{2, []string{"Leafy greens", "────────────", "If you take warfarin"}},
		{4, []string{"Turmeric", "────────", "If you take a blood"}},
	}
	for _, tt := range tests {
		for _, size := range [][2]int{{100, 30}, {40, 12}} {
			hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
			hs.press("enter", "1", "enter", "enter", "enter") // to diet
			for range tt.down {
				hs.press("down")
			}
			hs.press("i")
			if activeScreen(hs) != screenGuide {
				t.Fatalf("i opened %v, want the guide", activeScreen(hs))
			}
			hs.mustContain(tt.shows...)
			if size[1] == 12 {
				continue
			}
			if v := hs.view(); strings.Contains(v, "The basics come first") {
				t.Errorf("the diet section opened at its top, not at the item:\n%s", v)
			}
		}
	}
}
