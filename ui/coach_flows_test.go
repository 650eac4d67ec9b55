package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"cooldown/coach"
)

// toSummary opens today's check-in on a new history and walks to the
// summary with a strength workout of 45 minutes.
func toSummary(t *testing.T) *screenHarness {
	hs := newScreenHarness(t, "2026-11-26", nil, 100, 30)
	hs.press("enter", "enter") // strength, 45 minutes
	for i := 0; i < 5; i++ {
		hs.press("enter")
	}
	hs.mustContain("Step 7 of 7")
	return hs
}

// TestCheckinNoteThenFinishOrBack: after the note editor on the summary
// (n, typing or not, esc), enter finishes and esc goes back.
func TestCheckinNoteThenFinishOrBack(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		typed string
		key   string
		want  screen
		step  string
	}{
		{"typed, then enter finishes", "sore", "enter", screenHome, ""},
		{"nothing typed, then enter finishes", "", "enter", screenHome, ""},
		{"typed, then esc goes back", "sore", "esc", screenCheckin, "Step 6 of 7"},
		{"nothing typed, then esc goes back", "", "esc", screenCheckin, "Step 6 of 7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := toSummary(t)
			hs.press("n")
			hs.typeText(tt.typed)
			hs.press("esc") // closes the note
			hs.mustContain("Step 7 of 7")
			hs.press(tt.key)
			if got := activeScreen(hs); got != tt.want {
				t.Fatalf("%s after the note: screen %v, want %v", tt.key, got, tt.want)
			}
			if tt.step != "" {
				hs.mustContain(tt.step)
			}
		})
	}
}

// TestReviewFinishedCheckinStaysFinished: opening a finished check-in
// again and leaving it (esc through every step) keeps it finished.
func TestReviewFinishedCheckinStaysFinished(t *testing.T) {
	t.Parallel()
	hs := toSummary(t)
	hs.press("enter")
	hs.mustContain("Check-in finished")
	hs.press("enter") // review
	hs.mustContain("Step 7 of 7", "Summary")
	for i := 0; i < 7; i++ {
		hs.press("esc")
	}
	if activeScreen(hs) != screenHome {
		t.Fatalf("leaving the review showed %v, want home", activeScreen(hs))
	}
	hs.mustContain("Check-in finished", "review check-in")
	if got := storedState(t, hs, checkinStepKey(mustDate(t, "2026-11-26"))); got != stepDoneName {
		t.Errorf("stored step after a review = %q, want %q", got, stepDoneName)
	}
	again := reopen(hs, "2026-11-26", 100, 30)
	again.mustContain("Check-in finished")
}

// TestRemoveLastWorkoutMakesARestDay: removing the last workout asks once,
// and yes keeps the record (ticks, note) as a rest day.
func TestRemoveLastWorkoutMakesARestDay(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	day := coach.Day{Date: today, Workouts: []coach.Workout{{ID: 1, Kind: coach.Sport, Minutes: 30, RPE: 4}}, Note: "kept"}
	day.SetDone(coach.Berries, true, time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC))
	tests := []struct {
		name    string
		answer  string
		rest    bool
		wantMsg string
	}{
		{"yes", "y", true, "Thu 26 Nov 2026 is a rest day"},
		{"d again", "d", true, "is a rest day"},
		{"no", "n", false, ""},
		{"esc", "esc", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newScreenHarness(t, today.String(), []coach.Day{day}, 100, 30)
			hs.press("enter")
			hs.mustContain("Step")
			hs.send(editDayMsg{date: today, step: 0})
			hs.press("d")
			hs.mustContain("Make Thu 26 Nov a rest day?")
			if d, _ := storedDay(t, hs, today); len(d.Workouts) != 1 {
				t.Fatalf("the question alone removed the workout: %+v", d.Workouts)
			}
			hs.press(tt.answer)
			d, ok := storedDay(t, hs, today)
			if !ok {
				t.Fatal("the record is gone")
			}
			if got := len(d.Workouts) == 0; got != tt.rest {
				t.Fatalf("rest day = %v, want %v (workouts %+v)", got, tt.rest, d.Workouts)
			}
			if d.Note != "kept" || !d.IsDone(coach.Berries) {
				t.Errorf("the day lost its note or ticks: %+v", d)
			}
			if tt.rest {
				hs.mustContain(tt.wantMsg)
				if activeScreen(hs) != screenCheckin {
					t.Fatalf("screen %v", activeScreen(hs))
				}
				hs.send(openScreenMsg{screenHome})
				hs.mustContain("status: rest")
			}
		})
	}
}

