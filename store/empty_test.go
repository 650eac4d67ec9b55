package store

import (
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"cooldown/coach"
)

// TestCheckEmptyBboltFile pins what a kill during the very first save leaves:
// bbolt has written its first pages but the transaction that creates the
// buckets never committed. Such a file holds nothing, so Check finds no
// problem, and the next save initialises it.
func TestCheckEmptyBboltFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cooldown.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("open an empty bbolt file: %v", err)
	}
	probs, err := s.Check()
	if err != nil || len(probs) != 0 {
		t.Fatalf("Check of an empty bbolt file = %v, %v; want no problems", probs, err)
	}
	d := date(t, "2026-11-25")
	if _, err := s.ToggleItem(d, coach.Berries, d.Time()); err != nil {
		t.Fatalf("first save into it: %v", err)
	}
	if probs, err := s.Check(); err != nil || len(probs) != 0 {
		t.Fatalf("Check after the first save = %v, %v; want no problems", probs, err)
	}
}
