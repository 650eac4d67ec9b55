package ui

import (
	"testing"

	"cooldown/coach"
	"cooldown/store"
)

// Helpers shared by the screen tests, on top of screenHarness
// (history_harness_test.go): it drives the parent Model over a real store
// in t.TempDir() with a fixed clock in UTC and colour off.

func homeOf(hs *screenHarness) *homeModel { return hs.m.pages[screenHome].(*homeModel) }

func checkinOf(hs *screenHarness) *checkinModel {
	return hs.m.pages[screenCheckin].(*checkinModel)
}

// storedDay re-opens the harness's database file, as another process
// would, and returns the day of date as stored; ok is false when there is
// none.
func storedDay(t testing.TB, hs *screenHarness, date coach.Date) (coach.Day, bool) {
	t.Helper()
	st, err := store.Open(hs.st.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("re-open store: %v", err)
	}
	d, err := st.Day(date)
	if err != nil {
		return coach.Day{}, false
	}
	return d, true
}

// storedState re-opens the database file and returns the UI state of key.
func storedState(t testing.TB, hs *screenHarness, key string) string {
	t.Helper()
	st, err := store.Open(hs.st.Path(), store.Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("re-open store: %v", err)
	}
	v, err := st.State(key)
	if err != nil {
		t.Fatalf("read state %s: %v", key, err)
	}
	return v
}

// reopen starts a new run of the app on the same database, as a person
// who quit and came back would.
func reopen(hs *screenHarness, today string, w, h int) *screenHarness {
	hs.t.Helper()
	return openHarness(hs.t, hs.st, today, w, h)
}

// activeScreen returns the screen the parent shows.
func activeScreen(hs *screenHarness) screen { return hs.m.active }

// sizes are the window sizes of the golden files.
var goldenSizes = [][2]int{{80, 24}, {120, 40}}
