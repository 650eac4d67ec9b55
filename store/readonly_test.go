package store

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"time"
)

// fileState is what a reader must leave as it found: the bytes and the
// modification time.
type fileState struct {
	data  []byte
	mtime time.Time
}

// oldState sets path's modification time in the past, so that a write
// would show even within the same second, and returns its state.
func oldState(t *testing.T, path string) fileState {
	t.Helper()
	old := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
	return stateOf(t, path)
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{b, fi.ModTime()}
}

func (f fileState) same(g fileState) bool {
	return bytes.Equal(f.data, g.data) && f.mtime.Equal(g.mtime)
}

// TestReadersNeverWrite pins issue 12 point 2: every reader, on a file of
// every schema version, opens bbolt read-only and leaves the file as it
// was, bytes and modification time; an older schema is read as it is, with
// the same days as migrating it gives.
func TestReadersNeverWrite(t *testing.T) {
	readers := []struct {
		name string
		read func(s *Store) error
	}{
		{"Snapshot", func(s *Store) error { _, err := s.Snapshot(); return err }},
		{"Days", func(s *Store) error { _, err := s.Days(); return err }},
		{"DaysBetween", func(s *Store) error {
			_, err := s.DaysBetween(fixtureDate("2026-11-01"), fixtureDate("2026-11-30"))
			return err
		}},
		{"Day", func(s *Store) error { _, err := s.Day(fixtureDate("2026-11-26")); return err }},
		{"Settings", func(s *Store) error { _, err := s.Settings(); return err }},
		{"State", func(s *Store) error { _, err := s.State("theme"); return err }},
		{"Generation", func(s *Store) error { _, err := s.Generation(); return err }},
		{"Check", func(s *Store) error {
			probs, err := s.Check()
			if err == nil && len(probs) > 0 {
				t.Errorf("Check found %v in a good fixture", probs)
			}
			return err
		}},
	}
	for _, f := range dbFixtures() {
		t.Run(f.file, func(t *testing.T) {
			p := copyFixture(t, f.file)
			before := oldState(t, p)
			// A store opened read-only, as status, export, check and
			// backups open it, and as the app gets it for a file it cannot
			// write.
			ro, err := Open(p, Options{ReadOnly: true})
			if err != nil {
				t.Fatalf("Open(ReadOnly) = %v", err)
			}
			for _, r := range readers {
				if err := r.read(ro); err != nil {
					t.Errorf("%s = %v", r.name, err)
				}
				if !before.same(stateOf(t, p)) {
					t.Fatalf("%s changed the file of schema %d", r.name, f.schema)
				}
			}
			snap, err := ro.Snapshot()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(snap.Days, f.days) || snap.Settings != f.settings {
				t.Errorf("read as it is:\n got %+v %+v\nwant %+v %+v", snap.Days, snap.Settings, f.days, f.settings)
			}
			if f.schema != SchemaVersion {
				return
			}
			// The app's read-write open of a current file reads without a
			// write too.
			rw, err := Open(p, Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range readers {
				if err := r.read(rw); err != nil {
					t.Errorf("read-write store: %s = %v", r.name, err)
				}
			}
			if !before.same(stateOf(t, p)) {
				t.Errorf("a read-write store's readers changed the file")
			}
		})
	}
}