// TestPastDaySpeaksOfThatDay: editing a past day asks about that day and
// never promises a morning question home will not ask; its morning
// answers are entered from the summary.
func TestPastDaySpeaksOfThatDay(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	tests := []struct {
		name   string
		off    int
		asked  string
		notAsk string
	}{
		{"three days ago", -3, "asked on home, or press m to answer now", "tomorrow"},
		{"ten days ago", -10, "no longer asked on home: press m to answer now", "tomorrow"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			date := today.AddDays(tt.off)
			past := coach.Day{Date: date, Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 8}}}
			hs := newScreenHarness(t, today.String(), []coach.Day{past}, 100, 30)
			hs.send(editDayMsg{date: date, step: int(stepDiet)})
			hs.mustContain("Which food groups did you eat that day?")
			hs.press("enter")
			hs.mustContain("When did you go to bed that night?", "aim for 8 h that night")
			hs.press("enter")
			hs.mustContain("Step 7 of 7", tt.asked)
			if v := ansi.Strip(hs.view()); strings.Contains(v, tt.notAsk) {
				t.Errorf("summary of a past day says %q:\n%s", tt.notAsk, v)
			}
			// The coach speaks of now; a past day's summary does not
			// borrow its "today" and "tonight".
			if v := strings.ToLower(ansi.Strip(hs.view())); strings.Contains(v, "today") || strings.Contains(v, "tonight") {
				t.Errorf("summary of a past day speaks of today or tonight:\n%s", v)
			}
			hs.press("m")
			hs.mustContain("after "+longDate(date), "Hours slept")
			hs.press("6", ".", "down", "2", "3", "4", "5", "enter")
			d, _ := storedDay(t, hs, date)
			want := coach.Morning{SleepHours: 6.5, SleepQuality: 2, Fatigue: 3, Stress: 4, Soreness: 5}
			if d.Morning == nil || *d.Morning != want {
				t.Fatalf("stored morning = %+v, want %+v", d.Morning, want)
			}
			hs.mustContain("sleep: 6.5 h reported, target 7 h", "Saved. 6.5 h is under your 7 h target: "+shortDate(date)+" is partial")
			// Correcting them: m opens the stored answers.
			hs.press("m", "right", "right", "enter")
			if d, _ := storedDay(t, hs, date); d.Morning == nil || d.Morning.SleepHours != 7.5 {
				t.Fatalf("corrected morning = %+v, want 7.5 h", d.Morning)
			}
		})
	}
}

// TestBloodFlowStepSafetyLine: the blood-flow step says not to massage or
// roll a hot, swollen calf or a fresh injury, also at 40x12.
func TestBloodFlowStepSafetyLine(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{40, 12}, {80, 24}} {
		hs := newScreenHarness(t, "2026-11-26", nil, size[0], size[1])
		hs.press("enter", "enter", "enter", "enter")
		hs.mustContain("Blood flow")
		v := strings.Join(strings.Fields(ansi.Strip(hs.view())), " ")
		if !strings.Contains(v, "Never massage or roll a hot, swollen calf or a fresh injury.") {
			t.Errorf("%dx%d: blood-flow step lacks the safety line:\n%s", size[0], size[1], hs.view())
		}
	}
}

// TestNumbersKey: r opens "Reading your numbers" from home and from the
// streak screen; i on home still opens the coach's section.
func TestNumbersKey(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", testHistory(mustDate(t, "2026-11-25"), 30), 100, 30)
	hs.mustContain("r what these mean")
	hs.press("r")
	if activeScreen(hs) != screenGuide {
		t.Fatalf("r on home opened %v, want the guide", activeScreen(hs))
	}
	hs.mustContain("Reading your numbers")
	hs.send(backMsg{})
	hs.open(screenStreak)
	hs.mustContain("r what these mean")
	hs.press("r")
	if activeScreen(hs) != screenGuide {
		t.Fatalf("r on the streak screen opened %v, want the guide", activeScreen(hs))
	}
	hs.mustContain("Reading your numbers")
}

// TestMorningSavedText: saving the morning check says what changed, from
// the figures before and after.
func TestMorningSavedText(t *testing.T) {
	t.Parallel()
	s := coach.DefaultSettings()
	date := mustDate(t, "2026-11-26")
	train := []coach.Workout{{ID: 1, Kind: coach.Sport, Minutes: 30, RPE: 4}}
	tests := []struct {
		name          string
		day           coach.Day
		before, after int
		want          string
	}{
		{"short night breaks a streak", coach.Day{Date: date, Workouts: train, Morning: &coach.Morning{SleepHours: 6.5, SleepQuality: 3, Fatigue: 3, Stress: 3, Soreness: 3}}, 5, 0,
			"Saved. 6.5 h is under your 7 h target: Thu 26 Nov is partial; current streak 0, was 5"},
		{"streak unchanged", coach.Day{Date: date, Workouts: train, Morning: &coach.Morning{SleepHours: 8, SleepQuality: 3, Fatigue: 3, Stress: 3, Soreness: 3}}, 2, 2,
			"Saved. 8 h meets your 7 h target: Thu 26 Nov is partial; current streak 2"},
		{"rest day", coach.Day{Date: date, Morning: &coach.Morning{SleepHours: 7, SleepQuality: 3, Fatigue: 3, Stress: 3, Soreness: 3}}, 2, 2,
			"Saved. 7 h meets your 7 h target: Thu 26 Nov is a rest day; current streak 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := coach.Summary{Streak: coach.Streak{Current: tt.before}}
			after := coach.Summary{Streak: coach.Streak{Current: tt.after}}
			if got := morningSavedText(tt.day, before, after, s); got != tt.want {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
			if got := morningSavedText(tt.day, before, after, s); strings.Contains(got, "Done:") || strings.Contains(got, "pending") {
				t.Errorf("%q mixes progress and status words", got)
			}
		})
	}
}

