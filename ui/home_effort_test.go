package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cooldown/coach"
	"cooldown/store"
)

// Home's one-key questions and hours-only mornings (issue 21), driven by
// keys through the whole app over a real store.

// deviceRun is a device workout of date with no effort given: 52 minutes
// of endurance started at 07:10.
func deviceRun(d coach.Date, id int, name string) coach.Workout {
	return coach.Workout{
		ID: id, Kind: coach.Endurance, Minutes: 52,
		Source: coach.Source{Kind: "fit", ID: name, File: name + ".fit"},
		Start:  coach.StartAt(time.Date(d.Year, d.Month, d.Day, 7, 10, 0, 0, time.UTC)),
	}
}

func TestHomeAsksEffort(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	old := today.AddDays(-(coach.OpenQuestionDays + 1))
	tests := []struct {
		key     string
		wantRPE int
	}{
		{"7", 7},
		{"1", 1},
		{"0", 10},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			t.Parallel()
			days := []coach.Day{
				{Date: old, Workouts: []coach.Workout{deviceRun(old, 1, "old")}},
				{Date: today, Workouts: []coach.Workout{deviceRun(today, 1, "run")}},
			}
			hs := newScreenHarness(t, today.String(), days, 100, 30)
			hs.mustContain("How hard was the 52-minute endurance workout at 07:10?", "maximal (10)")
			if v := hs.view(); strings.Contains(v, "more open") {
				t.Errorf("the workout of %s (outside the 7-day window) is asked too:\n%s", old, v)
			}
			hs.press(tt.key)
			d, _ := storedDay(t, hs, today)
			if got := d.Workouts[0].RPE; got != tt.wantRPE {
				t.Errorf("key %s stored RPE %d, want %d", tt.key, got, tt.wantRPE)
			}
			hs.mustContain("effort saved: the 52-minute endurance workout at 07:10")
			if v := hs.view(); strings.Contains(v, "How hard was") {
				t.Errorf("the question is still asked once answered:\n%s", v)
			}
			if o, _ := storedDay(t, hs, old); o.Workouts[0].RPE != 0 {
				t.Errorf("the old workout got RPE %d; only the one asked is answered", o.Workouts[0].RPE)
			}
			// A digit with no question open does nothing.
			hs.press("5")
			if d, _ := storedDay(t, hs, today); d.Workouts[0].RPE != tt.wantRPE {
				t.Errorf("a digit with no question changed the effort to %d", d.Workouts[0].RPE)
			}
		})
	}
}

// TestHomeEffortLockedThenNotSaved: an answer while another process holds
// the file shows "saving…" and lands on a retry; an answer to a read-only
// database is marked "not saved" and nothing is stored.
func TestHomeEffortLockedThenNotSaved(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	days := []coach.Day{
		{Date: today.AddDays(-1), Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 40, RPE: 7}}}, // its morning is open
		{Date: today, Workouts: []coach.Workout{deviceRun(today, 1, "run")}},
	}
	hs := newScreenHarness(t, today.String(), days, 100, 30)
	release := holdFile(t, hs.st.Path())
	hs.press("6")
	hs.mustContain("saving… the database is in use by another process")
	hs.press("8") // ignored while the answer is on its way
	hs.press("m") // so is the morning form: one write at a time on home
	if hs.m.home.form != nil {
		t.Error("the morning form opened while an answer was being saved")
	}
	release()
	hs.send(retryMsg{owner: screenHome})
	if d, _ := storedDay(t, hs, today); d.Workouts[0].RPE != 6 {
		t.Errorf("stored RPE %d after the retry, want 6", d.Workouts[0].RPE)
	}
	hs.press("m") // once stored, the morning form opens again
	if hs.m.home.form == nil {
		t.Error("the morning form does not open once the answer is stored")
	}

	path := filepath.Join(t.TempDir(), "ro.db")
	rw, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := rw.Replace(coach.DefaultSettings(), days); err != nil {
		t.Fatal(err)
	}
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	a := openHarness(t, ro, today.String(), 100, 30)
	a.press("6")
	a.mustContain("not saved", "How hard was the 52-minute endurance workout at 07:10?")
	if d, _ := rw.Day(today); d.Workouts[0].RPE != 0 {
		t.Errorf("a read-only database holds RPE %d", d.Workouts[0].RPE)
	}
}

func TestHomeAsksSameSession(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	yesterday := today.AddDays(-1)
	typed := coach.Workout{ID: 1, Kind: coach.Endurance, Minutes: 50, RPE: 6}
	held := deviceRun(yesterday, 0, "held")
	held.RPE = 5
	tests := []struct {
		key          string
		wantWorkouts int
		wantSource   string // of the typed workout afterwards
	}{
		{"y", 1, "held"},
		{"n", 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			t.Parallel()
			days := []coach.Day{{Date: yesterday, Workouts: []coach.Workout{typed}, Held: []coach.Held{{Typed: 1, Workout: held}}}}
			hs := newScreenHarness(t, today.String(), days, 140, 30)
			hs.mustContain("Is the 52-minute endurance workout at 07:10 (held.fit) the 50-minute endurance workout you typed on Tue 24 Nov?")
			hs.press(tt.key)
			d, _ := storedDay(t, hs, yesterday)
			if len(d.Workouts) != tt.wantWorkouts || len(d.Held) != 0 {
				t.Fatalf("after %s: %d workouts, %d held; want %d and 0", tt.key, len(d.Workouts), len(d.Held), tt.wantWorkouts)
			}
			if got := d.Workouts[0].Source.ID; got != tt.wantSource || d.Workouts[0].RPE != 6 || d.Workouts[0].Minutes != 50 {
				t.Errorf("typed workout after %s: source %q, RPE %d, %d min; want source %q and what was typed (RPE 6, 50 min)",
					tt.key, got, d.Workouts[0].RPE, d.Workouts[0].Minutes, tt.wantSource)
			}
			if v := hs.view(); strings.Contains(v, "you typed") {
				t.Errorf("the question is asked again once answered:\n%s", v)
			}
		})
	}
}

