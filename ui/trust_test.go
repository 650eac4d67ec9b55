package ui

// Tests of issue 14 on the app model, driven by keys through the screen
// harness: edits by identity beside a second store on the same file,
// screens that follow the file, confirmations on a day that changed,
// writes that fail (a held file, a read-only store), quitting with a
// change not stored, typed text kept, and the signal message.

import (
	"errors"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"cooldown/coach"
	"cooldown/store"
)

// otherProcess opens a second store on the harness's file, as another
// process would.
func otherProcess(t *testing.T, hs *screenHarness) *store.Store {
	t.Helper()
	st, err := store.Open(hs.st.Path(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// holdFile takes bbolt's lock on path with flock(2), as another process
// would, until the returned function is called.
func holdFile(t *testing.T, path string) func() {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		t.Fatal(err)
	}
	return func() { f.Close() }
}

// TestTwoStoresChangeOneDay: the app ticks, writes a note and edits a
// workout while a second store on the same file ticks, removes and adds on
// the same day between the keys: nothing either made is lost, and the app
// shows the other's changes after a poll.
func TestTwoStoresChangeOneDay(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	hs := newScreenHarness(t, today.String(), nil, 80, 24)
	other := otherProcess(t, hs)
	hs.press("enter", "1", "enter", "enter") // blood flow
	if _, err := other.Update(today, func(d *coach.Day) error {
		d.SetDone(coach.Stretching, true, hs.now)
		d.Workouts = append(d.Workouts, coach.Workout{Kind: coach.Endurance, Minutes: 20, RPE: 3})
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	hs.press("space") // massage, on the day as stored
	if _, err := other.SetNote(today, "from the other process"); err != nil {
		t.Fatal(err)
	}
	hs.send(pollMsg{})
	hs.mustContain("[x] Stretching", "[x] Massage")
	// Back to the effort of the app's own workout (the first): the other
	// process's workout is left as it is.
	hs.press("esc", "7")
	d, _ := storedDay(t, hs, today)
	if !d.IsDone(coach.Massage) || !d.IsDone(coach.Stretching) || d.Note != "from the other process" {
		t.Errorf("stored day %+v: want both ticks and the other's note", d)
	}
	if len(d.Workouts) != 2 || d.Workouts[0].RPE != 7 || d.Workouts[1] != (coach.Workout{ID: d.Workouts[1].ID, Kind: coach.Endurance, Minutes: 20, RPE: 3}) || d.Workouts[0].ID == d.Workouts[1].ID {
		t.Errorf("stored workouts %+v, want the app's strength at RPE 7 and the other's endurance untouched", d.Workouts)
	}
}

// TestTickIsASetNotAFlip: an item the screen shows unticked, ticked
// meanwhile by another process, stays ticked when the person ticks it
// (it is not flipped off), and keeps its first instant.
func TestTickIsASetNotAFlip(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	hs := newScreenHarness(t, today.String(), nil, 80, 24)
	hs.press("enter", "1", "enter", "enter")
	other := otherProcess(t, hs)
	first := hs.now.Add(-time.Hour).Truncate(time.Second)
	if _, err := other.Update(today, func(d *coach.Day) error { d.SetDone(coach.Massage, true, first); return nil }); err != nil {
		t.Fatal(err)
	}
	hs.press("space") // the screen still shows massage unticked
	d, _ := storedDay(t, hs, today)
	if at, ok := d.Done.At(coach.Massage); !ok || !at.Equal(first) {
		t.Errorf("massage after ticking a box ticked elsewhere: done %v at %v, want ticked at %v", ok, at, first)
	}
}

// TestWorkoutEditsByID: the closures the check-in writes find a workout by
// its id in the day as stored, wherever it now is; a workout gone or
// changed is refused with store.ErrChanged, not applied to another.
func TestWorkoutEditsByID(t *testing.T) {
	t.Parallel()
	date := mustDate(t, "2026-11-26")
	w := func(id int, k coach.Kind, min int) coach.Workout {
		return coach.Workout{ID: id, Kind: k, Minutes: min, RPE: 5}
	}
	shown := coach.Day{Date: date, Workouts: []coach.Workout{w(3, coach.Strength, 40), w(7, coach.Endurance, 30)}}
	for _, tc := range []struct {
		name    string
		stored  []coach.Workout
		ref     workoutRef
		change  func(workoutRef) func(*coach.Day) error
		want    []coach.Workout
		changed bool
	}{
		{"by id after a reorder", []coach.Workout{w(7, coach.Endurance, 30), w(3, coach.Strength, 40)}, refOf(shown, 1),
			func(r workoutRef) func(*coach.Day) error {
				return editWorkout(r, func(w *coach.Workout) { w.Minutes = 90 })
			}, []coach.Workout{w(7, coach.Endurance, 90), w(3, coach.Strength, 40)}, false},
		{"by id after one before it was removed", []coach.Workout{w(7, coach.Endurance, 30)}, refOf(shown, 1),
			func(r workoutRef) func(*coach.Day) error {
				return editWorkout(r, func(w *coach.Workout) { w.RPE = 9 })
			}, []coach.Workout{{ID: 7, Kind: coach.Endurance, Minutes: 30, RPE: 9}}, false},
		{"removed elsewhere", []coach.Workout{w(3, coach.Strength, 40)}, refOf(shown, 1),
			func(r workoutRef) func(*coach.Day) error {
				return editWorkout(r, func(w *coach.Workout) { w.Minutes = 1 })
			}, nil, true},
		{"remove by id", []coach.Workout{w(9, coach.Sport, 10), w(3, coach.Strength, 40), w(7, coach.Endurance, 30)}, refOf(shown, 0),
			removeWorkout, []coach.Workout{w(9, coach.Sport, 10), w(7, coach.Endurance, 30)}, false},
		{"no ids: same place, same workout", []coach.Workout{w(0, coach.Strength, 40), w(0, coach.Endurance, 30)},
			workoutRef{pos: 1, shown: w(0, coach.Endurance, 30)}, removeWorkout, []coach.Workout{w(0, coach.Strength, 40)}, false},
		{"no ids: another workout at that place", []coach.Workout{w(0, coach.Sport, 10), w(0, coach.Strength, 40)},
			workoutRef{pos: 1, shown: w(0, coach.Endurance, 30)}, removeWorkout, nil, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := coach.Day{Date: date, Workouts: append([]coach.Workout(nil), tc.stored...)}
			err := tc.change(tc.ref)(&d)
			if tc.changed {
				if !errors.Is(err, store.ErrChanged) {
					t.Fatalf("got %v, want an error wrapping store.ErrChanged", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Workouts) != len(tc.want) {
				t.Fatalf("workouts %+v, want %+v", d.Workouts, tc.want)
			}
			for i := range tc.want {
				if d.Workouts[i] != tc.want[i] {
					t.Errorf("workout %d = %+v, want %+v", i, d.Workouts[i], tc.want[i])
				}
			}
		})
	}
}

// TestDeleteConfirmedOnAChangedDay: a delete confirmed on the day as shown
// does not apply to the day another process changed meanwhile: the app
// says so and shows the day as it is now; confirmed again, it deletes.
func TestDeleteConfirmedOnAChangedDay(t *testing.T) {
	t.Parallel()
	date := mustDate(t, "2026-11-25")
	hs := newScreenHarness(t, "2026-11-26", testHistory(date, 3), 80, 24)
	hs.open(screenHistory)
	hs.press("d")
	hs.mustContain("delete 2026-11-25? y/n")
	if _, err := otherProcess(t, hs).SetNote(date, "added while asking"); err != nil {
		t.Fatal(err)
	}
	hs.press("y")
	if _, ok := storedDay(t, hs, date); !ok {
		t.Fatal("the changed day was deleted")
	}
	hs.mustContain("not deleted", "the day changed since it was shown")
	if h := historyOf(hs); h.mode != historyDetail || !strings.Contains(strings.Join(h.detail, "\n"), "added while asking") {
		t.Errorf("after the refused delete: mode %v, want the day shown as it is now with the note", h.mode)
	}
	hs.press("d", "y")
	if _, ok := storedDay(t, hs, date); ok {
		t.Error("confirmed on the day as it is now, the delete did not happen")
	}
}

// TestConfirmationDropsOnReload: when the poll brings a change to the day
// being asked about, the question is withdrawn and the day shown.
func TestConfirmationDropsOnReload(t *testing.T) {
	t.Parallel()
	date := mustDate(t, "2026-11-25")
	hs := newScreenHarness(t, "2026-11-26", testHistory(date, 3), 80, 24)
	hs.open(screenHistory)
	hs.press("d")
	if _, err := otherProcess(t, hs).SetNote(date, "changed while asking"); err != nil {
		t.Fatal(err)
	}
	hs.send(pollMsg{})
	hs.mustContain("changed in another process; nothing was deleted")
	if h := historyOf(hs); h.mode != historyDetail || !strings.Contains(strings.Join(h.detail, "\n"), "changed while asking") {
		t.Errorf("after the reload: mode %v, want the day shown as it is now with the note", h.mode)
	}
	if strings.Contains(hs.view(), "y/n") {
		t.Errorf("the question is still asked after the day changed:\n%s", hs.view())
	}
}

// TestNoteSaveReadOnly: a note whose write fails (a read-only store) is
// not shown as the day's note; the text stays, marked "not saved", and
// esc tries again; quitting asks, and x quits losing it.
func TestNoteSaveReadOnly(t *testing.T) {
	t.Parallel()
	rw := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	ro, err := store.Open(rw.st.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	hs := openHarness(t, ro, "2026-11-26", 80, 24)
	hs.send(editDayMsg{date: mustDate(t, "2026-11-26"), step: int(stepSummary)})
	hs.press("n")
	hs.typeText("legs")
	hs.press("esc")
	hs.mustContain("not saved: n edits it, esc saves it again", "legs")
	c := checkinOf(hs)
	if c.day.Note != "" {
		t.Errorf("the working day holds the failed note %q", c.day.Note)
	}
	hs.press("n")
	if got := c.note.Value(); got != "legs" {
		t.Errorf("reopened note %q, want the text typed", got)
	}
	hs.press("esc") // the same text: tried again, not "nothing to do"
	hs.mustContain("not saved: n edits it")
	hs.press("q")
	if hs.m.exit.done || !hs.m.exit.asking {
		t.Fatalf("q with an unsaved note: done %v, asking %v; want the question", hs.m.exit.done, hs.m.exit.asking)
	}
	hs.mustContain("w wait · x quit and lose it")
	hs.press("x")
	if !hs.m.exit.done {
		t.Error("x did not quit")
	}
	if _, lost := hs.m.Stopped(); lost == nil || !errors.Is(lost, store.ErrReadOnly) {
		t.Errorf("lost = %v, want the note's ErrReadOnly", lost)
	}
}

// TestLockedWriteRetries: a tick made while another process holds the
// file shows "saving…", is tried again until it lands, and quitting in
// the meantime asks; w waits and the app quits once the write landed.
func TestLockedWriteRetries(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	hs := newScreenHarness(t, today.String(), nil, 80, 24)
	hs.press("enter", "1", "enter", "enter")
	release := holdFile(t, hs.st.Path())
	hs.press("space")
	hs.mustContain("saving… the database is in use by another process", "[x] Massage")
	hs.press("q")
	if hs.m.exit.done || !hs.m.exit.asking {
		t.Fatalf("q while the file is held: done %v, asking %v; want the question", hs.m.exit.done, hs.m.exit.asking)
	}
	hs.press("w")
	release()
	hs.send(retryMsg{owner: screenCheckin})
	if !hs.m.exit.done {
		t.Fatal("the app did not quit once the write landed")
	}
	if d, _ := storedDay(t, hs, today); !d.IsDone(coach.Massage) {
		t.Error("the tick made while the file was held is not stored")
	}
}

// TestMinutesDraftKept: minutes half typed when the app quits are kept as
// a draft in the UI state (not stored as minutes) and offered back in the
// field next time.
func TestMinutesDraftKept(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	hs := newScreenHarness(t, today.String(), nil, 80, 24)
	hs.press("enter", "1", "backspace", "backspace", "7")
	hs.press("ctrl+c")
	if !hs.m.exit.done {
		t.Fatal("ctrl+c did not quit")
	}
	if d, _ := storedDay(t, hs, today); d.Workouts[0].Minutes != defaultMinutes {
		t.Errorf("stored minutes %d, want the default %d: a draft is not a value", d.Workouts[0].Minutes, defaultMinutes)
	}
	if v := storedState(t, hs, minutesDraftKey(today)); !strings.HasSuffix(v, ":7") {
		t.Errorf("stored draft %q, want the text 7", v)
	}
	next := reopen(hs, today.String(), 80, 24)
	next.press("enter")
	next.mustContain("Step 2 of", "› 7 ", "typed last time, not saved yet")
	next.press("0", "enter")
	if d, _ := storedDay(t, next, today); d.Workouts[0].Minutes != 70 {
		t.Errorf("stored minutes %d after confirming the draft, want 70", d.Workouts[0].Minutes)
	}
	if v := storedState(t, next, minutesDraftKey(today)); v != "" {
		t.Errorf("draft %q still stored after the minutes were saved", v)
	}
}

// TestSignalSavesTypedNote: the signal message saves the note as it
// stands, quits without asking, and reports the signal with nothing lost.
func TestSignalSavesTypedNote(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	hs := newScreenHarness(t, today.String(), nil, 80, 24)
	hs.send(editDayMsg{date: today, step: int(stepSummary)})
	hs.press("n")
	hs.typeText("half a thought")
	hs.send(signalMsg{syscall.SIGHUP})
	if !hs.m.exit.done {
		t.Fatal("the app did not quit on the signal")
	}
	if d, _ := storedDay(t, hs, today); d.Note != "half a thought" {
		t.Errorf("stored note %q, want the text typed", d.Note)
	}
	if sig, lost := hs.m.Stopped(); sig != syscall.SIGHUP || lost != nil {
		t.Errorf("Stopped() = %v, %v; want hangup and nothing lost", sig, lost)
	}
}

// TestSettingsLockedRetries: a settings change made while another process
// holds the file shows "saving…" and lands on a retry, with the value as
// it then stands.
func TestSettingsLockedRetries(t *testing.T) {
	t.Parallel()
	hs := newScreenHarness(t, "2026-11-26", nil, 80, 24)
	hs.open(screenSettings)
	release := holdFile(t, hs.st.Path())
	hs.press("right") // sleep target 7 -> 7.5, held
	hs.mustContain("saving… the database is in use by another process")
	release()
	hs.send(retryMsg{owner: screenSettings})
	if s, _ := hs.st.Settings(); s.SleepTargetHours != 7.5 {
		t.Errorf("stored sleep target %v after the retry, want 7.5", s.SleepTargetHours)
	}
	if settingsOf(hs).writing() || hs.m.retrying() {
		t.Error("still saving after the write landed")
	}
}

// TestIfUnchanged: a change guarded by the day as shown applies to that
// day and is refused, with store.ErrChanged, on any other; a tick's
// instant in another location is the same instant.
func TestIfUnchanged(t *testing.T) {
	t.Parallel()
	date := mustDate(t, "2026-11-26")
	at := time.Date(2026, 11, 26, 19, 0, 0, 0, time.UTC)
	shown := coach.Day{Date: date, Workouts: []coach.Workout{{ID: 1, Kind: coach.Strength, Minutes: 40, RPE: 6}}}
	shown.SetDone(coach.Berries, true, at)
	for _, tc := range []struct {
		name    string
		stored  func(d *coach.Day)
		changed bool
	}{
		{"the same day", func(*coach.Day) {}, false},
		{"the same instant elsewhere", func(d *coach.Day) { d.Done[0].At = at.In(time.FixedZone("X", 3600)) }, false},
		{"a note added", func(d *coach.Day) { d.Note = "x" }, true},
		{"a tick added", func(d *coach.Day) { d.SetDone(coach.Ginger, true, at) }, true},
		{"a workout's minutes", func(d *coach.Day) { d.Workouts[0].Minutes = 41 }, true},
		{"the workout removed", func(d *coach.Day) { d.Workouts = []coach.Workout{} }, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stored := shown.Clone()
			tc.stored(&stored)
			applied := false
			err := ifUnchanged(shown, func(d *coach.Day) error { applied = true; return nil })(&stored)
			if tc.changed != errors.Is(err, store.ErrChanged) || tc.changed == applied {
				t.Errorf("err %v, applied %v; want changed=%v", err, applied, tc.changed)
			}
		})
	}
}

// TestPollKeepsCursors: the poll's reload after the screen's own write
// brings the same day back and leaves the effort cursor where the person
// moved it; a change by another process to that day does reload it.
func TestPollKeepsCursors(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-26")
	hs := newScreenHarness(t, today.String(), nil, 80, 24)
	hs.press("enter", "1", "enter", "down", "down") // effort cursor 5 -> 7, not chosen yet
	hs.send(pollMsg{})
	c := checkinOf(hs)
	if c.effort != 7 {
		t.Errorf("effort cursor after the poll = %d, want 7 (where it was moved)", c.effort)
	}
	if _, err := otherProcess(t, hs).Update(today, func(d *coach.Day) error { d.Workouts[0].RPE = 3; return nil }); err != nil {
		t.Fatal(err)
	}
	hs.send(pollMsg{})
	if c.effort != 3 || c.day.Workouts[0].RPE != 3 {
		t.Errorf("after another process set RPE 3: cursor %d, shown RPE %d; want 3 and 3", c.effort, c.day.Workouts[0].RPE)
	}
}