// TestHomeRestDayToday: a date holding only ticks is a rest day, shown as
// such on home, and breaks no streak there.
func TestHomeRestDayToday(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	days := testHistory(today.AddDays(-1), 10)
	rest := coach.Day{Date: today}
	rest.SetDone(coach.Berries, true, time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC))
	withRest := append(append([]coach.Day(nil), days...), rest)
	a := newScreenHarness(t, today.String(), days, 100, 30)
	b := newScreenHarness(t, today.String(), withRest, 100, 30)
	b.mustContain("Check-in not started", "status: rest (no workout)")
	if sa, sb := a.m.ctx.summary.Streak, b.m.ctx.summary.Streak; sa != sb {
		t.Errorf("streak with a rest day today = %+v, want %+v as without it", sb, sa)
	}
}

// TestHistoryDaySleepAdvice: the day view gives the same sleep advice as
// the sleep-plan step and the summary: raised after a hard day, as advice.
func TestHistoryDaySleepAdvice(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	bed := coach.Clock(22*60 + 30)
	hard := coach.Day{Date: today.AddDays(-1), Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 60, RPE: 8}}, Bedtime: &bed}
	easy := coach.Day{Date: today.AddDays(-2), Workouts: []coach.Workout{{ID: 1, Kind: coach.Mobility, Minutes: 20, RPE: 2}}, Bedtime: &bed}
	hs := newScreenHarness(t, today.String(), []coach.Day{easy, hard}, 100, 40)
	hs.open(screenHistory)
	hs.press("enter")
	hs.mustContain("bedtime 22:30 · wake 06:30 for 8 h (advised; target 7 h)")
	hs.send(editDayMsg{date: hard.Date, step: int(stepSleep)})
	hs.mustContain("Wake at       06:30", "aim for 8 h that night")
	hs.send(backMsg{})
	hs.press("esc", "down", "enter")
	hs.mustContain("bedtime 22:30 · wake 05:30 for 7 h")
}

// TestRestDayQuestionOnAChangedDay: the rest-day question is about the day
// as shown; when another process changes the day before the answer, the
// workout stays, and the screen says the day changed and shows it again.
func TestRestDayQuestionOnAChangedDay(t *testing.T) {
	today := mustDate(t, "2026-11-26")
	day := coach.Day{Date: today, Workouts: []coach.Workout{{ID: 1, Kind: coach.Sport, Minutes: 30, RPE: 4}}}
	hs := newScreenHarness(t, today.String(), []coach.Day{day}, 100, 30)
	other := otherProcess(t, hs)
	hs.press("enter")
	hs.send(editDayMsg{date: today, step: 0})
	hs.press("d")
	hs.mustContain("Make Thu 26 Nov a rest day?")
	if _, err := other.Update(today, func(d *coach.Day) error {
		d.Workouts[0].Minutes = 45
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	hs.press("y")
	d, _ := storedDay(t, hs, today)
	if len(d.Workouts) != 1 || d.Workouts[0].Minutes != 45 {
		t.Fatalf("stored workouts %+v: the answer applied to a day it was not asked about", d.Workouts)
	}
	hs.mustContain("changed")
	hs.send(pollMsg{})
	hs.mustContain("45 min")
}

// TestPastDaySummaryHasNoCoachMessage: the summary of a past day shows no
// coach message, whose words are about today ("meets that pillar today").
func TestPastDaySummaryHasNoCoachMessage(t *testing.T) {
	past := mustDate(t, "2026-11-20")
	day := coach.Day{Date: past, Workouts: []coach.Workout{{ID: 1, Kind: coach.Mobility, Minutes: 30, RPE: 3}}}
	hs := newScreenHarness(t, "2026-11-26", []coach.Day{day}, 100, 30)
	hs.send(editDayMsg{date: past, step: int(stepSummary)})
	hs.mustContain("Step 7 of 7", "blood flow: tick at least 1")
	if v := strings.ToLower(ansi.Strip(hs.view())); strings.Contains(v, "today") || strings.Contains(v, "tonight") {
		t.Errorf("summary of a past day speaks of today or tonight:\n%s", v)
	}
}
