package ui

import (
	"errors"
	"strings"
	"testing"

	"cooldown/coach"
	"cooldown/store"
)

// fakeImporter stands for cli's watcher: it merges one device workout
// into the store per scan, or fails as a held file does.
type fakeImporter struct {
	st    *store.Store
	today coach.Date
	err   error
	after bool // the error comes after the workout was imported
	scans int
}

func (f *fakeImporter) ScanWatched() (WatchReport, error) {
	f.scans++
	if f.err != nil && !f.after {
		return WatchReport{}, f.err
	}
	c, err := f.st.MergeImported(store.Incoming{Workouts: []store.IncomingWorkout{{Date: f.today, Workout: deviceRun(f.today, 0, "watch")}}})
	if err == nil {
		err = f.err
	}
	return WatchReport{New: c.New, Dirs: []string{"~/Watch"}}, err
}

// TestWatchImportShownOnHome: a background scan that imports a workout
// reloads the data (the effort is asked) and says so on home; a scan that
// found the file held imports nothing, says nothing and waits for the
// next tick.
func TestWatchImportShownOnHome(t *testing.T) {
	t.Parallel()
	today := mustDate(t, "2026-11-25")
	hs := newScreenHarness(t, today.String(), nil, 100, 30)
	imp := &fakeImporter{st: hs.st, today: today, err: store.ErrLocked}
	hs.m.ctx.importer = imp
	hs.send(watchTickMsg{})
	if v := hs.view(); imp.scans != 1 || strings.Contains(v, "imported from") {
		t.Fatalf("a held file: %d scans, screen:\n%s", imp.scans, v)
	}
	imp.after = true // imported, then the file was held: shown all the same
	hs.send(watchTickMsg{})
	hs.mustContain("1 workout imported from ~/Watch", "How hard was the 52-minute endurance workout at 07:10?")
	hs.press("5")
	if d, _ := storedDay(t, hs, today); len(d.Workouts) != 1 || d.Workouts[0].RPE != 5 {
		t.Errorf("stored %+v, want the imported workout with RPE 5", d.Workouts)
	}
	if errors.Is(hs.m.err, store.ErrLocked) {
		t.Errorf("a held file during a background scan was shown as an error: %v", hs.m.err)
	}
}