// TestHomeHoursOnlyMorning: a morning that holds the hours slept from a
// phone is still asked; the form shows those hours, asks the four ratings
// and stores them with the hours.
func TestHomeHoursOnlyMorning(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	yesterday := today.AddDays(-1)
	days := []coach.Day{{Date: yesterday, Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 45, RPE: 7}},
		Morning: &coach.Morning{SleepHours: 6.5, HoursOnly: true}}}
	hs := newScreenHarness(t, today.String(), days, 100, 30)
	hs.mustContain("You slept 6.5 h after Tue 24 Nov. How do you feel?")
	hs.press("m")
	if hs.m.home.form.hours != 6.5 {
		t.Fatalf("form hours %v, want the 6.5 stored", hs.m.home.form.hours)
	}
	hs.press("enter") // the ratings are still asked
	if d, _ := storedDay(t, hs, yesterday); d.Morning.Rated() {
		t.Fatal("a morning without its ratings was saved as rated")
	}
	hs.press("2", "3", "2", "4", "enter")
	d, _ := storedDay(t, hs, yesterday)
	want := coach.Morning{SleepHours: 6.5, SleepQuality: 2, Fatigue: 3, Stress: 2, Soreness: 4}
	if d.Morning == nil || *d.Morning != want {
		t.Errorf("stored morning %+v, want %+v", d.Morning, want)
	}
}

// TestCheckinAsksEffortNotGiven: the check-in's effort step names a device
// workout without an effort, chooses nothing for the person, and one key
// gives it.
func TestCheckinAsksEffortNotGiven(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	days := []coach.Day{{Date: today, Workouts: []coach.Workout{deviceRun(today, 1, "run")}}}
	hs := newScreenHarness(t, today.String(), days, 100, 30)
	hs.send(editDayMsg{date: today, step: int(stepEffort)})
	hs.mustContain("How hard was the 52-minute endurance workout at 07:10?", "not yet given")
	hs.press("enter") // leaving the step gives no effort
	if d, _ := storedDay(t, hs, today); d.Workouts[0].RPE != 0 {
		t.Fatalf("leaving the effort step stored RPE %d; the person chose none", d.Workouts[0].RPE)
	}
	hs.send(editDayMsg{date: today, step: int(stepSummary)})
	hs.mustContain("effort: not yet given for the 52-minute endurance workout at 07:10")
	hs.send(editDayMsg{date: today, step: int(stepEffort)})
	hs.press("8")
	if d, _ := storedDay(t, hs, today); d.Workouts[0].RPE != 8 {
		t.Errorf("stored RPE %d after 8, want 8", d.Workouts[0].RPE)
	}
}

// TestHomeQuestionsFitEverySize: home with an effort, a held session and
// an hours-only morning open fits each window, from 40x12 up, the
// questions kept before the coach and the ways on.
func TestHomeQuestionsFitEverySize(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	yesterday := today.AddDays(-1)
	held := deviceRun(yesterday, 0, "held")
	days := []coach.Day{
		{Date: yesterday, Workouts: []coach.Workout{{ID: 1, Kind: coach.Endurance, Minutes: 50, RPE: 6}},
			Held: []coach.Held{{Typed: 1, Workout: held}}, Morning: &coach.Morning{SleepHours: 7, HoursOnly: true}},
		{Date: today, Workouts: []coach.Workout{deviceRun(today, 1, "run")}},
	}
	for _, size := range [][2]int{{40, 12}, {60, 20}, {80, 24}, {200, 60}} {
		hs := newScreenHarness(t, today.String(), days, size[0], size[1])
		v := hs.view()
		lines := strings.Split(v, "\n")
		if len(lines) > size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for i, l := range lines {
			if n := len([]rune(l)); n > size[0] {
				t.Errorf("%dx%d: line %d is %d cells: %q", size[0], size[1], i, n, l)
			}
		}
		if size[1] >= 24 && !strings.Contains(v, "How hard was") {
			t.Errorf("%dx%d: the effort question is not shown:\n%s", size[0], size[1], v)
		}
	}
}

// TestHomeFormFollowsImportedHours: hours slept stored while the morning
// form is open (an import) fill the form unless the person set the hours.
func TestHomeFormFollowsImportedHours(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	yesterday := today.AddDays(-1)
	tests := []struct {
		name  string
		keys  []string // pressed in the form before the import lands
		hours float64
	}{
		{"untouched: the phone's hours", nil, 6.5},
		{"typed: the person's hours", []string{"8"}, 8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			days := []coach.Day{{Date: yesterday, Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 45, RPE: 7}}}}
			hs := newScreenHarness(t, today.String(), days, 100, 30)
			hs.press("m")
			hs.press(tt.keys...)
			if _, err := hs.st.MergeImported(store.Incoming{Nights: map[coach.Date]time.Duration{yesterday: 6*time.Hour + 30*time.Minute}}); err != nil {
				t.Fatal(err)
			}
			hs.send(pollMsg{})
			hs.press("down", "2", "3", "2", "4", "enter")
			d, _ := storedDay(t, hs, yesterday)
			if d.Morning == nil || !d.Morning.Rated() || d.Morning.SleepHours != tt.hours {
				t.Errorf("stored morning %+v, want rated with %v h", d.Morning, tt.hours)
			}
		})
	}
}
