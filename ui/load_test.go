package ui

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/charmbracelet/colorprofile"

	tea "charm.land/bubbletea/v2"

	"cooldown/coach"
	"cooldown/store"
)

// countingStore counts the whole-history reads.
type countingStore struct {
	*store.Store
	snapshots int
}

func (c *countingStore) Snapshot() (store.Snapshot, error) {
	c.snapshots++
	return c.Store.Snapshot()
}

// TestLoadSkipsUnchangedHistory pins that entering screens does not decode
// the history again while nothing changed, that start decodes it once, and
// that a write from another process is still picked up.
func TestLoadSkipsUnchangedHistory(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "cooldown.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	today := mustDate(t, "2026-11-26")
	if err := st.Replace(coach.DefaultSettings(), testHistory(today.AddDays(-1), 60)); err != nil {
		t.Fatal(err)
	}
	cs := &countingStore{Store: st}
	now := today.Time()
	m := New(Options{Store: cs, Now: func() time.Time { return now }, Location: time.UTC, Terminal: Terminal{Profile: colorprofile.ASCII, Dark: true}})
	hs := &screenHarness{t: t, st: st, m: m, now: now}
	hs.run(m.Init())
	hs.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	if cs.snapshots != 1 {
		t.Fatalf("start read the history %d times, want 1", cs.snapshots)
	}

	hs.press("s", "esc", "h", "esc") // streak, home, history, home: all reload
	if cs.snapshots != 1 {
		t.Fatalf("entering screens of an unchanged history read it %d times in all, want 1", cs.snapshots)
	}

	// Another process writes: the next screen reads everything.
	other, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := other.ToggleItem(today, coach.Ginger, now); err != nil {
		t.Fatal(err)
	}
	hs.press("s")
	if cs.snapshots != 2 {
		t.Fatalf("after another process wrote, snapshots = %d, want 2", cs.snapshots)
	}
	if d, ok := m.ctx.findDay(today); !ok || !d.IsDone(coach.Ginger) {
		t.Fatalf("the other process's tick is not in the shared days: %+v", d)
	}

	// The date rolls over with nothing written: figures move, no decode.
	now = today.AddDays(1).Time()
	hs.send(tickMsg(now))
	if m.ctx.today != today.AddDays(1) || cs.snapshots != 2 {
		t.Fatalf("after the date changed: today %s, snapshots %d; want %s and 2", m.ctx.today, cs.snapshots, today.AddDays(1))
	}
}
